// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AlertModel.h"

#include "common/AlertKinds.h"
#include "ui/Format.h"
#include "ui/Theme.h"

#include <QFont>
#include <QGuiApplication>

namespace sentinel {

namespace {
QString iconName(AlertView::Severity severity)
{
    switch (severity) {
    case AlertView::Severity::Critical: return QStringLiteral("critical");
    case AlertView::Severity::Warning: return QStringLiteral("alert");
    case AlertView::Severity::Info: break;
    }
    return QStringLiteral("info");
}
} // namespace

AlertModel::AlertModel(QObject* parent) : KeyedTableModel(parent) {}

int AlertModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertView& a = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case SeverityColumn:
            return a.acknowledged ? tr("%1 (acknowledged)").arg(Format::severity(a.severity)) : Format::severity(a.severity);
        case TimeColumn: return Format::localTime(a.at);
        case KindColumn: return Format::alertKind(a.kind);
        case InstrumentColumn: return a.instrumentKey;
        case MessageColumn: return a.message;
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return Format::utcTime(a.at);
        if (index.column() == MessageColumn)
            return a.message;
        return {};
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return Theme::icon(iconName(a.severity));
        return {};
    case Qt::BackgroundRole:
        if (index.column() == SeverityColumn && !a.acknowledged)
            return Theme::severityBackground(a.severity, QGuiApplication::palette());
        return {};
    case Qt::FontRole:
        if (!a.acknowledged && a.severity == AlertView::Severity::Critical) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case AlertIdRole: return a.id;
    case SeverityRole: return int(a.severity);
    case AcknowledgedRole: return a.acknowledged;
    case RunbookRole: return runbookPage(a.kind);
    default: return {};
    }
}

QVariant AlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case TimeColumn: return tr("Time");
    case KindColumn: return tr("Kind");
    case InstrumentColumn: return tr("Instrument");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

bool AlertModel::applyAlert(const AlertView& alert)
{
    const int row = rowOfKey(alert.id);
    if (row >= 0) {
        AlertView updated = alert;
        // An acknowledgement made here is not undone by an engine update that predates it.
        updated.acknowledged = alert.acknowledged || rowAt(row).acknowledged;
        replaceRowAt(row, updated);
        return false;
    }
    insertRowAt(0, alert);
    if (rowCount() > limit)
        removeRowAt(rowCount() - 1);
    return true;
}

void AlertModel::markAcknowledged(const QString& alertId)
{
    const int row = rowOfKey(alertId);
    if (row < 0 || rowAt(row).acknowledged)
        return;
    AlertView updated = rowAt(row);
    updated.acknowledged = true;
    replaceRowAt(row, updated);
}

int AlertModel::unacknowledgedCount(AlertView::Severity atLeast) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [atLeast](const AlertView& a) {
        return !a.acknowledged && int(a.severity) >= int(atLeast);
    }));
}

AlertFilterProxy::AlertFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {}

void AlertFilterProxy::setMinimumSeverity(AlertView::Severity severity)
{
    if (m_minimum == severity)
        return;
    m_minimum = severity;
    invalidateRowsFilter();
}

void AlertFilterProxy::setShowAcknowledged(bool show)
{
    if (m_showAcknowledged == show)
        return;
    m_showAcknowledged = show;
    invalidateRowsFilter();
}

bool AlertFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(AlertModel::SeverityRole).toInt() < int(m_minimum))
        return false;
    return m_showAcknowledged || !index.data(AlertModel::AcknowledgedRole).toBool();
}

} // namespace sentinel

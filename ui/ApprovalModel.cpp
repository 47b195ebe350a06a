// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ApprovalModel.h"

#include "ui/Format.h"
#include "ui/Theme.h"

#include <QGuiApplication>
#include <QLocale>

#include <cmath>

namespace sentinel {

ApprovalModel::ApprovalModel(Kind kind, QObject* parent) : KeyedTableModel(parent), m_kind(kind) {}

int ApprovalModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApprovalModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProposalView& p = rowAt(index.row());
    const QPalette palette = QGuiApplication::palette();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case InstrumentColumn: return p.instrument.symbol;
        case SideColumn: return Format::side(p.side, p.isExit);
        case QuantityColumn: return QLocale().toString(p.quantity, 'g', 8);
        case PriceColumn: return Format::price(p.price);
        case RiskColumn: return p.riskApproved ? tr("passed") : tr("refused");
        case StatusColumn:
            if (m_kind == Kind::Queue)
                return Format::countdown(secondsRemaining(p));
            return p.resolution.isEmpty() ? Format::proposalState(p.state)
                                          : tr("%1 — %2").arg(Format::proposalState(p.state), p.resolution);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == RiskColumn && !p.riskReasons.isEmpty())
            return p.riskReasons.join(u'\n');
        if (index.column() == StatusColumn && m_kind == Kind::Queue)
            return tr("Expires %1 (%2)").arg(Format::localTime(p.expiresAt), Format::utcTime(p.expiresAt));
        if (index.column() == InstrumentColumn)
            return p.strategyReason;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == SideColumn)
            return p.side == Side::Buy ? Theme::positiveColor(palette) : Theme::negativeColor(palette);
        if (index.column() == RiskColumn)
            return p.riskApproved ? Theme::positiveColor(palette) : Theme::negativeColor(palette);
        if (index.column() == StatusColumn && m_kind == Kind::Queue && secondsRemaining(p) <= 30)
            return Theme::negativeColor(palette);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == QuantityColumn || index.column() == PriceColumn || index.column() == StatusColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ProposalIdRole: return p.id;
    case SecondsRemainingRole: return secondsRemaining(p);
    default: return {};
    }
}

QVariant ApprovalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case InstrumentColumn: return tr("Instrument");
    case SideColumn: return tr("Side");
    case QuantityColumn: return tr("Quantity");
    case PriceColumn: return tr("Price");
    case RiskColumn: return tr("Risk check");
    case StatusColumn: return m_kind == Kind::Queue ? tr("Expires in") : tr("Outcome");
    default: return {};
    }
}

bool ApprovalModel::applyProposal(const ProposalView& proposal)
{
    const int row = rowOfKey(proposal.id);
    const bool pending = proposal.state == ProposalView::State::Pending;
    if (m_kind == Kind::Queue) {
        if (pending) {
            upsert(proposal);
            return row < 0;
        }
        if (row >= 0)
            removeRowAt(row);
        return false;
    }
    if (pending)
        return false;
    if (row >= 0) {
        replaceRowAt(row, proposal);
        return false;
    }
    insertRowAt(0, proposal);
    if (rowCount() > historyLimit)
        removeRowAt(rowCount() - 1);
    return true;
}

void ApprovalModel::setEngineTime(const QDateTime& clockTime)
{
    if (!clockTime.isValid())
        return;
    m_engineTime = clockTime;
    m_sinceEngineTime.start();
    refreshCountdowns();
}

QDateTime ApprovalModel::now() const
{
    if (!m_engineTime.isValid())
        return QDateTime::currentDateTimeUtc();
    return m_engineTime.addMSecs(m_sinceEngineTime.elapsed());
}

qint64 ApprovalModel::secondsRemaining(const ProposalView& proposal) const
{
    if (!proposal.expiresAt.isValid())
        return 0;
    // Round up: "0:01" stays on screen until the last second has really gone.
    const qint64 ms = now().msecsTo(proposal.expiresAt);
    return ms <= 0 ? 0 : qint64(std::ceil(double(ms) / 1000.0));
}

void ApprovalModel::refreshCountdowns()
{
    if (m_kind != Kind::Queue || rowCount() == 0)
        return;
    Q_EMIT dataChanged(index(0, StatusColumn), index(rowCount() - 1, StatusColumn),
                       {Qt::DisplayRole, Qt::AccessibleTextRole, Qt::ForegroundRole, SecondsRemainingRole});
}

} // namespace sentinel

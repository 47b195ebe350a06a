// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ChannelModel.h"

#include "ui/Format.h"
#include "ui/Theme.h"

#include <QGuiApplication>
#include <QLocale>

namespace sentinel {

namespace {
QString channelTitle(const QString& channel)
{
    if (channel == u"telegram")
        return QStringLiteral("Telegram");
    if (channel == u"webhook")
        return QStringLiteral("Webhook");
    return channel;
}
} // namespace

ChannelModel::ChannelModel(QObject* parent) : KeyedTableModel(parent) {}

int ChannelModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChannelModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChannelSnapshot& c = rowAt(index.row());
    const QLocale locale;
    const QPalette palette = QGuiApplication::palette();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case ChannelColumn: return channelTitle(c.channel);
        case StateColumn: return Format::channelState(c.state);
        case DeliveredColumn: return locale.toString(c.delivered);
        case FailedColumn: return locale.toString(c.failed);
        case RetryingColumn: return locale.toString(c.retrying);
        case SuccessColumn: return c.delivered + c.failed == 0 ? QStringLiteral("—") : Format::percent(c.successRate);
        case LatencyColumn:
            return c.delivered == 0 ? QStringLiteral("—") : tr("%1 / %2 ms").arg(c.p50Ms).arg(c.p95Ms);
        case LastErrorColumn: return c.lastError;
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == LastErrorColumn && !c.lastError.isEmpty())
            return c.lastRemedy.isEmpty() ? c.lastError : tr("%1\nRemedy: %2").arg(c.lastError, c.lastRemedy);
        if (index.column() == LatencyColumn)
            return tr("Delivery latency, median / 95th percentile");
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StateColumn) {
            if (c.state == ChannelState::Ok)
                return Theme::positiveColor(palette);
            if (c.state == ChannelState::Failing)
                return Theme::negativeColor(palette);
            if (c.state == ChannelState::Retrying || c.state == ChannelState::Offline)
                return Theme::warningColor(palette);
        }
        if (index.column() == FailedColumn && c.failed > 0)
            return Theme::negativeColor(palette);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= DeliveredColumn && index.column() <= LatencyColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant ChannelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ChannelColumn: return tr("Channel");
    case StateColumn: return tr("State");
    case DeliveredColumn: return tr("Delivered");
    case FailedColumn: return tr("Failed");
    case RetryingColumn: return tr("Retrying");
    case SuccessColumn: return tr("Success rate");
    case LatencyColumn: return tr("Latency");
    case LastErrorColumn: return tr("Last error");
    default: return {};
    }
}

void ChannelModel::applyChannels(const QList<ChannelSnapshot>& channels)
{
    sync(channels);
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WatchlistModel.h"

#include "ui/Format.h"
#include "ui/Theme.h"

#include <QGuiApplication>

namespace sentinel {

WatchlistModel::WatchlistModel(QObject* parent) : KeyedTableModel(parent) {}

int WatchlistModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WatchlistModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InstrumentSnapshot& row = rowAt(index.row());
    const bool hasBar = row.lastBarOpen.isValid();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case SymbolColumn: return row.instrument.symbol;
        case MarketColumn: return row.instrument.market;
        case StateColumn: return Format::marketState(row.marketState);
        case FeedColumn: return feedText(row);
        case PriceColumn: return Format::price(row.lastPrice);
        case LastBarColumn: return hasBar ? Format::localTime(row.lastBarOpen) : tr("waiting for data");
        // Without a verdict the engine has not measured the lag yet; "0 s" would claim it is current.
        case LagColumn:
            return hasBar && row.freshness != Freshness::Unknown ? Format::duration(row.lagSeconds) : QStringLiteral("—");
        case FreshnessColumn: return Format::freshness(row.freshness);
        default: return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SymbolColumn:
            return tr("%1 on %2, %3 bars").arg(row.instrument.symbol, row.instrument.market, intervalName(row.instrument.interval));
        case LastBarColumn:
            return hasBar ? tr("Bar opened %1").arg(Format::utcTime(row.lastBarOpen)) : QVariant();
        case LagColumn:
            return tr("Lag in market time; tolerance %1").arg(Format::duration(row.toleranceSeconds));
        case FeedColumn: return feedToolTip(row);
        case FreshnessColumn:
        case PriceColumn:
            if (!row.lastError.isEmpty())
                return row.lastError;
            return row.freshnessReason.isEmpty() ? QVariant() : QVariant(row.freshnessReason);
        default: return {};
        }
    case Qt::BackgroundRole:
        if (index.column() == FreshnessColumn)
            return Theme::freshnessBackground(row.freshness, QGuiApplication::palette());
        // Degraded is a warning, not stale: bars still come, from candles, later than the stream's.
        if (index.column() == FeedColumn && row.degraded())
            return Theme::freshnessBackground(Freshness::Warn, QGuiApplication::palette());
        return {};
    case Qt::ForegroundRole:
        if (index.column() == PriceColumn && !row.lastError.isEmpty())
            return Theme::negativeColor(QGuiApplication::palette());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == PriceColumn || index.column() == LagColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == FreshnessColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        return {};
    case KeyRole: return row.instrument.key();
    case FreshnessRole: return int(row.freshness);
    default: return {};
    }
}

QVariant WatchlistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SymbolColumn: return tr("Instrument");
    case MarketColumn: return tr("Market");
    case StateColumn: return tr("State");
    case FeedColumn: return tr("Feed");
    case PriceColumn: return tr("Last price");
    case LastBarColumn: return tr("Last bar (local time)");
    case LagColumn: return tr("Lag");
    case FreshnessColumn: return tr("Freshness");
    default: return {};
    }
}

void WatchlistModel::applySnapshots(const InstrumentSnapshots& snapshots)
{
    upsertAll(snapshots);
}

int WatchlistModel::staleCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const InstrumentSnapshot& s) { return s.freshness == Freshness::Stale; }));
}

QString WatchlistModel::feedText(const InstrumentSnapshot& row)
{
    if (!row.stream)
        return row.feed;
    return row.stream->live ? tr("%1, streamed").arg(row.feed) : tr("%1, degraded").arg(row.feed);
}

QString WatchlistModel::feedToolTip(const InstrumentSnapshot& row)
{
    if (!row.stream)
        return row.feed.isEmpty() ? QString() : tr("Bars are polled from %1 on the market's schedule").arg(row.feed);
    const StreamState& stream = *row.stream;
    if (stream.live)
        return tr("Bars come from the %1 price stream, live since %2; the broker's candles confirm each one")
            .arg(row.feed, Format::localTime(stream.since));
    const QString why = stream.lostBecause.isEmpty() ? QString() : tr(" (%1)").arg(stream.lostBecause);
    const QString retry = stream.retryAt.isValid() ? tr("; next try %1").arg(Format::localTime(stream.retryAt)) : QString();
    return tr("The %1 price stream is down since %2%3. Bars come from candles meanwhile, up to a poll later than "
              "the stream would bring them%4")
        .arg(row.feed, Format::localTime(stream.since), why, retry);
}

} // namespace sentinel

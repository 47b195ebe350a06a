// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/HistoryModel.h"

#include "ui/Format.h"

namespace sentinel {

HistoryModel::HistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryRow& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case TimeColumn:
            return Format::localTime(row.createdAt);
        case InstrumentColumn:
            return Format::instrumentKey(row.instrumentKey);
        case SideColumn:
            return Format::side(row.side, row.isExit);
        case QuantityColumn:
            return Format::quantity(row.quantity);
        case PriceColumn:
            return Format::price(row.price);
        case StrategyColumn:
            return row.strategy.isEmpty() ? tr("unrecorded") : row.strategy;
        case OutcomeColumn:
            return Format::proposalState(row.state);
        case DecidedByColumn:
            return row.decidedBy;
        case FillColumn:
            return row.fill ? Format::price(row.fill->price) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == InstrumentColumn)
            return row.instrumentKey;
        if (index.column() == OutcomeColumn && !row.resolution.isEmpty())
            return row.resolution;
        if (index.column() == DecidedByColumn && !row.decidedVia.isEmpty())
            return tr("Decided through %1").arg(row.decidedVia);
        if (index.column() == StrategyColumn && row.strategy.isEmpty())
            return tr("Journalled before Trade Sentinel recorded the strategy of each proposal");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == QuantityColumn || index.column() == PriceColumn || index.column() == FillColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ProposalIdRole:
        return row.proposalId;
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case InstrumentColumn:
        return tr("Instrument");
    case SideColumn:
        return tr("Side");
    case QuantityColumn:
        return tr("Qty");
    case PriceColumn:
        return tr("Price");
    case StrategyColumn:
        return tr("Strategy");
    case OutcomeColumn:
        return tr("Outcome");
    case DecidedByColumn:
        return tr("Decided by");
    case FillColumn:
        return tr("Fill");
    default:
        return {};
    }
}

bool HistoryModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_more && !m_waiting;
}

void HistoryModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent) && !m_rows.isEmpty())
        request(m_rows.last().cursor());
}

void HistoryModel::setFilter(const HistoryFilter& filter)
{
    m_filter = filter;
    reload();
}

void HistoryModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_matching.reset();
    m_more = false;
    endResetModel();
    request(std::nullopt);
}

void HistoryModel::request(const std::optional<HistoryCursor>& after)
{
    m_waiting = true;
    m_error.clear();
    HistoryQuery query;
    query.request = ++m_request;
    query.filter = m_filter;
    query.after = after;
    query.limit = pageSize;
    Q_EMIT pageRequested(query);
}

void HistoryModel::applyPage(const HistoryPageView& page)
{
    if (page.request != m_request)
        return; // asked before the filter changed
    m_waiting = false;
    if (!page.error.isEmpty()) {
        m_more = false;
        m_error = page.error;
        Q_EMIT failed(page.error);
        return;
    }
    if (!page.rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.rows.size() - 1));
        m_rows << page.rows;
        endInsertRows();
    }
    m_more = page.more;
    if (page.matching) {
        m_matching = page.matching;
        Q_EMIT firstPageArrived(*page.matching, page.strategies);
    }
}

} // namespace sentinel

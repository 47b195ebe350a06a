// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QAbstractTableModel>

#include <optional>

namespace sentinel {

/// The journal's proposals, newest first, a page at a time (issue 17, ADR 0136). The model holds
/// what the engine sent so far; when a view scrolls near the end it asks for the next page
/// (fetchMore() emits pageRequested, the engine answers through applyPage()), so a journal of any
/// length opens with its first page. It never reads the journal itself.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)
public:
    enum Column {
        TimeColumn,
        InstrumentColumn,
        SideColumn,
        QuantityColumn,
        PriceColumn,
        StrategyColumn,
        OutcomeColumn,
        DecidedByColumn,
        FillColumn,
        ColumnCount
    };
    enum Role { ProposalIdRole = Qt::UserRole + 1 };

    /// Rows asked for per page.
    static constexpr int pageSize = 200;

    explicit HistoryModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /// Drops the rows and asks for the first page under `filter`.
    void setFilter(const sentinel::HistoryFilter& filter);
    /// Asks for the first page again under the same filter (new proposals, another engine).
    void reload();
    /// Takes the engine's answer; one to an earlier question (another filter) is ignored.
    void applyPage(const sentinel::HistoryPageView& page);

    [[nodiscard]] const HistoryFilter& filter() const { return m_filter; }
    [[nodiscard]] const HistoryRow& rowAt(int row) const { return m_rows.at(row); }
    /// How many proposals the filter selects, as the first page said; nullopt before it came.
    [[nodiscard]] std::optional<qint64> matching() const { return m_matching; }
    [[nodiscard]] bool waiting() const { return m_waiting; }
    [[nodiscard]] const QString& lastError() const { return m_error; }

Q_SIGNALS:
    void pageRequested(const sentinel::HistoryQuery& query);
    /// The first page under a filter came: its count and the strategies the journal names.
    void firstPageArrived(qint64 matching, const QStringList& strategies);
    /// The engine could not answer (the message says why).
    void failed(const QString& message);

private:
    void request(const std::optional<HistoryCursor>& after);

    HistoryFilter m_filter;
    QList<HistoryRow> m_rows;
    std::optional<qint64> m_matching;
    quint64 m_request = 0; ///< the question whose answer the model waits for or last took
    bool m_waiting = false;
    bool m_more = false;
    QString m_error;
};

} // namespace sentinel

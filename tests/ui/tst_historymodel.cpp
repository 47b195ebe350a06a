// SPDX-License-Identifier: GPL-3.0-or-later
// The History panel's model (ADR 0136): it asks for pages with the cursor of its last row, takes
// only the answer to its latest question, and stops asking when the engine says there is no more
// or cannot answer.
#include "ui/Format.h"
#include "ui/HistoryModel.h"

#include <QSignalSpy>
#include <QTest>

using namespace sentinel;

namespace {

HistoryRow rowAt(int minute)
{
    HistoryRow row;
    row.proposalId = QStringLiteral("p%1").arg(minute, 4, 10, QLatin1Char('0'));
    row.createdAt = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC).addSecs(60 * minute);
    row.instrumentKey = QStringLiteral("XNYS:AAPL:5min");
    row.symbol = QStringLiteral("AAPL");
    row.quantity = 10;
    row.price = 190;
    row.state = ProposalState::Executed;
    row.fill = HistoryFill{QStringLiteral("o%1").arg(minute), 190.5, 10, 0.5, row.createdAt.addSecs(30)};
    return row;
}

/// The answer a journal of `total` rows (minute total-1 newest) gives to `query`.
HistoryPageView answer(const HistoryQuery& query, int total)
{
    HistoryPageView page;
    page.request = query.request;
    int newest = total - 1;
    if (query.after)
        newest = QStringView(query.after->proposalId).mid(1).toInt() - 1;
    for (int minute = newest; minute >= 0 && page.rows.size() < query.limit; --minute)
        page.rows << rowAt(minute);
    page.more = !page.rows.isEmpty() && QStringView(page.rows.last().proposalId).mid(1).toInt() > 0;
    if (!query.after) {
        page.matching = total;
        page.strategies = {QStringLiteral("sma_cross")};
    }
    return page;
}

} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pagesFollowTheLastRowsCursor()
    {
        HistoryModel model;
        QList<HistoryQuery> asked;
        connect(&model, &HistoryModel::pageRequested, this, [&](const HistoryQuery& query) { asked << query; });
        QSignalSpy first(&model, &HistoryModel::firstPageArrived);
        model.setFilter({});
        QCOMPARE(asked.size(), 1);
        QVERIFY(!asked.first().after.has_value());
        QCOMPARE(asked.first().limit, HistoryModel::pageSize);
        QVERIFY(!model.canFetchMore({})); // waiting for the answer
        model.applyPage(answer(asked.first(), 450));
        QCOMPARE(model.rowCount(), 200);
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.first().at(0).toLongLong(), 450);
        QCOMPARE(model.matching(), std::optional<qint64>(450));

        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(asked.size(), 2);
        QCOMPARE(asked.at(1).after, std::optional<HistoryCursor>(model.rowAt(199).cursor()));
        model.fetchMore({}); // a second call while waiting asks nothing more
        QCOMPARE(asked.size(), 2);
        model.applyPage(answer(asked.at(1), 450));
        model.fetchMore({});
        model.applyPage(answer(asked.at(2), 450));
        QCOMPARE(model.rowCount(), 450);
        QVERIFY(!model.canFetchMore({}));
        // Newest first, every row once.
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowAt(row).proposalId, rowAt(449 - row).proposalId);
        QCOMPARE(first.size(), 1); // later pages carry no count
    }

    void anAnswerToAnEarlierFilterIsDropped()
    {
        HistoryModel model;
        QList<HistoryQuery> asked;
        connect(&model, &HistoryModel::pageRequested, this, [&](const HistoryQuery& query) { asked << query; });
        model.setFilter({});
        HistoryFilter aapl;
        aapl.instrument = QStringLiteral("AAPL");
        model.setFilter(aapl);
        QCOMPARE(asked.size(), 2);
        QCOMPARE(asked.at(1).filter, aapl);
        model.applyPage(answer(asked.at(0), 50)); // late: the filter changed since
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.waiting());
        model.applyPage(answer(asked.at(1), 3));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.waiting());
    }

    void anEngineThatCannotAnswerStopsTheAsking()
    {
        HistoryModel model;
        QList<HistoryQuery> asked;
        connect(&model, &HistoryModel::pageRequested, this, [&](const HistoryQuery& query) { asked << query; });
        QSignalSpy failed(&model, &HistoryModel::failed);
        model.setFilter({});
        HistoryPageView refusal;
        refusal.request = asked.first().request;
        refusal.error = QStringLiteral("the engine is not running");
        model.applyPage(refusal);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(model.lastError(), refusal.error);
        QVERIFY(!model.canFetchMore({}));
        model.reload();
        QCOMPARE(asked.size(), 2);
        QVERIFY(model.lastError().isEmpty());
    }

    void cellsSayWhatHappened()
    {
        HistoryModel model;
        connect(&model, &HistoryModel::pageRequested, this, [&](const HistoryQuery& query) {
            HistoryPageView page = answer(query, 2);
            page.rows[1].strategy.clear();
            page.rows[1].state = ProposalState::Rejected;
            page.rows[1].resolution = QStringLiteral("earnings tomorrow");
            page.rows[1].fill.reset();
            model.applyPage(page);
        });
        model.setFilter({});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0, HistoryModel::FillColumn)).toString(), Format::price(190.5));
        QCOMPARE(model.data(model.index(1, HistoryModel::FillColumn)).toString(), QString());
        QCOMPARE(model.data(model.index(1, HistoryModel::StrategyColumn)).toString(), QStringLiteral("unrecorded"));
        QCOMPARE(model.data(model.index(1, HistoryModel::OutcomeColumn), Qt::ToolTipRole).toString(),
                 QStringLiteral("earnings tomorrow"));
        QCOMPARE(model.data(model.index(0, HistoryModel::TimeColumn), HistoryModel::ProposalIdRole).toString(),
                 QStringLiteral("p0001"));
    }
};

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"

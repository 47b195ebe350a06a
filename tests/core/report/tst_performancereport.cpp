// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17's performance figures: round trips matched first in, first out; the figures of a
// journal of hand-computed trades; Sharpe and Sortino against quantstats' formulas.
#include "JournalFixture.h"
#include "KnownTrades.h"

#include "journal/JournalFills.h"
#include "report/ClosedTradesCsv.h"
#include "report/PerformanceReport.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

namespace {

FillRecord fillOf(const QString& key, Side side, double quantity, double price, double fee, qint64 atMs,
                  const QString& strategy = QStringLiteral("sma_cross"))
{
    return FillRecord{QStringLiteral("p%1").arg(atMs), key, strategy, side, false, quantity, price, fee, atMs};
}

constexpr qint64 hourMs = 3600 * 1000;

} // namespace

class TestPerformanceReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void oneExitClosesTheOldestLotsFirst()
    {
        const QList<ClosedTrade> trades = matchRoundTrips({
            fillOf(QStringLiteral("X"), Side::Buy, 2, 10, 0.2, 1 * hourMs),
            fillOf(QStringLiteral("X"), Side::Buy, 2, 20, 0.4, 2 * hourMs),
            fillOf(QStringLiteral("X"), Side::Sell, 3, 30, 0.3, 3 * hourMs),
        });
        QCOMPARE(trades.size(), 1);
        const ClosedTrade& trade = trades.first();
        QVERIFY(trade.isLong);
        QCOMPARE(trade.quantity, 3.0);
        // 2 @ 10 and 1 @ 20: 40 / 3.
        QCOMPARE(trade.entryPrice, 40.0 / 3.0);
        QCOMPARE(trade.openedAtMs, 1 * hourMs);
        QCOMPARE(trade.entryProposalId, QStringLiteral("p%1").arg(hourMs));
        // The first lot's whole fee, half the second's, all of the exit's.
        QCOMPARE(trade.fees, 0.2 + 0.2 + 0.3);
        QCOMPARE(trade.pnl, 3 * 30.0 - 40.0 - 0.7);
    }

    void aShortIsClosedByABuyAndAFlipOpensTheRest()
    {
        const QList<ClosedTrade> trades = matchRoundTrips({
            fillOf(QStringLiteral("X"), Side::Sell, 5, 100, 0, 1 * hourMs),
            fillOf(QStringLiteral("X"), Side::Buy, 8, 90, 0.8, 2 * hourMs),   // covers 5, opens 3 long
            fillOf(QStringLiteral("X"), Side::Sell, 3, 95, 0, 3 * hourMs),
            fillOf(QStringLiteral("Y"), Side::Sell, 1, 7, 0, 4 * hourMs),      // another instrument, open
        });
        QCOMPARE(trades.size(), 2);
        QVERIFY(!trades.at(0).isLong);
        QCOMPARE(trades.at(0).quantity, 5.0);
        QCOMPARE(trades.at(0).fees, 0.5); // 5 of the buy's 8 units
        QCOMPARE(trades.at(0).pnl, 5 * 10.0 - 0.5);
        QVERIFY(trades.at(1).isLong);
        QCOMPARE(trades.at(1).quantity, 3.0);
        QCOMPARE(trades.at(1).entryPrice, 90.0);
        QCOMPARE(trades.at(1).fees, 0.3);
        QCOMPARE(trades.at(1).pnl, 3 * 5.0 - 0.3);
    }

    void roundingLeftOverIsNotAnOpenPosition()
    {
        // 0.1 + 0.2 bought, 0.3 sold: a position of 5.5e-17 units is no position.
        const QList<ClosedTrade> trades = matchRoundTrips({
            fillOf(QStringLiteral("X"), Side::Buy, 0.1, 10, 0, 1),
            fillOf(QStringLiteral("X"), Side::Buy, 0.2, 10, 0, 2),
            fillOf(QStringLiteral("X"), Side::Sell, 0.3, 11, 0, 3),
            fillOf(QStringLiteral("X"), Side::Sell, 1, 12, 0, 4),
        });
        QCOMPARE(trades.size(), 1);
        QCOMPARE(trades.first().closedAtMs, 3);
    }

    void knownTradesGiveTheHandComputedFigures()
    {
        const QString path = m_dir.filePath(QStringLiteral("known.sqlite"));
        QVERIFY2(test::KnownTrades::write(path).ok(), "known journal written");
        const auto fills = journalfills::readFile(path);
        QVERIFY2(fills.ok(), qPrintable(fills.ok() ? QString() : fills.error().toString()));
        QCOMPARE(fills.value().size(), test::KnownTrades::fills().size());

        const PerformanceReport report = PerformanceReport::build(fills.value(), ReportWindow{{}, {}, test::KnownTrades::startingEquity});
        const PerformanceFigures& total = report.total;
        QCOMPARE(total.trades, 8);
        QCOMPARE(total.closedTrades, 4);
        QVERIFY(qFuzzyCompare(total.pnl, 98.0 - 101.0 + 39.2 - 31.2));
        QCOMPARE(total.winRate, 0.5);
        QVERIFY(total.profitFactor);
        QVERIFY(qFuzzyCompare(*total.profitFactor, 137.2 / 132.2));
        QVERIFY(qFuzzyCompare(total.averageWin, 68.6));
        QVERIFY(qFuzzyCompare(total.averageLoss, 66.1));
        QVERIFY(qFuzzyCompare(total.maxDrawdown, 101.0 / 10098.0));
        // End-of-day equity Mon..Fri 10098, 10098, 10036.2, 10005, 10005 from 10000; quantstats:
        // sharpe = mean / std(ddof=1) * sqrt(252), sortino = mean / sqrt(sum(min(r,0)^2) / n) * sqrt(252).
        QVERIFY2(qAbs(total.sharpe - 0.3032221208802643) < 1e-9, qPrintable(QString::number(total.sharpe, 'g', 17)));
        QVERIFY2(qAbs(total.sortino - 0.5907832693487609) < 1e-9, qPrintable(QString::number(total.sortino, 'g', 17)));

        QCOMPARE(report.byStrategy.keys(), (QStringList{QStringLiteral("rsi_reversion"), QStringLiteral("sma_cross")}));
        QCOMPARE(report.byStrategy.value(QStringLiteral("sma_cross")).trades, 6);
        QCOMPARE(report.byStrategy.value(QStringLiteral("sma_cross")).closedTrades, 3);
        QCOMPARE(report.byStrategy.value(QStringLiteral("rsi_reversion")).closedTrades, 1);
        QVERIFY(qFuzzyCompare(report.byStrategy.value(QStringLiteral("rsi_reversion")).pnl, -101.0));
        // A loss and no win: 0 / 101 is a profit factor of 0 (null is for no loss at all).
        QCOMPARE(report.byStrategy.value(QStringLiteral("rsi_reversion")).profitFactor.value_or(-1), 0.0);
        int closedByInstrument = 0;
        for (const PerformanceFigures& figures : report.byInstrument)
            closedByInstrument += figures.closedTrades;
        QCOMPARE(closedByInstrument, total.closedTrades);
        QCOMPARE(report.byInstrument.value(QStringLiteral("XNYS:AAPL:5min")).trades, 6);

        const QJsonObject json = report.toJson();
        for (const char* key : {"trades", "closed_trades", "win_rate", "profit_factor", "pnl", "max_drawdown", "sharpe", "sortino",
                                "by_strategy", "by_instrument"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json.value(QStringLiteral("closed_trades")).toInt(), 4);
        QCOMPARE(json.value(QStringLiteral("by_strategy")).toObject().value(QStringLiteral("rsi_reversion")).toObject()
                     .value(QStringLiteral("profit_factor")).toDouble(-1), 0.0);
    }

    void aWindowCountsWhatClosedInItFromTheEquityItStartedWith()
    {
        const QString path = m_dir.filePath(QStringLiteral("window.sqlite"));
        QVERIFY(test::KnownTrades::write(path).ok());
        const QDateTime wednesday(QDate(2024, 3, 6), QTime(0, 0), Qt::UTC);
        const auto fills = journalfills::readFile(path);
        QVERIFY(fills.ok());
        const PerformanceReport report =
            PerformanceReport::build(fills.value(), ReportWindow{wednesday, {}, test::KnownTrades::startingEquity});
        QVERIFY(qFuzzyCompare(report.equityAtStart, 10098.0));
        QCOMPARE(report.total.trades, 5);
        QCOMPARE(report.total.closedTrades, 3); // MSFT was bought on Tuesday and closed in the window
        QVERIFY(qFuzzyCompare(report.total.pnl, -101.0 + 39.2 - 31.2));
        QVERIFY(qAbs(report.total.sharpe - -15.958106956120385) < 1e-9);
        QVERIFY(qAbs(report.total.sortino - -12.322120812922783) < 1e-9);

        // Reading up to Thursday leaves Thursday's and Friday's fills out.
        const QDateTime thursday = wednesday.addDays(1);
        const auto early = journalfills::readFile(path, thursday);
        QVERIFY(early.ok());
        QCOMPARE(early.value().size(), 6);
        QVERIFY(qFuzzyCompare(realisedPnl(early.value(), wednesday, thursday), -101.0 + 39.2));
    }

    void ratiosFollowQuantstatsOnAFixedSeries()
    {
        const QList<double> returns{0.01, -0.02, 0.015, 0.0, -0.005, 0.03};
        // Python: statistics.mean(r) / statistics.stdev(r) * sqrt(252) and quantstats' sortino.
        QVERIFY(qAbs(returnstats::sharpe(returns) - 4.58257569495584) < 1e-9);
        QVERIFY(qAbs(returnstats::sortino(returns) - 9.430862975920508) < 1e-9);
    }

    void ratiosAreZeroNotNanWhenUndefined()
    {
        QCOMPARE(returnstats::sharpe({}), 0.0);
        QCOMPARE(returnstats::sharpe({0.01}), 0.0);
        QCOMPARE(returnstats::sharpe({0.01, 0.01, 0.01}), 0.0);   // no deviation
        QCOMPARE(returnstats::sortino({0.01, 0.02}), 0.0);        // no losing day
        QCOMPARE(returnstats::maxDrawdown({100, 110, 120}), 0.0);
        QCOMPARE(returnstats::maxDrawdown({100, 50, 200, 100}), 0.5);
        const PerformanceReport empty = PerformanceReport::build({}, ReportWindow{});
        QCOMPARE(empty.total.trades, 0);
        QCOMPARE(empty.total.winRate, 0.0);
        QVERIFY(!empty.total.profitFactor);
        QCOMPARE(empty.total.sharpe, 0.0);
        QVERIFY(empty.toJson().value(QStringLiteral("profit_factor")).isNull());
    }

    void aJournalBeforeSchemaFiveReportsUnrecordedStrategies()
    {
        const QString path = m_dir.filePath(QStringLiteral("old.sqlite"));
        QVERIFY(test::KnownTrades::write(path).ok());
        QVERIFY(test::corrupt(path, {QStringLiteral("ALTER TABLE proposals DROP COLUMN strategy")}).ok());
        const auto fills = journalfills::readFile(path);
        QVERIFY2(fills.ok(), qPrintable(fills.ok() ? QString() : fills.error().toString()));
        const PerformanceReport report = PerformanceReport::build(fills.value(), ReportWindow{});
        QCOMPARE(report.byStrategy.keys(), QStringList{QStringLiteral("unrecorded")});
        QCOMPARE(report.byStrategy.value(QStringLiteral("unrecorded")).closedTrades, 4);
    }

    void aFillThatIsNotANumberIsNamedNotAddedAsZero()
    {
        const QString path = m_dir.filePath(QStringLiteral("text.sqlite"));
        QVERIFY(test::KnownTrades::write(path).ok());
        QVERIFY(test::corrupt(path, {QStringLiteral("UPDATE executions SET price = 'abc' WHERE order_id = 'order-3'")}).ok());
        const auto fills = journalfills::readFile(path);
        QVERIFY(!fills.ok());
        QCOMPARE(fills.error().kind, QStringLiteral("not_a_journal"));
        QVERIFY2(fills.error().message.contains(u"price 'abc'"), qPrintable(fills.error().message));
    }

    void aFeeThatIsNotANumberIsNamedNotTakenAsZero()
    {
        // 'abc' reads as 0 through QVariant, and 0 is a valid fee: only the column's type tells.
        const QString path = m_dir.filePath(QStringLiteral("fee.sqlite"));
        QVERIFY(test::KnownTrades::write(path).ok());
        QVERIFY(test::corrupt(path, {QStringLiteral("UPDATE executions SET fee = 'abc' WHERE order_id = 'order-3'")}).ok());
        const auto fills = journalfills::readFile(path);
        QVERIFY(!fills.ok());
        QVERIFY2(fills.error().message.contains(u"fee 'abc'"), qPrintable(fills.error().message));
    }

    void csvReadsBackToTheClosedTrades()
    {
        QList<ClosedTrade> trades = matchRoundTrips({
            fillOf(QStringLiteral("=HYPERLINK(\"x\"),1"), Side::Buy, 0.1, 3.3, 0.01, 1000, QStringLiteral("@risky")),
            fillOf(QStringLiteral("=HYPERLINK(\"x\"),1"), Side::Sell, 0.1, 3.7, 0.01, 2000),
        });
        QCOMPARE(trades.size(), 1);
        const QList<QByteArray> lines = closedTradesCsv(trades).split('\n');
        QCOMPARE(lines.size(), 3); // header, one row, the empty rest after the last CRLF
        QVERIFY(lines.at(0).startsWith("closed_at,opened_at,instrument,strategy,direction,quantity,entry_price,exit_price,fees,pnl"));
        const QString row = QString::fromUtf8(lines.at(1)).chopped(1);
        // The instrument is quoted (comma, quotes) and kept text (leading '='); so is the strategy.
        QVERIFY2(row.contains(QStringLiteral("\"'=HYPERLINK(\"\"x\"\"),1\",'@risky,long,")), qPrintable(row));
        const QStringList tail = row.section(QStringLiteral("'@risky,"), 1).split(u',');
        QCOMPARE(tail.at(1).toDouble(), trades.first().quantity);
        QCOMPARE(tail.at(2).toDouble(), trades.first().entryPrice);
        QCOMPARE(tail.at(3).toDouble(), trades.first().exitPrice);
        QCOMPARE(tail.at(4).toDouble(), trades.first().fees);
        QCOMPARE(tail.at(5).toDouble(), trades.first().pnl); // shortest text, same double
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestPerformanceReport)
#include "tst_performancereport.moc"

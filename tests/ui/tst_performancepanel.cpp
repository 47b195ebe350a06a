// SPDX-License-Identifier: GPL-3.0-or-later
// The Performance view on its own (ADR 0137): it asks, shows what is answered (not an older
// answer), draws a long curve thinned with its extremes kept, and saves through the engine.
#include "ui/PerformanceModel.h"
#include "ui/PerformancePanel.h"

#include <QAction>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace sentinel;

namespace {

constexpr qint64 hourMs = 3600 * 1000;

PerformanceView viewWith(int request, const QList<double>& pnls)
{
    PerformanceReport report;
    report.equityAtStart = 1000;
    report.window.startingEquity = 1000;
    for (qsizetype i = 0; i < pnls.size(); ++i) {
        ClosedTrade trade;
        trade.instrumentKey = QStringLiteral("FX:EUR/USD:1h");
        trade.strategy = QStringLiteral("sma_cross");
        trade.pnl = pnls.at(i);
        trade.openedAtMs = i * hourMs;
        trade.closedAtMs = i * hourMs + hourMs / 2;
        report.closedTrades.append(trade);
        report.total.closedTrades += 1;
        report.total.pnl += trade.pnl;
    }
    report.byStrategy.insert(QStringLiteral("sma_cross"), report.total);
    report.byInstrument.insert(QStringLiteral("FX:EUR/USD:1h"), report.total);
    PerformanceView view = performanceView(report, PerformanceView::Source::Journal);
    view.request = request;
    view.currency = QStringLiteral("USD");
    return view;
}

} // namespace

class TestPerformancePanel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void itShowsTheAnswerToItsLatestQuestionOnly();
    void aLongCurveIsThinnedButKeepsItsExtremes();
    void anErrorIsSaidAndTheFiguresStay();
    void saveAsksForTheReportShown();
    void theTableNamesGroupsAndLeavesUndefinedRatiosBlank();
};

void TestPerformancePanel::itShowsTheAnswerToItsLatestQuestionOnly()
{
    PerformancePanel panel;
    QSignalSpy asked(&panel, &PerformancePanel::performanceRequested);
    panel.reload();
    panel.reload();
    QCOMPARE(asked.size(), 2);
    const int latest = asked.constLast().constFirst().value<PerformanceQuery>().request;
    panel.applyPerformance(viewWith(latest - 1, {10, -5}));
    QCOMPARE(panel.model()->rowCount(), 0);
    QVERIFY(!panel.saveAction()->isEnabled());
    panel.applyPerformance(viewWith(latest, {10, -5, 20}));
    QCOMPARE(panel.model()->rowCount(), 3);
    QCOMPARE(panel.equitySeries()->count(), 4);
    QCOMPARE(panel.equitySeries()->at(3).y(), 1025.0);
    QVERIFY(panel.saveAction()->isEnabled());
    QVERIFY2(panel.statusLabel()->text().contains(QStringLiteral("3 closed trade")), qPrintable(panel.statusLabel()->text()));
    // A simulation's view has no question behind it and is always shown.
    PerformanceView simulated = viewWith(0, {1});
    simulated.source = PerformanceView::Source::Simulation;
    simulated.description = QStringLiteral("2026-11-23 – 2026-11-27 · sma_cross · EUR/USD");
    panel.applyPerformance(simulated);
    QCOMPARE(panel.titleLabel()->text(), QStringLiteral("Simulation: 2026-11-23 – 2026-11-27 · sma_cross · EUR/USD"));
    // A journal change does not replace a simulation the operator is reading.
    panel.noteJournalChanged();
    QTest::qWait(2300);
    QCOMPARE(asked.size(), 2);
}

void TestPerformancePanel::aLongCurveIsThinnedButKeepsItsExtremes()
{
    PerformancePanel panel;
    QSignalSpy asked(&panel, &PerformancePanel::performanceRequested);
    panel.reload();
    // 10,000 trades on a wave with one deep loss and one big win in the middle.
    QList<double> pnls;
    for (int i = 0; i < 10000; ++i)
        pnls << ((i / 50) % 2 == 0 ? 1.0 : -1.0);
    pnls[4321] = -500;
    pnls[7654] = 900;
    const PerformanceView view = viewWith(asked.constLast().constFirst().value<PerformanceQuery>().request, pnls);
    panel.applyPerformance(view);
    QVERIFY(panel.equitySeries()->count() <= PerformancePanel::maxCurvePoints);
    QVERIFY(panel.equitySeries()->count() > PerformancePanel::maxCurvePoints / 2);
    const auto [lowest, highest] = std::minmax_element(view.equity.cbegin(), view.equity.cend(),
                                                       [](const EquityPoint& a, const EquityPoint& b) { return a.equity < b.equity; });
    double drawnLow = 1e300;
    double drawnHigh = -1e300;
    for (const QPointF& point : panel.equitySeries()->points()) {
        drawnLow = std::min(drawnLow, point.y());
        drawnHigh = std::max(drawnHigh, point.y());
    }
    QCOMPARE(drawnLow, lowest->equity);
    QCOMPARE(drawnHigh, highest->equity);
    // In time order, first and last included.
    const QList<QPointF> drawn = panel.equitySeries()->points();
    QVERIFY(std::is_sorted(drawn.cbegin(), drawn.cend(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); }));
    QCOMPARE(drawn.constFirst().x(), double(view.equity.constFirst().atMs));
    QCOMPARE(drawn.constLast().y(), view.equity.constLast().equity);
}

void TestPerformancePanel::anErrorIsSaidAndTheFiguresStay()
{
    PerformancePanel panel;
    QSignalSpy asked(&panel, &PerformancePanel::performanceRequested);
    panel.reload();
    panel.applyPerformance(viewWith(asked.constLast().constFirst().value<PerformanceQuery>().request, {4, 4}));
    panel.reload();
    PerformanceView failed;
    failed.request = asked.constLast().constFirst().value<PerformanceQuery>().request;
    failed.error = QStringLiteral("the journal is locked (close the other program)");
    panel.applyPerformance(failed);
    QCOMPARE(panel.statusLabel()->text(), QStringLiteral("No figures: the journal is locked (close the other program)"));
    QCOMPARE(panel.model()->rowCount(), 3);
}

void TestPerformancePanel::saveAsksForTheReportShown()
{
    PerformancePanel panel;
    QSignalSpy asked(&panel, &PerformancePanel::performanceRequested);
    QSignalSpy saves(&panel, &PerformancePanel::saveRequested);
    panel.reload();
    const PerformanceView view = viewWith(asked.constLast().constFirst().value<PerformanceQuery>().request, {7, -3});
    panel.applyPerformance(view);
    panel.saveTo(QStringLiteral("/tmp/out.csv"));
    QCOMPARE(saves.size(), 1);
    const auto request = saves.constFirst().constFirst().value<PerformanceSaveRequest>();
    QCOMPARE(request.path, QStringLiteral("/tmp/out.csv"));
    QCOMPARE(request.report.closedTrades, view.report.closedTrades);
    panel.applySaved({QStringLiteral("/tmp/out.csv"), QString()});
    QCOMPARE(panel.statusLabel()->text(), QStringLiteral("Saved to /tmp/out.csv."));
    panel.applySaved({QStringLiteral("/root/x.json"), QStringLiteral("could not save (permission denied)")});
    QCOMPARE(panel.statusLabel()->text(), QStringLiteral("Not saved: could not save (permission denied)"));
}

void TestPerformancePanel::theTableNamesGroupsAndLeavesUndefinedRatiosBlank()
{
    PerformanceModel model;
    PerformanceReport report;
    report.total.closedTrades = 2;
    report.total.wins = 2;
    report.total.winRate = 1;
    report.total.pnl = 12.5;
    report.byStrategy.insert(QStringLiteral("rsi_reversion"), report.total);
    report.byInstrument.insert(QStringLiteral("XNYS:AAPL:5min"), report.total);
    model.setReport(report, QStringLiteral("USD"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(0, PerformanceModel::Scope)).toString(), QStringLiteral("All trades"));
    QCOMPARE(model.data(model.index(1, PerformanceModel::Scope)).toString(), QStringLiteral("Strategy rsi_reversion"));
    QCOMPARE(model.groupAt(2), PerformanceModel::Group::Instrument);
    QCOMPARE(model.data(model.index(2, PerformanceModel::Scope), Qt::ToolTipRole).toString(), QStringLiteral("XNYS:AAPL:5min"));
    // No loss: no profit factor, and no average loss, rather than a made-up number.
    QCOMPARE(model.data(model.index(0, PerformanceModel::ProfitFactor)).toString(), QStringLiteral("—"));
    QVERIFY(!model.data(model.index(0, PerformanceModel::ProfitFactor), Qt::UserRole).isValid());
    QCOMPARE(model.data(model.index(0, PerformanceModel::AverageLoss)).toString(), QStringLiteral("—"));
    QCOMPARE(model.data(model.index(0, PerformanceModel::WinRate), Qt::UserRole).toDouble(), 1.0);
    QVERIFY(model.data(model.index(0, PerformanceModel::Pnl)).toString().contains(QStringLiteral("12.50")));
}

QTEST_MAIN(TestPerformancePanel)
#include "tst_performancepanel.moc"

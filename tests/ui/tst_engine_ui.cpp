// SPDX-License-Identifier: GPL-3.0-or-later
// The operator's window driving the real engine, wired as the application wires them
// (bindEngine): the engine and its ManualClock in a worker thread, the window in this one.
//   - a proposal is approved through the named action and its confirmation dialog, executes,
//     and the approvals and risk panels update;
//   - a feed frozen mid-session turns its watchlist row stale and adds an alert;
//   - a proposal nobody answers leaves the queue as expired (rejected);
//   - the History panel pages the engine's journal, filters it, shows a proposal's detail and
//     exports it; the exported CSV read back equals the journal's rows;
//   - the Performance view shows the journal's hand-computed figures, and a simulation started
//     from File ▸ Simulate… completes in its own thread and fills it, leaving the journal alone.
#include "JournalQuery.h"
#include "KnownTrades.h"
#include "Screenshots.h"

#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "engine/Engine.h"
#include "engine/SimulationHost.h"
#include "journal/Journal.h"
#include "ui/AlertModel.h"
#include "ui/AlertPanel.h"
#include "ui/CandleChart.h"
#include "ui/ChartPanel.h"
#include "ui/ChartSeries.h"
#include "ui/ApprovalModel.h"
#include "ui/ApprovalPanel.h"
#include "ui/EngineBinding.h"
#include "ui/HistoryModel.h"
#include "ui/HistoryPanel.h"
#include "ui/MainWindow.h"
#include "ui/ControlConfirmation.h"
#include "ui/Format.h"
#include "ui/PerformanceModel.h"
#include "ui/PerformancePanel.h"
#include "ui/PositionModel.h"
#include "ui/PositionsPanel.h"
#include "ui/RiskPanel.h"
#include "ui/SimulateDialog.h"
#include "ui/WatchlistModel.h"

#include <QAction>
#include <QDateEdit>
#include <QLineSeries>
#include <QProgressBar>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTextBrowser>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <spdlog/spdlog.h>

#include <memory>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

/// Two one-minute crypto instruments on the simulated feed: the quickest way to a proposal.
Config cryptoDesk()
{
    Config config = ConfigLoader().loadDemoProfile().config;
    config.watchlist = {Instrument{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min1},
                        Instrument{QStringLiteral("ETH/USD"), QStringLiteral("CRYPTO"), Interval::Min1}};
    return config;
}

/// The engine and its clock in their own thread, the window in this one, as trade-sentinel runs
/// them; the test moves engine time.
class Desk
{
public:
    /// `seed`, when given, writes the journal before the engine opens it.
    Desk(Config config, const QDateTime& start, const std::function<void(const QString& journalPath)>& seed = {})
    {
        m_thread.setObjectName(QStringLiteral("sentinel-engine"));
        m_clock = new ManualClock(start);
        EngineOptions options;
        options.offline = true;
        options.journalPath = journalPath();
        if (seed)
            seed(options.journalPath);
        m_engine = new Engine(std::move(config), m_clock, options);
        m_clock->moveToThread(&m_thread);
        m_engine->moveToThread(&m_thread);
        bindEngine(m_engine, &window);
        window.resize(1280, 800);
        window.show();
        m_thread.start();
        QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection);
    }

    ~Desk()
    {
        // Stopped and destroyed in its own thread, where its journal connection was opened.
        QMetaObject::invokeMethod(
            m_clock,
            [this] {
                m_engine->stop();
                delete m_engine;
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        delete m_clock;
    }

    Desk(const Desk&) = delete;
    Desk& operator=(const Desk&) = delete;

    /// Moves engine time in the engine's thread, waits until what that set off there has run,
    /// and delivers the engine's queued signals to the window.
    void advance(std::chrono::milliseconds by)
    {
        QMetaObject::invokeMethod(
            m_clock, [this, by] { m_clock->advanceBy(by); }, Qt::BlockingQueuedConnection);
        QMetaObject::invokeMethod(
            m_engine, [] {}, Qt::BlockingQueuedConnection);
        QCoreApplication::processEvents();
    }

    /// Advances a minute at a time until a proposal waits in the queue; its id, or empty.
    QString advanceUntilProposal(int maxMinutes)
    {
        ApprovalModel* queue = window.approvalPanel()->queue();
        for (int minute = 0; minute < maxMinutes && queue->rowCount() == 0; ++minute)
            advance(1min);
        return queue->rowCount() > 0 ? queue->rowAt(0).id : QString();
    }

    /// Approves the queued proposal `id` as the operator does: select, the named Approve action,
    /// the confirmation dialog's button.
    void approveThroughTheDialog(const QString& id)
    {
        ApprovalPanel* approvals = window.approvalPanel();
        approvals->selectProposal(id);
        QAction* approve = window.findChild<QAction*>(QStringLiteral("actionApproveSelected"));
        QVERIFY(approve);
        QVERIFY(approve->isEnabled());
        approve->trigger();
        QMessageBox* confirmation = nullptr;
        QTRY_VERIFY((confirmation = window.findChild<QMessageBox*>(QStringLiteral("approveConfirmation"))) != nullptr);
        QVERIFY2(confirmation->text().contains(approvals->queue()->rowAt(approvals->queue()->rowOfKey(id)).instrument.symbol),
                 qPrintable(confirmation->text()));
        auto* confirm = confirmation->findChild<QPushButton*>(QStringLiteral("confirmApproveButton"));
        QVERIFY(confirm);
        QTest::mouseClick(confirm, Qt::LeftButton);
    }

    /// The proposal with this id in the decisions history, or null.
    const ProposalView* decided(const QString& id) const
    {
        const ApprovalModel* history = window.approvalPanel()->history();
        const int row = history->rowOfKey(id);
        return row >= 0 ? &history->rowAt(row) : nullptr;
    }

    /// The history's status column for this proposal, as the operator reads it.
    QString historyStatus(const QString& id) const
    {
        const ApprovalModel* history = window.approvalPanel()->history();
        return history->data(history->index(history->rowOfKey(id), ApprovalModel::StatusColumn)).toString();
    }

    [[nodiscard]] QString journalPath() const { return m_dir.filePath(QStringLiteral("journal.sqlite")); }
    [[nodiscard]] QString folder() const { return m_dir.path(); }

    MainWindow window;

private:
    QTemporaryDir m_dir;
    QThread m_thread;
    ManualClock* m_clock = nullptr;
    Engine* m_engine = nullptr;
};

} // namespace

class TestEngineUi final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { spdlog::set_level(spdlog::level::warn); }
    void approvedProposalExecutesAndThePanelsUpdate();
    void frozenFeedTurnsItsRowStaleAndRaisesAnAlert();
    void unansweredProposalExpiresAsRejected();
    void historyFiltersShowsAndExportsTheJournal();
    void performanceShowsTheJournalAndASimulationFromTheDialog();
    void theChartOfTheEnginesBarsHasNoGapOverAWeekend();
    void aFilledPositionShowsItsStopAndAgeAndClosesFromThePanel();
};

void TestEngineUi::approvedProposalExecutesAndThePanelsUpdate()
{
    Desk desk(cryptoDesk(), utc("2026-11-24T15:00:30Z"));
    ApprovalPanel* approvals = desk.window.approvalPanel();
    QTRY_COMPARE(desk.window.watchlistModel()->rowCount(), 2);
    const QString id = desk.advanceUntilProposal(24 * 60);
    QVERIFY2(!id.isEmpty(), "no proposal in a simulated day");
    QCOMPARE(approvals->queue()->rowAt(0).state, ProposalView::State::Pending);
    QTRY_VERIFY(desk.window.riskPanel()->risk().equity > 0);
    QCOMPARE(desk.window.riskPanel()->risk().exposure, 0.0); // nothing held yet

    desk.approveThroughTheDialog(id);
    QVERIFY(!QTest::currentTestFailed());

    // The engine re-checks, executes on the paper account and tells the window.
    QTRY_VERIFY(desk.decided(id) != nullptr);
    QTRY_COMPARE(desk.decided(id)->state, ProposalView::State::Executed);
    QCOMPARE(approvals->queue()->rowOfKey(id), -1);
    QVERIFY2(desk.historyStatus(id).startsWith(QStringLiteral("executed")), qPrintable(desk.historyStatus(id)));
    // The risk panel shows the new position once the engine's next snapshot arrives.
    for (int minute = 0; minute < 5 && desk.window.riskPanel()->risk().exposure <= 0; ++minute)
        desk.advance(1min);
    QTRY_VERIFY(desk.window.riskPanel()->risk().exposure > 0);
    QVERIFY(desk.window.riskPanel()->risk().var > 0);
    if (!test::screenshotDir().isEmpty()) {
        // The chart of the traded instrument, its proposal and execution marked.
        for (int minute = 0; minute < 40; ++minute)
            desk.advance(1min);
        ChartPanel* chart = desk.window.chartPanel();
        chart->showInstrument(approvals->history()->rowAt(approvals->history()->rowOfKey(id)).instrument.key());
        chart->setFloating(true);
        chart->resize(960, 540);
        chart->show();
        QVERIFY(test::saveThemedScreenshots(chart, QStringLiteral("chart-panel")));
    }
}

void TestEngineUi::frozenFeedTurnsItsRowStaleAndRaisesAnAlert()
{
    // AAPL replayed from a file: Monday's session, then Tuesday 2026-11-24 until the bar opening
    // 15:55Z and nothing after it, while XNYS stays open until 21:00Z.
    QTemporaryDir replay;
    QByteArray csv = "open_time_utc,open,high,low,close,volume\n";
    for (qint64 open = utc("2026-11-23T14:30:00Z").toMSecsSinceEpoch();
         open <= utc("2026-11-24T15:55:00Z").toMSecsSinceEpoch(); open += 300'000) {
        if (open >= utc("2026-11-23T21:00:00Z").toMSecsSinceEpoch() &&
            open < utc("2026-11-24T14:30:00Z").toMSecsSinceEpoch())
            continue;
        csv += QDateTime::fromMSecsSinceEpoch(open, Qt::UTC).toString(Qt::ISODate).toUtf8() +
               ",190.00,190.20,189.80,190.10,1000\n";
    }
    QFile file(replay.filePath(QStringLiteral("AAPL_5min.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    Config config = ConfigLoader().loadDemoProfile().config;
    config.provider = ProviderKind::Replay;
    config.replay.directory = replay.path();
    config.watchlist = {Instrument{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Min5}};

    const QDateTime start = utc("2026-11-24T16:02:00Z");
    Desk desk(config, start);
    WatchlistModel* watchlist = desk.window.watchlistModel();
    AlertModel* alerts = desk.window.alertPanel()->model();
    QTRY_COMPARE(watchlist->rowCount(), 1);
    const auto freshness = [watchlist] {
        return Freshness(watchlist->data(watchlist->index(0, 0), WatchlistModel::FreshnessRole).toInt());
    };
    const auto staleAlerts = [alerts] {
        int count = 0;
        for (int row = 0; row < alerts->rowCount(); ++row)
            count += alerts->rowAt(row).kind == u"stale_data" ? 1 : 0;
        return count;
    };
    QTRY_VERIFY(freshness() == Freshness::Fresh);
    QCOMPARE(staleAlerts(), 0);

    // The last bar closed 16:00Z; the open-market tolerance is 2 h. Walk engine time to 18:10Z,
    // five minutes at a time, as bars would have arrived.
    for (QDateTime now = start; now < utc("2026-11-24T18:10:00Z"); now = now.addSecs(300))
        desk.advance(5min);
    QTRY_COMPARE(freshness(), Freshness::Stale);
    QTRY_COMPARE(staleAlerts(), 1);
    QCOMPARE(desk.window.watchlistModel()->staleCount(), 1);
    QCOMPARE(watchlist->data(watchlist->index(0, WatchlistModel::FreshnessColumn)).toString(), QStringLiteral("Stale"));
    const int row = [alerts] {
        for (int r = 0; r < alerts->rowCount(); ++r)
            if (alerts->rowAt(r).kind == u"stale_data")
                return r;
        return -1;
    }();
    QCOMPARE(alerts->rowAt(row).instrumentKey, QStringLiteral("XNYS:AAPL:5min"));
    // Nothing was proposed on the stale feed.
    QCOMPARE(desk.window.approvalPanel()->queue()->rowCount(), 0);
}

void TestEngineUi::unansweredProposalExpiresAsRejected()
{
    Desk desk(cryptoDesk(), utc("2026-11-24T15:00:30Z"));
    ApprovalPanel* approvals = desk.window.approvalPanel();
    QTRY_COMPARE(desk.window.watchlistModel()->rowCount(), 2);
    const QString id = desk.advanceUntilProposal(24 * 60);
    QVERIFY2(!id.isEmpty(), "no proposal in a simulated day");
    const QDateTime expiresAt = approvals->queue()->rowAt(approvals->queue()->rowOfKey(id)).expiresAt;
    QVERIFY(expiresAt.isValid());

    // Nobody answers: the approval timeout (300 s in the demo profile) passes in engine time.
    for (int second = 0; second < 330 && approvals->queue()->rowOfKey(id) >= 0; second += 30)
        desk.advance(30s);
    QTRY_COMPARE(approvals->queue()->rowOfKey(id), -1);
    QVERIFY(desk.decided(id) != nullptr);
    QCOMPARE(desk.decided(id)->state, ProposalView::State::Expired);
    QVERIFY2(desk.historyStatus(id).startsWith(QStringLiteral("expired (rejected)")),
             qPrintable(desk.historyStatus(id)));
}

void TestEngineUi::performanceShowsTheJournalAndASimulationFromTheDialog()
{
    Config config = cryptoDesk();
    config.paper.startingBalance = test::KnownTrades::startingEquity;
    Desk desk(config, utc("2026-11-24T15:00:30Z"),
              [](const QString& path) { QVERIFY(test::KnownTrades::write(path).ok()); });
    PerformancePanel* performance = desk.window.performancePanel();
    PerformanceModel* figures = performance->model();
    // Asked once the engine runs: the known trades' hand-computed figures (KnownTrades.h).
    QTRY_VERIFY(figures->rowCount() > 0);
    QCOMPARE(figures->groupAt(0), PerformanceModel::Group::All);
    const PerformanceFigures& all = figures->figuresAt(0);
    QCOMPARE(all.trades, 8);
    QCOMPARE(all.closedTrades, 4);
    QCOMPARE(all.winRate, 0.5);
    QVERIFY(qFuzzyCompare(all.pnl, 5.0));
    QVERIFY(all.profitFactor.has_value());
    QVERIFY(qFuzzyCompare(*all.profitFactor, 137.2 / 132.2));
    QVERIFY(qFuzzyCompare(all.maxDrawdown, 101.0 / 10098.0));
    // Two strategies and two instruments, whose closed trades add up to the total.
    QCOMPARE(figures->rowCount(), 5);
    QCOMPARE(figures->figuresAt(1).closedTrades + figures->figuresAt(2).closedTrades, 4);
    QCOMPARE(figures->figuresAt(3).closedTrades + figures->figuresAt(4).closedTrades, 4);
    // The curve: the start, then one point a closed trade; its lowest point is Wednesday's trough.
    QCOMPARE(performance->equitySeries()->count(), 5);
    QVERIFY(qFuzzyCompare(performance->equitySeries()->at(2).y(), 10000.0 + 98.0 - 101.0));
    QVERIFY(performance->titleLabel()->text().startsWith(QStringLiteral("Journal")));
    if (!test::screenshotDir().isEmpty()) {
        performance->setFloating(true);
        performance->resize(960, 560);
        performance->show();
        QVERIFY(test::saveThemedScreenshots(performance, QStringLiteral("performance-panel")));
    }

    // File ▸ Simulate…: a day of the two crypto pairs, run in the simulation's own thread.
    SimulationHost simulations(cryptoDesk());
    bindSimulation(&simulations, &desk.window);
    QTRY_COMPARE(desk.window.watchlistModel()->rowCount(), 2); // the dialog offers the watchlist
    QVERIFY(desk.window.simulateAction()->isEnabled());
    desk.window.simulateAction()->trigger();
    SimulateDialog* dialog = desk.window.simulateDialog();
    QVERIFY(dialog != nullptr);
    QVERIFY(dialog->isVisible());
    dialog->fromEdit()->setDate(QDate(2026, 11, 23));
    dialog->toEdit()->setDate(QDate(2026, 11, 23));
    QVERIFY(dialog->runButton()->isEnabled());
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QVERIFY(dialog->isRunning());
    QVERIFY(dialog->cancelButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 240000);
    QVERIFY2(dialog->statusLabel()->text().startsWith(QStringLiteral("Finished")), qPrintable(dialog->statusLabel()->text()));
    QCOMPARE(dialog->progressBar()->value(), dialog->progressBar()->maximum());
    if (!test::screenshotDir().isEmpty())
        QVERIFY(test::saveThemedScreenshots(dialog, QStringLiteral("simulate-dialog")));

    // The result opened in the Performance view, in place of the journal's figures.
    QCOMPARE(performance->shown().source, PerformanceView::Source::Simulation);
    QVERIFY2(performance->titleLabel()->text().startsWith(QStringLiteral("Simulation: 2026-11-23 – 2026-11-23 · sma_cross")),
             qPrintable(performance->titleLabel()->text()));
    QVERIFY(figures->figuresAt(0).trades > 0);
    QCOMPARE(performance->equitySeries()->count(), int(performance->shown().equity.size()));
    // The live journal still holds its eight fills only.
    auto journal = Journal::open(desk.journalPath());
    QVERIFY(journal.ok());
    auto fills = journal.value()->fills();
    QVERIFY(fills.ok());
    QCOMPARE(fills.value().size(), 8);
    if (!test::screenshotDir().isEmpty()) {
        performance->setFloating(true);
        performance->resize(960, 560);
        QVERIFY(test::saveThemedScreenshots(performance, QStringLiteral("performance-simulation")));
    }
    simulations.shutdown();
}


void TestEngineUi::historyFiltersShowsAndExportsTheJournal()
{
    Desk desk(cryptoDesk(), utc("2026-11-24T15:00:30Z"),
              [](const QString& path) { QVERIFY(test::KnownTrades::write(path).ok()); });
    HistoryPanel* history = desk.window.historyPanel();
    HistoryModel* rows = history->model();
    // The first page is asked for once the engine runs; the journal holds the eight known trades.
    QTRY_VERIFY(rows->matching().has_value());
    QCOMPARE(*rows->matching(), qint64(8));
    QCOMPARE(rows->rowCount(), 8);
    QVERIFY2(history->statusLabel()->text().contains(u'8'), qPrintable(history->statusLabel()->text()));

    // The operator's filter: MSFT's two trades, newest first.
    history->instrumentFilter()->setText(QStringLiteral("MSFT"));
    QMetaObject::invokeMethod(history->instrumentFilter(), "returnPressed");
    QTRY_COMPARE(rows->matching().value_or(-1), qint64(2));
    QCOMPARE(rows->rowCount(), 2);
    QCOMPARE(rows->rowAt(0).side, Side::Sell);
    QCOMPARE(rows->rowAt(1).side, Side::Buy);

    // Its detail: the row's decision and fill at once, the proposal's reason once the engine answered.
    history->view()->selectRow(0);
    QVERIFY(history->detailView()->toPlainText().contains(QStringLiteral("tester")));
    QTRY_VERIFY2(history->detailView()->toPlainText().contains(QStringLiteral("known trade 5")),
                 qPrintable(history->detailView()->toPlainText()));
    if (!test::screenshotDir().isEmpty()) {
        history->setFloating(true); // its own size, not the layout's
        history->resize(960, 560);
        history->show();
        QVERIFY(test::saveThemedScreenshots(history, QStringLiteral("history-panel")));
    }

    // Export what the filter selects; the engine writes the file.
    const QString csv = QDir(desk.folder()).filePath(QStringLiteral("msft.csv"));
    history->exportTo(csv, QStringLiteral("csv"));
    QTRY_VERIFY2(history->statusLabel()->text().startsWith(QStringLiteral("Exported 2 proposal")),
                 qPrintable(history->statusLabel()->text()));
    QVERIFY(history->statusLabel()->text().contains(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    // Read back against the journal itself, through a connection of the test's own.
    auto journal = Journal::open(desk.journalPath());
    QVERIFY(journal.ok());
    HistoryFilter msft;
    msft.instrument = QStringLiteral("MSFT");
    auto expected = journal.value()->historyPage(msft, std::nullopt, 100);
    QVERIFY(expected.ok());
    QCOMPARE(lines.size(), expected.value().size() + 1);
    for (qsizetype i = 0; i < expected.value().size(); ++i) {
        const HistoryRow& row = expected.value().at(i);
        const QStringList cells = lines.at(i + 1).split(u',');
        QCOMPARE(cells.size(), 20);
        QCOMPARE(cells.at(1), row.proposalId);
        QCOMPARE(cells.at(3), row.symbol);
        QCOMPARE(cells.at(4), sideName(row.side));
        QCOMPARE(cells.at(6).toDouble(), row.quantity);
        QCOMPARE(cells.at(7).toDouble(), row.price);
        QCOMPARE(cells.at(8), row.strategy);
        QCOMPARE(cells.at(9), QStringLiteral("executed"));
        QCOMPARE(cells.at(12), QStringLiteral("tester"));
        QVERIFY(row.fill.has_value());
        QCOMPARE(QDateTime::fromString(cells.at(14), Qt::ISODateWithMs), row.decidedAt);
        QCOMPARE(cells.at(15), row.fill->orderId);
        QCOMPARE(cells.at(16).toDouble(), row.fill->price);
        QCOMPARE(cells.at(18).toDouble(), row.fill->fee);
        QCOMPARE(QDateTime::fromString(cells.at(19), Qt::ISODateWithMs), row.fill->at);
    }

    // A file that cannot be written is said so, and the panel can export again.
    history->exportTo(desk.folder(), QStringLiteral("csv"));
    QTRY_VERIFY2(history->statusLabel()->text().startsWith(QStringLiteral("Export failed")),
                 qPrintable(history->statusLabel()->text()));
    QVERIFY(history->exportCsvAction()->isEnabled());
}

void TestEngineUi::theChartOfTheEnginesBarsHasNoGapOverAWeekend()
{
    // Monday 01:00 UTC: the engine's first history of EUR/USD (5 min) reaches back over the FX
    // weekend (closed from Friday to Sunday, 17:00 New York) into Friday's session.
    Config config = cryptoDesk();
    config.watchlist = {Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5}};
    Desk desk(config, utc("2026-11-23T01:00:30Z"));
    ChartPanel* chart = desk.window.chartPanel();
    QTRY_VERIFY(chart->candleCount() > 100);
    CandleChart* candles = chart->candleChart();
    const ChartSeries& bars = candles->series();
    // The closed weekend is the one gap; the bars on each side of it sit one candle step apart.
    QCOMPARE(candles->gapCount(), 1);
    int monday = -1;
    for (int i = 1; i < bars.size(); ++i)
        if (bars.gapBefore(i))
            monday = i;
    QVERIFY(monday > 0);
    const QDateTime fridayLast = bars.at(monday - 1).openTime;
    const QDateTime sundayFirst = bars.at(monday).openTime;
    QCOMPARE(fridayLast.date().dayOfWeek(), 5);
    QCOMPARE(sundayFirst.date().dayOfWeek(), 7);
    QVERIFY(fridayLast.secsTo(sundayFirst) > 40 * 3600);
    candles->zoomBy(0.001, 0); // everything on view
    const double step = candles->xForIndex(1) - candles->xForIndex(0);
    QVERIFY(step > 0);
    QCOMPARE(candles->xForTime(sundayFirst) - candles->xForTime(fridayLast), step);
}

void TestEngineUi::aFilledPositionShowsItsStopAndAgeAndClosesFromThePanel()
{
    Desk desk(cryptoDesk(), utc("2026-11-24T15:00:30Z"));
    QTRY_COMPARE(desk.window.watchlistModel()->rowCount(), 2);
    const QString id = desk.advanceUntilProposal(24 * 60);
    QVERIFY2(!id.isEmpty(), "no proposal in a simulated day");
    const QString key = desk.window.approvalPanel()->queue()->rowAt(0).instrument.key();
    desk.approveThroughTheDialog(id);
    QVERIFY(!QTest::currentTestFailed());
    QTRY_COMPARE(desk.decided(id) ? desk.decided(id)->state : ProposalView::State::Pending, ProposalView::State::Executed);

    // The next account report shows the position with the stop its entry was journalled with and
    // its age, which grows with the reports (each bar's, here every five minutes).
    PositionsPanel* positions = desk.window.positionsPanel();
    for (int minute = 0; minute < 5 && positions->model()->rowOfKey(key) < 0; ++minute)
        desk.advance(1min);
    QTRY_VERIFY(positions->model()->rowOfKey(key) >= 0);
    const QString journalledStop = test::queryJournal(desk.journalPath(), QStringLiteral("SELECT stop_price FROM proposals WHERE id = ?"), {id}).toString();
    QVERIFY2(journalledStop.toDouble() > 0, qPrintable(journalledStop));
    const auto cell = [&](int column) {
        const PositionModel* model = positions->model();
        return model->index(model->rowOfKey(key), column).data().toString();
    };
    QCOMPARE(positions->model()->rowAt(positions->model()->rowOfKey(key)).stopPrice, journalledStop.toDouble());
    QCOMPARE(cell(PositionModel::StopColumn), Format::price(journalledStop.toDouble()));
    const QString firstAge = cell(PositionModel::AgeColumn);
    QVERIFY2(firstAge != QStringLiteral("—"), qPrintable(firstAge));
    for (int minute = 0; minute < 10 && cell(PositionModel::AgeColumn) == firstAge; ++minute)
        desk.advance(1min);
    QTRY_VERIFY2(cell(PositionModel::AgeColumn) != firstAge, qPrintable(firstAge));

    // Close Position…, confirmed: the engine closes it on the paper account and the row goes.
    positions->selectKey(key);
    QVERIFY(positions->closePositionAction()->isEnabled());
    positions->closePositionAction()->trigger();
    ControlConfirmation* box = nullptr;
    QTRY_VERIFY((box = desk.window.findChild<ControlConfirmation*>(QStringLiteral("closePositionConfirmation"))) != nullptr);
    QTRY_VERIFY(box->isVisible());
    QTest::mouseClick(box->confirmButton(), Qt::LeftButton);
    for (int minute = 0; minute < 5 && positions->model()->rowOfKey(key) >= 0; ++minute)
        desk.advance(1min);
    QTRY_COMPARE(positions->model()->rowOfKey(key), -1);
    QCOMPARE(test::queryJournal(desk.journalPath(), QStringLiteral("SELECT COUNT(*) FROM proposals WHERE is_exit = 1 AND state = 'executed'")).toInt(), 1);
    QCOMPARE(test::queryJournal(desk.journalPath(), QStringLiteral("SELECT action FROM operator_actions")).toString(), QStringLiteral("close_position"));
}

QTEST_MAIN(TestEngineUi)
#include "tst_engine_ui.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17's History targets: a journal of 100,000 trades opens in the History view in under 1 s,
// and scrolls without stalls (p99 of a page-down step under 16 ms, one frame at 60 Hz). Not
// Google Benchmark: it writes the journal (each proposal decided and filled), then times
//   open:   the first page asked for, read by the engine's HistoryDesk (with the count and the
//           strategies), taken by the HistoryModel and painted by a QTableView on the offscreen
//           platform, five times;
//   scroll: page-down steps through the view until 30,000 rows are loaded, each step the
//           scroll, the next page read when the view asks for it (in that same step, so the
//           journal's time counts), and a repaint.
// Prints one parseable line:
//   history_bench proposals=... open_p50_ms=... open_max_ms=... scroll_steps=... scroll_p50_ms=...
//   scroll_p99_ms=... scroll_max_ms=... rows_loaded=... target_open_ms=1000 target_scroll_p99_ms=16 within_target=yes
// Options: --proposals N (default 100000).
#include "Percentile.h"

#include "engine/HistoryDesk.h"
#include "journal/Journal.h"
#include "storage/SqliteConnection.h"
#include "ui/HistoryModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sentinel;

namespace {

constexpr double kTargetOpenMs = 1000;
constexpr double kTargetScrollP99Ms = 16;

/// `count` proposals, each approved and filled, five minutes apart, over ten instruments and
/// two strategies, written in one transaction.
void writeJournal(const QString& path, int count)
{
    {
        auto journal = Journal::open(path); // the schema, as the engine makes it
        if (!journal)
            qFatal("%s", qPrintable(journal.error().toString()));
    }
    auto db = SqliteConnection::open(path, QStringLiteral("bench"));
    if (!db)
        qFatal("%s", qPrintable(db.error().toString()));
    const Status written = db.value()->transaction([&]() -> Status {
        QSqlQuery proposal(db.value()->database());
        QSqlQuery decision(db.value()->database());
        QSqlQuery execution(db.value()->database());
        proposal.prepare(QStringLiteral(
            "INSERT INTO proposals (id, instrument_key, symbol, market, interval, side, is_exit, quantity, price, strategy_reason,"
            " verdict_json, var_before, var_after, freshness, client_order_id, created_at_ms, expires_at_ms, state, resolution,"
            " resolved_at_ms, strategy) VALUES (?, ?, ?, 'XNYS', '5min', ?, ?, ?, ?, 'bench', '{\"approved\":true,\"reasons\":[]}',"
            " 0.01, 0.012, 'fresh', ?, ?, ?, 'executed', NULL, ?, ?)"));
        decision.prepare(QStringLiteral("INSERT INTO decisions (proposal_id, decision, reason, operator, at_ms, channel)"
                                        " VALUES (?, 'approved', 'go', 'bench', ?, 'desktop')"));
        execution.prepare(QStringLiteral("INSERT INTO executions (proposal_id, client_order_id, order_id, price, quantity, fee, at_ms)"
                                         " VALUES (?, ?, ?, ?, 10, 0.5, ?)"));
        const qint64 start = QDateTime(QDate(2020, 1, 6), QTime(14, 30), Qt::UTC).toMSecsSinceEpoch();
        for (int i = 0; i < count; ++i) {
            const QString id = QStringLiteral("p%1").arg(i, 7, 10, QLatin1Char('0'));
            const QString symbol = QStringLiteral("SYM%1").arg(i % 10);
            const qint64 at = start + qint64(i) * 300'000;
            const double price = 100.0 + (i % 97) * 0.25;
            proposal.addBindValue(id);
            proposal.addBindValue(QStringLiteral("XNYS:%1:5min").arg(symbol));
            proposal.addBindValue(symbol);
            proposal.addBindValue(i % 2 == 0 ? QStringLiteral("buy") : QStringLiteral("sell"));
            proposal.addBindValue(i % 2);
            proposal.addBindValue(10.0);
            proposal.addBindValue(price);
            proposal.addBindValue(QString(QStringLiteral("c-") + id));
            proposal.addBindValue(at);
            proposal.addBindValue(at + 300'000);
            proposal.addBindValue(at + 60'000);
            proposal.addBindValue(i % 3 == 0 ? QStringLiteral("rsi_reversion") : QStringLiteral("sma_cross"));
            decision.addBindValue(id);
            decision.addBindValue(at + 30'000);
            execution.addBindValue(id);
            execution.addBindValue(QString(QStringLiteral("c-") + id));
            execution.addBindValue(QString(QStringLiteral("o-") + id));
            execution.addBindValue(price);
            execution.addBindValue(at + 60'000);
            if (!proposal.exec() || !decision.exec() || !execution.exec())
                return Error{QStringLiteral("bench"), QStringLiteral("insert %1 failed").arg(i)};
        }
        return okStatus();
    });
    if (!written)
        qFatal("%s", qPrintable(written.error().toString()));
}

/// The History view as the panel holds it: a model whose questions the desk answers at once (so
/// a page's reading counts in the step that asked for it), shown in a table of the window's size.
struct HistoryView {
    explicit HistoryView(const HistoryDesk& desk)
    {
        QObject::connect(&model, &HistoryModel::pageRequested, &model,
                         [this, &desk](const HistoryQuery& query) { model.applyPage(desk.page(query)); });
        view.resize(1200, 700);
        view.setModel(&model);
        model.setFilter({});
        view.show();
        QCoreApplication::processEvents();
    }
    HistoryModel model;
    QTableView view;
};

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption proposalsOption(QStringLiteral("proposals"), QStringLiteral("Proposals in the journal."),
                                             QStringLiteral("N"), QStringLiteral("100000"));
    parser.addOption(proposalsOption);
    parser.process(app);
    const int proposals = std::max(1000, parser.value(proposalsOption).toInt());
    spdlog::set_level(spdlog::level::warn);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    writeJournal(path, proposals);
    auto journal = Journal::open(path);
    if (!journal)
        qFatal("%s", qPrintable(journal.error().toString()));
    const HistoryDesk desk(*journal.value(), nullptr);

    std::vector<double> openMs;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        HistoryView opened(desk);
        opened.view.viewport()->repaint();
        openMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        const qint64 counted = opened.model.matching().value_or(-1);
        if (counted != proposals)
            qFatal("the first page counted %lld proposals, not %d", static_cast<long long>(counted), proposals);
    }

    HistoryView scrolled(desk);
    HistoryModel& model = scrolled.model;
    QTableView& view = scrolled.view;
    std::vector<double> stepMs;
    const int wanted = std::min(proposals, 30'000);
    QScrollBar* bar = view.verticalScrollBar();
    while (model.rowCount() < wanted && stepMs.size() < 100'000) {
        QElapsedTimer timer;
        timer.start();
        bar->setValue(bar->value() + bar->pageStep()); // asks for the next page at the end
        view.viewport()->repaint();
        stepMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    const double openP50 = bench::percentile(openMs, 0.5);
    const double openMax = *std::max_element(openMs.begin(), openMs.end());
    const double scrollP99 = bench::percentile(stepMs, 0.99);
    const bool within = openMax < kTargetOpenMs && scrollP99 < kTargetScrollP99Ms;
    std::printf("history_bench proposals=%d open_p50_ms=%.1f open_max_ms=%.1f scroll_steps=%zu scroll_p50_ms=%.2f "
                "scroll_p99_ms=%.2f scroll_max_ms=%.2f rows_loaded=%d target_open_ms=%.0f target_scroll_p99_ms=%.0f "
                "within_target=%s\n",
                proposals, openP50, openMax, stepMs.size(), bench::percentile(stepMs, 0.5), scrollP99,
                *std::max_element(stepMs.begin(), stepMs.end()), model.rowCount(), kTargetOpenMs, kTargetScrollP99Ms,
                within ? "yes" : "no");
    return 0;
}

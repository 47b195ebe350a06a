// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper for tst_journal_crash: writes proposals, approvals, paper fills and executions to
// one journal file in a loop, the way the engine does, printing each finished round on stdout so
// the test can SIGKILL it mid-way. `--recover` first finishes what a killed run left behind, as
// the engine does on restart: pending proposals are restored or expired, approved ones are
// re-sent under the same client order id and journalled.
//   journal_writer FILE ROUNDS [--recover]
#include "common/ManualClock.h"
#include "journal/Journal.h"
#include "telemetry/Logging.h"
#include "trading/PaperPlatform.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace sentinel;

namespace {
int fail(const Error& error)
{
    QTextStream(stderr) << "journal_writer: " << error.toString() << Qt::endl;
    return 1;
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // Logs go to stderr: stdout carries only the round markers the test counts.
    LoggingOptions logging;
    logging.level = QStringLiteral("warn");
    logging.fileEnabled = false;
    if (const auto problem = setupLogging(logging))
        return fail(Error{QStringLiteral("logging"), *problem, {}});
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 3)
        return fail(Error{QStringLiteral("usage"), QStringLiteral("usage: journal_writer FILE ROUNDS [--recover]"), {}});
    const QString path = args.at(1);
    const int rounds = args.at(2).toInt();
    const bool recover = args.contains(QStringLiteral("--recover"));

    auto journal = Journal::open(path);
    if (!journal)
        return fail(journal.error());
    // Time continues from the newest proposal so a second run's proposals come later.
    ManualClock clock(QDateTime(QDate(2024, 3, 4), QTime(15, 0), Qt::UTC));
    PaperSettings paper;
    paper.startingBalance = 1e9;
    auto platform = PaperPlatform::open(path, paper, clock);
    if (!platform)
        return fail(platform.error());
    Journal& j = *journal.value();
    PaperPlatform& p = *platform.value();
    const Instrument instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5};
    QTextStream out(stdout);

    const auto execute = [&](const TradeProposal& proposal) -> Status {
        auto fill = p.execute(OrderRequest{proposal.clientOrderId, proposal.instrument.key(), proposal.side,
                                           proposal.quantity, proposal.price});
        if (!fill)
            return fill.error();
        auto recorded = j.recordExecution(proposal.id, fill.value());
        if (!recorded)
            return recorded.error();
        return okStatus();
    };

    if (recover) {
        clock.advanceTo(clock.now().addDays(1));
        auto awaiting = j.approvedAwaitingExecution();
        if (!awaiting)
            return fail(awaiting.error());
        for (const TradeProposal& proposal : awaiting.value()) {
            if (Status s = execute(proposal); !s)
                return fail(s.error());
        }
        auto restored = j.restorePending(clock.now());
        if (!restored)
            return fail(restored.error());
        out << "recovered " << awaiting.value().size() << " executions, " << restored.value().size() << " still pending" << Qt::endl;
        return 0;
    }

    for (int round = 0; round < rounds; ++round) {
        TradeProposal proposal = TradeProposal::create(instrument, Side::Buy, 1000, 1.0842,
                                                       clock.now(), clock.now().addSecs(300));
        proposal.strategyReason = QStringLiteral("round %1").arg(round);
        proposal.freshness = QStringLiteral("fresh");
        if (Status s = j.recordProposal(proposal); !s)
            return fail(s.error());
        clock.advanceBy(std::chrono::seconds(1));
        const bool reject = round % 5 == 4;
        if (Status s = j.recordDecision(proposal.id, reject ? Decision::Reject : Decision::Approve, QStringLiteral("test"),
                                        QStringLiteral("writer"), clock.now());
            !s)
            return fail(s.error());
        if (!reject) {
            if (Status s = execute(proposal); !s)
                return fail(s.error());
        }
        out << "ROUND " << round << Qt::endl;
    }
    return 0;
}

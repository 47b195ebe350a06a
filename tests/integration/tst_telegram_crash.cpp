// SPDX-License-Identifier: GPL-3.0-or-later
// SIGKILL during the handling of a Telegram update (ADR 0132): the decision and the update's
// offset are one journal transaction, so after a restart the same press is not applied again.
#include "FakeTelegramBot.h"
#include "JournalQuery.h"

#include "journal/Journal.h"
#include "notify/CallbackToken.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

namespace {
const QString token = QStringLiteral("123456789:AAF-telegram-crash-test-token-0000001");
constexpr qint64 chatId = -1001234567890;
constexpr qint64 operatorId = 4242;
constexpr qint64 messageId = 77;
} // namespace

class TestTelegramCrash final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aPressIsNotAppliedAgainAfterAKillRightAfterItsDecision();

private:
    int runWorker(const QString& journal, const QUrl& bot, const QString& dieAt);
};

int TestTelegramCrash::runWorker(const QString& journal, const QUrl& bot, const QString& dieAt)
{
    QProcess worker;
    worker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    worker.start(QStringLiteral(TELEGRAM_CRASH_WORKER_PATH),
                 {QStringLiteral("--journal"), journal, QStringLiteral("--bot"), bot.toString(), QStringLiteral("--token"), token,
                  QStringLiteral("--chat"), QString::number(chatId), QStringLiteral("--operator"), QString::number(operatorId),
                  QStringLiteral("--at"), QStringLiteral("2026-11-23T00:02:40Z"), QStringLiteral("--die-at"), dieAt});
    // The stand-in lives in this thread: keep serving it while the worker runs.
    if (!QTest::qWaitFor([&worker] { return worker.state() == QProcess::NotRunning; }, 60000))
        qFatal("the worker did not end in 60 s");
    return worker.exitStatus() == QProcess::CrashExit ? -1 : worker.exitCode();
}

void TestTelegramCrash::aPressIsNotAppliedAgainAfterAKillRightAfterItsDecision()
{
    QTemporaryDir dir;
    const QString journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    // A proposal put to the operator in message 77, as a run before this one left it.
    const QDateTime created = QDateTime::fromString(QStringLiteral("2026-11-23T00:02:30Z"), Qt::ISODate);
    TradeProposal proposal = TradeProposal::create(Instrument{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min5},
                                                   Side::Buy, 0.01, 90000, created, created.addSecs(3600));
    proposal.strategyReason = QStringLiteral("crossover");
    proposal.verdict = RiskVerdictSummary{true, {QStringLiteral("all risk checks passed")}};
    proposal.freshness = QStringLiteral("fresh (lag 0 min)");
    {
        auto journal = Journal::open(journalPath);
        QVERIFY(journal);
        QVERIFY(journal.value()->recordProposal(proposal).ok());
        QVERIFY(journal.value()->recordTelegramMessage({proposal.id, chatId, messageId, created, false}).ok());
    }
    FakeTelegramBot bot(token, chatId);
    QVERIFY(bot.start());
    const auto data = CallbackTokenCodec::encode(CallbackTokenCodec::deriveKey(token), CallbackAction::Reject, proposal.id, chatId);
    QVERIFY(data);
    const qint64 press = bot.pushPress(operatorId, QStringLiteral("alice"), messageId, data.value());

    // Killed the moment the rejection is journalled: the poller never confirmed the update.
    QCOMPARE(runWorker(journalPath, bot.baseUrl(), QStringLiteral("decided")), -1);
    QCOMPARE(bot.offsetsAsked(), QList<qint64>{0});
    QCOMPARE(queryJournal(journalPath, QStringLiteral("SELECT COUNT(*) FROM decisions")).toInt(), 1);
    QCOMPARE(queryJournal(journalPath, QStringLiteral("SELECT value FROM desk_state WHERE key = 'telegram_offset'")).toLongLong(),
             press + 1);

    // The restart asks above the press: Telegram does not serve it again, nothing is decided twice.
    QCOMPARE(runWorker(journalPath, bot.baseUrl(), QStringLiteral("never")), 0);
    QVERIFY(bot.offsetsAsked().size() >= 2);
    QCOMPARE(bot.offsetsAsked().at(1), press + 1);
    QCOMPARE(queryJournal(journalPath, QStringLiteral("SELECT COUNT(*) FROM decisions")).toInt(), 1);
    QCOMPARE(queryJournal(journalPath, QStringLiteral("SELECT state FROM proposals WHERE id = ?"), {proposal.id}).toString(),
             QStringLiteral("rejected"));
    // At most one answer to the press (the first run may have died before its answer left): the
    // second run never saw it.
    QVERIFY(bot.bodies(QStringLiteral("answerCallbackQuery")).size() <= 1);
}

QTEST_GUILESS_MAIN(TestTelegramCrash)
#include "tst_telegram_crash.moc"

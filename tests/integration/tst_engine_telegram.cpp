// SPDX-License-Identifier: GPL-3.0-or-later
// Two-way Telegram end to end (ADR 0132): a ManualClock engine on the simulated feed and the paper
// account, its Telegram pointed at a loopback Bot API stand-in. Proposals arrive with buttons, a
// press decides through the same path as the desktop, the message is edited with the outcome,
// strangers, stale and forged presses are refused, and the commands drive the desk's controls.
#include "FakeTelegramBot.h"
#include "JournalQuery.h"

#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "engine/Engine.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

namespace {

const QString token = QStringLiteral("123456789:AAF-two-way-telegram-test-token-000001");
constexpr qint64 chatId = -1001234567890;
constexpr qint64 operatorId = 4242;
constexpr qint64 strangerId = 6666;

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

/// Saves `body` for the closing note when SENTINEL_CAPTURE_DIR is set (the message before and after).
void capture(const QString& name, const QJsonObject& body)
{
    const QString dir = qEnvironmentVariable("SENTINEL_CAPTURE_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QFile file(QDir(dir).filePath(name));
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(body).toJson(QJsonDocument::Indented));
}

} // namespace

class TestEngineTelegram final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void aPressApprovesTheProposalAndTheMessageShowsTheFill();
    void aStrangersPressIsRefusedAndAlertedAndDecidesNothing();
    void aPressAfterTheDesktopDecidedIsToldSo();
    void aPressAfterExpiryIsToldItExpired();
    void aForgedPressIsRefused();
    void pauseAndResumeFromTelegramSurviveARestart();
    void flattenAsksForAConfirmationThenClosesEveryPosition();
    void theKillSwitchPausesRejectsAndFlattens();

private:
    void startEngine();
    /// Moves the clock bar by bar until the engine proposes a trade; its question must reach Telegram.
    ProposalView driveUntilProposal(bool exitsToo = false);
    /// One poll of the stand-in: the poller waits a second of engine time between empty answers.
    void poll();
    void waitIdle();
    [[nodiscard]] QJsonObject questionFor(const ProposalView& proposal) const;
    [[nodiscard]] qint64 messageIdOf(const QJsonObject& question) const;
    [[nodiscard]] QString journalValue(const QString& sql, const QVariantList& binds = {}) const;
    /// Whether any body the stand-in received for `method` satisfies `test`.
    [[nodiscard]] bool anyBody(const QString& method, const std::function<bool(const QJsonObject&)>& test) const
    {
        const QList<QJsonObject> bodies = m_bot->bodies(method);
        return std::any_of(bodies.cbegin(), bodies.cend(), test);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeTelegramBot> m_bot;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<QSignalSpy> m_proposals;
    std::unique_ptr<QSignalSpy> m_alerts;
    std::unique_ptr<QSignalSpy> m_status;
    Config m_config;
    [[nodiscard]] EngineStatus lastStatus() const { return m_status->isEmpty() ? EngineStatus{} : m_status->last().first().value<EngineStatus>(); }
};

void TestEngineTelegram::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_bot = std::make_unique<FakeTelegramBot>(token, chatId);
    QVERIFY(m_bot->start());
    m_config = ConfigLoader().loadDemoProfile().config;
    m_config.watchlist = {Instrument{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min5}};
    m_config.mode = TradingMode::Approval;
    m_config.telegram.enabled = true;
    m_config.telegram.botToken = Secret(token);
    m_config.telegram.chatId = QString::number(chatId);
    m_config.telegram.apiBaseUrl = m_bot->baseUrl();
    m_config.telegram.operators = {operatorId};
    m_clock = std::make_unique<ManualClock>(utc("2026-11-23T00:02:30Z"));
    startEngine();
}

void TestEngineTelegram::cleanup()
{
    m_proposals.reset();
    m_alerts.reset();
    m_status.reset();
    m_engine.reset();
    m_clock.reset();
    m_bot.reset();
    m_dir.reset();
}

void TestEngineTelegram::startEngine()
{
    m_proposals.reset();
    m_alerts.reset();
    m_status.reset();
    m_engine.reset();
    EngineOptions options;
    options.journalPath = m_dir->filePath(QStringLiteral("journal.sqlite"));
    m_engine = std::make_unique<Engine>(m_config, m_clock.get(), options);
    m_proposals = std::make_unique<QSignalSpy>(m_engine.get(), &Engine::proposalChanged);
    m_alerts = std::make_unique<QSignalSpy>(m_engine.get(), &Engine::alertRaised);
    m_status = std::make_unique<QSignalSpy>(m_engine.get(), &Engine::statusChanged);
    m_engine->start();
    QVERIFY(m_engine->isRunning());
    waitIdle();
}

void TestEngineTelegram::waitIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_engine->busy(), 10000);
}

void TestEngineTelegram::poll()
{
    const int before = m_bot->server().requestCount();
    m_clock->advanceBy(1s);
    QTRY_VERIFY(m_bot->server().requestCount() > before);
    waitIdle();
    // The batch is handled; let its answers and edits leave.
    QTest::qWait(50);
    waitIdle();
}

ProposalView TestEngineTelegram::driveUntilProposal(bool exitsToo)
{
    for (int bar = 0; bar < 2000; ++bar) {
        for (const QList<QVariant>& args : std::as_const(*m_proposals)) {
            const auto proposal = args.first().value<ProposalView>();
            if (proposal.state == ProposalState::Pending && (exitsToo || !proposal.isExit)) {
                if (!QTest::qWaitFor([&] { return !questionFor(proposal).isEmpty(); }, 10000))
                    qFatal("proposal %s never reached Telegram with buttons", qPrintable(proposal.id));
                return proposal;
            }
        }
        m_clock->advanceBy(5min);
        waitIdle();
    }
    qFatal("no proposal in 2000 bars");
}

QJsonObject TestEngineTelegram::questionFor(const ProposalView& proposal) const
{
    for (const QJsonObject& body : m_bot->messagesWithButtons()) {
        if (FakeTelegramBot::buttonData(body, 0).contains(proposal.id))
            return body;
    }
    return {};
}

qint64 TestEngineTelegram::messageIdOf(const QJsonObject& question) const
{
    const QList<QJsonObject> sent = m_bot->bodies(QStringLiteral("sendMessage"));
    return m_bot->messageIdOf(int(sent.indexOf(question)));
}

QString TestEngineTelegram::journalValue(const QString& sql, const QVariantList& binds) const
{
    return queryJournal(m_dir->filePath(QStringLiteral("journal.sqlite")), sql, binds).toString();
}

void TestEngineTelegram::aPressApprovesTheProposalAndTheMessageShowsTheFill()
{
    const ProposalView proposal = driveUntilProposal();
    const QJsonObject question = questionFor(proposal);
    capture(QStringLiteral("1-question-sendMessage.json"), question);
    const QString approve = FakeTelegramBot::buttonData(question, 0);
    const QString reject = FakeTelegramBot::buttonData(question, 1);
    QVERIFY(approve.startsWith(u"a:") && reject.startsWith(u"r:"));
    QVERIFY(approve.toUtf8().size() <= 64);
    QVERIFY(!approve.contains(token) && !approve.contains(token.section(u':', 1)));

    m_bot->pushPress(operatorId, QStringLiteral("alice"), messageIdOf(question), approve);
    poll();
    QTRY_COMPARE(m_bot->bodies(QStringLiteral("answerCallbackQuery")).size(), 1);
    QVERIFY(m_bot->bodies(QStringLiteral("answerCallbackQuery")).first().value(u"text").toString().startsWith(u"Approving"));
    QTRY_VERIFY(std::any_of(m_proposals->cbegin(), m_proposals->cend(), [&](const QList<QVariant>& args) {
        const auto view = args.first().value<ProposalView>();
        return view.id == proposal.id && view.state == ProposalState::Executed;
    }));
    QTRY_COMPARE(m_bot->bodies(QStringLiteral("editMessageText")).size(), 1);
    const QJsonObject edit = m_bot->bodies(QStringLiteral("editMessageText")).first();
    capture(QStringLiteral("2-outcome-editMessageText.json"), edit);
    QCOMPARE(edit.value(u"message_id").toInteger(), messageIdOf(question));
    const QString shown = edit.value(u"text").toString();
    QVERIFY2(shown.contains(u"approved by @alice at ") && shown.contains(u"filled "), qPrintable(shown));
    QVERIFY(edit.value(u"reply_markup").toObject().value(u"inline_keyboard").toArray().isEmpty());
    // The journal says who decided, where.
    QCOMPARE(journalValue(QStringLiteral("SELECT channel FROM decisions WHERE proposal_id = ?"), {proposal.id}), QStringLiteral("telegram"));
    QCOMPARE(journalValue(QStringLiteral("SELECT operator FROM decisions WHERE proposal_id = ?"), {proposal.id}),
             QStringLiteral("@alice (id %1)").arg(operatorId));
    QCOMPARE(journalValue(QStringLiteral("SELECT state FROM proposals WHERE id = ?"), {proposal.id}), QStringLiteral("executed"));
    // The update is stored as handled: a restart asks above it.
    QVERIFY(journalValue(QStringLiteral("SELECT value FROM desk_state WHERE key = 'telegram_offset'")).toLongLong() > 700000);
}

void TestEngineTelegram::aStrangersPressIsRefusedAndAlertedAndDecidesNothing()
{
    const ProposalView proposal = driveUntilProposal();
    const QJsonObject question = questionFor(proposal);
    m_bot->pushPress(strangerId, QStringLiteral("mallory"), messageIdOf(question), FakeTelegramBot::buttonData(question, 0));
    poll();
    QTRY_COMPARE(m_bot->bodies(QStringLiteral("answerCallbackQuery")).size(), 1);
    QCOMPARE(m_bot->bodies(QStringLiteral("answerCallbackQuery")).first().value(u"text").toString(), QStringLiteral("Not authorised."));
    QVERIFY(std::any_of(m_alerts->cbegin(), m_alerts->cend(), [](const QList<QVariant>& args) {
        const auto alert = args.first().value<AlertView>();
        return alert.kind == u"telegram_unauthorised" && alert.message.contains(QString::number(strangerId));
    }));
    QCOMPARE(m_engine->pendingProposals().size(), 1);
    QCOMPARE(journalValue(QStringLiteral("SELECT COUNT(*) FROM decisions")).toInt(), 0);
}

void TestEngineTelegram::aPressAfterTheDesktopDecidedIsToldSo()
{
    const ProposalView proposal = driveUntilProposal();
    const QJsonObject question = questionFor(proposal);
    m_engine->rejectProposal(proposal.id, QStringLiteral("not today"));
    waitIdle();
    QTRY_COMPARE(m_bot->bodies(QStringLiteral("editMessageText")).size(), 1);
    QVERIFY(m_bot->bodies(QStringLiteral("editMessageText")).first().value(u"text").toString().contains(u"rejected on the desktop"));
    m_bot->pushPress(operatorId, QStringLiteral("alice"), messageIdOf(question), FakeTelegramBot::buttonData(question, 0));
    poll();
    QTRY_COMPARE(m_bot->bodies(QStringLiteral("answerCallbackQuery")).size(), 1);
    QCOMPARE(m_bot->bodies(QStringLiteral("answerCallbackQuery")).first().value(u"text").toString(),
             QStringLiteral("Already decided on the desktop."));
    QCOMPARE(journalValue(QStringLiteral("SELECT state FROM proposals WHERE id = ?"), {proposal.id}), QStringLiteral("rejected"));
    QCOMPARE(journalValue(QStringLiteral("SELECT channel FROM decisions WHERE proposal_id = ?"), {proposal.id}), QStringLiteral("desktop"));
}

void TestEngineTelegram::aPressAfterExpiryIsToldItExpired()
{
    const ProposalView proposal = driveUntilProposal();
    const QJsonObject question = questionFor(proposal);
    m_clock->advanceTo(proposal.expiresAt.addSecs(1));
    waitIdle();
    QTRY_COMPARE(m_bot->bodies(QStringLiteral("editMessageText")).size(), 1);
    QVERIFY(m_bot->bodies(QStringLiteral("editMessageText")).first().value(u"text").toString().contains(u"expired"));
    m_bot->pushPress(operatorId, QStringLiteral("alice"), messageIdOf(question), FakeTelegramBot::buttonData(question, 0));
    poll();
    QTRY_COMPARE(m_bot->bodies(QStringLiteral("answerCallbackQuery")).size(), 1);
    QVERIFY(m_bot->bodies(QStringLiteral("answerCallbackQuery")).first().value(u"text").toString().startsWith(u"Expired"));
    QCOMPARE(journalValue(QStringLiteral("SELECT state FROM proposals WHERE id = ?"), {proposal.id}), QStringLiteral("expired"));
}

void TestEngineTelegram::aForgedPressIsRefused()
{
    const ProposalView proposal = driveUntilProposal();
    const QJsonObject question = questionFor(proposal);
    // The reject button's tag on an approve: our shape, not our signature.
    const QString reject = FakeTelegramBot::buttonData(question, 1);
    const QString forged = u"a:" + reject.mid(2);
    m_bot->pushPress(operatorId, QStringLiteral("alice"), messageIdOf(question), forged);
    // And a real button replayed on another message.
    m_bot->pushPress(operatorId, QStringLiteral("alice"), messageIdOf(question) + 1, FakeTelegramBot::buttonData(question, 0));
    poll();
    QTRY_COMPARE(m_bot->bodies(QStringLiteral("answerCallbackQuery")).size(), 2);
    QVERIFY(m_bot->bodies(QStringLiteral("answerCallbackQuery")).at(0).value(u"text").toString().startsWith(u"Refused"));
    QVERIFY(m_bot->bodies(QStringLiteral("answerCallbackQuery")).at(1).value(u"text").toString().contains(u"no longer valid"));
    QCOMPARE(m_engine->pendingProposals().size(), 1);
    QCOMPARE(journalValue(QStringLiteral("SELECT COUNT(*) FROM decisions")).toInt(), 0);
}

void TestEngineTelegram::pauseAndResumeFromTelegramSurviveARestart()
{
    m_bot->pushText(operatorId, QStringLiteral("alice"), QStringLiteral("/pause"));
    poll();
    QTRY_VERIFY(lastStatus().paused);
    QVERIFY(lastStatus().pausedBy.contains(u"@alice"));
    QCOMPARE(journalValue(QStringLiteral("SELECT action || ' ' || channel FROM operator_actions")), QStringLiteral("pause telegram"));
    m_bot->pushText(operatorId, QStringLiteral("alice"), QStringLiteral("/Status"));
    poll();
    QTRY_VERIFY(anyBody(QStringLiteral("sendMessage"), [](const QJsonObject& body) {
        return body.value(u"text").toString().contains(u"PAUSED by telegram (@alice");
    }));

    // No new entry proposals while paused, for a whole day of bars.
    m_clock->advanceBy(5min);
    waitIdle();
    for (int bar = 0; bar < 288; ++bar) {
        m_clock->advanceBy(5min);
        waitIdle();
    }
    QCOMPARE(m_engine->pendingProposals().size(), 0);
    QVERIFY(m_engine->statistics().pausedBlocks > 0);

    // A restart keeps it paused; /resume ends it.
    startEngine();
    QVERIFY(lastStatus().paused);
    m_bot->pushText(operatorId, QStringLiteral("alice"), QStringLiteral("/resume"));
    poll();
    QTRY_VERIFY(!lastStatus().paused);
    // The restarted poller asked above every update the first one handled: none twice.
    const QList<qint64> offsets = m_bot->offsetsAsked();
    QVERIFY(std::is_sorted(offsets.cbegin(), offsets.cend()));
    QCOMPARE(journalValue(QStringLiteral("SELECT COUNT(*) FROM operator_actions WHERE action = 'pause'")).toInt(), 1);
}

void TestEngineTelegram::flattenAsksForAConfirmationThenClosesEveryPosition()
{
    // A position to close: the desktop approves the first proposal.
    const ProposalView proposal = driveUntilProposal();
    m_engine->approveProposal(proposal.id);
    waitIdle();
    QTRY_COMPARE(journalValue(QStringLiteral("SELECT state FROM proposals WHERE id = ?"), {proposal.id}), QStringLiteral("executed"));

    // /positions shows the position with the stop its entry was sized for and when it opened, as
    // the journal holds them (ADR 0140).
    const double stop = journalValue(QStringLiteral("SELECT stop_price FROM proposals WHERE id = ?"), {proposal.id}).toDouble();
    QVERIFY(stop > 0);
    const QDateTime opened = QDateTime::fromMSecsSinceEpoch(
        journalValue(QStringLiteral("SELECT at_ms FROM executions WHERE proposal_id = ?"), {proposal.id}).toLongLong(), Qt::UTC);
    m_bot->pushText(operatorId, QStringLiteral("alice"), QStringLiteral("/positions"));
    poll();
    const QString held = QStringLiteral(", stop %1, opened %2")
                             .arg(QString::number(stop, 'g', 10), opened.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    QTRY_VERIFY2(anyBody(QStringLiteral("sendMessage"), [&](const QJsonObject& body) {
        const QString text = body.value(u"text").toString();
        return text.startsWith(proposal.instrument.key() + u':') && text.contains(held);
    }), qPrintable(held));

    m_bot->pushText(operatorId, QStringLiteral("alice"), QStringLiteral("/flatten"));
    poll();
    QJsonObject confirm;
    QTRY_VERIFY(anyBody(QStringLiteral("sendMessage"), [&](const QJsonObject& body) {
        confirm = body;
        return body.contains(u"reply_markup") && FakeTelegramBot::buttonData(body, 0).startsWith(u"f:");
    }));
    QVERIFY(confirm.value(u"text").toString().contains(u"sell "));
    // Nothing is closed on the command alone.
    QCOMPARE(journalValue(QStringLiteral("SELECT COUNT(*) FROM proposals WHERE is_exit = 1")).toInt(), 0);

    m_bot->pushPress(operatorId, QStringLiteral("alice"), messageIdOf(confirm), FakeTelegramBot::buttonData(confirm, 0));
    poll();
    QTRY_COMPARE(journalValue(QStringLiteral("SELECT COUNT(*) FROM proposals WHERE is_exit = 1 AND state = 'executed'")).toInt(), 1);
    QCOMPARE(journalValue(QStringLiteral("SELECT channel FROM decisions d JOIN proposals p ON p.id = d.proposal_id WHERE p.is_exit = 1")),
             QStringLiteral("telegram"));
    QCOMPARE(journalValue(QStringLiteral("SELECT action FROM operator_actions")), QStringLiteral("flatten"));
    QTRY_VERIFY(anyBody(QStringLiteral("editMessageText"), [](const QJsonObject& body) {
        return body.value(u"text").toString().contains(u"flatten confirmed by @alice");
    }));

    // /pnl now has a realised round trip: (exit − entry) × units − both fees, as the journal holds them.
    const double realised = journalValue(QStringLiteral(
        "SELECT SUM(CASE WHEN p.side = 'sell' THEN e.price * e.quantity ELSE -e.price * e.quantity END) - SUM(e.fee)"
        " FROM executions e JOIN proposals p ON p.id = e.proposal_id")).toDouble();
    QVERIFY(realised != 0.0);
    m_bot->pushText(operatorId, QStringLiteral("alice"), QStringLiteral("/pnl"));
    poll();
    const QString expected = QStringLiteral("realised P&L today %1 USD, this week %1 USD (UTC)").arg(QString::number(realised, 'f', 2));
    QTRY_VERIFY2(anyBody(QStringLiteral("sendMessage"), [&](const QJsonObject& body) {
        return body.value(u"text").toString().contains(expected);
    }), qPrintable(expected));
}

void TestEngineTelegram::theKillSwitchPausesRejectsAndFlattens()
{
    const ProposalView first = driveUntilProposal();
    m_engine->approveProposal(first.id);
    waitIdle();
    QTRY_COMPARE(journalValue(QStringLiteral("SELECT state FROM proposals WHERE id = ?"), {first.id}), QStringLiteral("executed"));
    m_proposals->clear();
    const ProposalView second = driveUntilProposal(true);

    m_engine->activateKillSwitch();
    waitIdle();
    QTRY_VERIFY(lastStatus().paused);
    QTRY_COMPARE(journalValue(QStringLiteral("SELECT state FROM proposals WHERE id = ?"), {second.id}), QStringLiteral("rejected"));
    QTRY_COMPARE(journalValue(QStringLiteral("SELECT COUNT(*) FROM proposals WHERE is_exit = 1 AND state = 'executed'")).toInt(), 1);
    QCOMPARE(journalValue(QStringLiteral("SELECT action || ' ' || channel FROM operator_actions")), QStringLiteral("kill_switch desktop"));
    QVERIFY(std::any_of(m_alerts->cbegin(), m_alerts->cend(), [](const QList<QVariant>& args) {
        const auto alert = args.first().value<AlertView>();
        return alert.kind == u"operator_control" && alert.severity == Severity::Critical;
    }));
    startEngine();
    QVERIFY(lastStatus().paused);
}

QTEST_GUILESS_MAIN(TestEngineTelegram)
#include "tst_engine_telegram.moc"

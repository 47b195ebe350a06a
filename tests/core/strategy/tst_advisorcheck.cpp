// SPDX-License-Identifier: GPL-3.0-or-later
// The advisor test (`sentinel advisor test`, the Settings dialog's Test button) against an Ollama
// and an OpenAI-compatible stand-in on 127.0.0.1 serving the recorded bodies; its overall
// deadline on a ManualClock. Each server is health-checked, then asked the one fixed prompt built
// as every decision's prompt is; the report answers once, never from inside start().
#include "advisor/AdvisorError.h"
#include "common/ManualClock.h"
#include "strategy/AdvisorCheck.h"
#include "strategy/AdvisorCheckThread.h"
#include "strategy/AdvisorTestPrompt.h"

#include "FakeOllama.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace sentinel;
using namespace std::chrono_literals;
using sentinel::test::CannedResponse;
using sentinel::test::FakeHttpServer;
using sentinel::test::FakeOllama;

namespace {

const QDateTime kStart = QDateTime::fromString(u"2026-03-02T14:00:00Z"_qs, Qt::ISODate);

ModelServerSettings server(ModelServerKind kind, const QUrl& baseUrl, const QString& model)
{
    ModelServerSettings settings;
    settings.kind = kind;
    settings.baseUrl = baseUrl;
    settings.model = model;
    settings.timeout = 60s; // beyond the test: only the check's Clock deadline may cut a stall
    return settings;
}

CannedResponse stall()
{
    CannedResponse answer;
    answer.behaviour = CannedResponse::Behaviour::Stall;
    return answer;
}

/// The user message of the last chat request `server` received at `path`.
QString lastUserMessage(const FakeHttpServer& server, const QByteArray& path)
{
    for (auto request = server.requests().crbegin(); request != server.requests().crend(); ++request) {
        if (request->path != path)
            continue;
        const QJsonArray messages = QJsonDocument::fromJson(request->body).object().value(u"messages").toArray();
        return messages.last().toObject().value(u"content").toString();
    }
    return {};
}

} // namespace

class TestAdvisorCheck final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void everyServerAnswersWithValidAdviceToTheFixedPrompt();
    void aServerThatIsDownIsUnreachable();
    void aModelTheServerLacksIsNotAskedAnything();
    void proseIsNotValidOutput();
    void aRefusedRowSendsNothingAndIsTheUsersToFix();
    void noProvidersIsBlockedAndAnsweredLater();
    void aStalledAnswerIsCutAtTheOverallDeadline();
    void deletedWhileAServerStallsItAnswersNothing();
    void theThreadRunsATestOffTheCallersThreadAndAnswersInIt();
    void theThreadStopsWithATestStillStalled();
    void theVerdictOfAReport_data();
    void theVerdictOfAReport();
    void onlyErrorsInTheAdvisorSectionBlockTheTest_data();
    void onlyErrorsInTheAdvisorSectionBlockTheTest();
    void aServerIsNamedWithoutAnythingSecret();

private:
    /// Runs a check of `settings` to its one answer.
    AdvisorCheckReport run(const AdvisorSettings& settings);

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<FakeOllama> m_ollama;
    std::unique_ptr<FakeHttpServer> m_openAi;
};

void TestAdvisorCheck::init()
{
    m_clock = std::make_unique<ManualClock>(kStart);
    m_ollama = std::make_unique<FakeOllama>();
    QVERIFY(m_ollama->server.start());
    m_openAi = std::make_unique<FakeHttpServer>();
    QVERIFY(m_openAi->start());
    test::serveOpenAiCompatible(*m_openAi);
}

void TestAdvisorCheck::cleanup()
{
    m_openAi.reset();
    m_ollama.reset();
    m_clock.reset();
}

AdvisorCheckReport TestAdvisorCheck::run(const AdvisorSettings& settings)
{
    AdvisorCheck check(settings, m_clock.get());
    QSignalSpy finished(&check, &AdvisorCheck::finished);
    check.start();
    [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000); }();
    return finished.isEmpty() ? AdvisorCheckReport{} : finished.first().first().value<AdvisorCheckReport>();
}

void TestAdvisorCheck::everyServerAnswersWithValidAdviceToTheFixedPrompt()
{
    AdvisorSettings settings;
    settings.providers << server(ModelServerKind::Ollama, m_ollama->server.baseUrl(), u"llama3.2"_qs)
                       << server(ModelServerKind::OpenAiCompatible, m_openAi->baseUrl(), u"qwen2.5:7b"_qs);
    const AdvisorCheckReport report = run(settings);
    QCOMPARE(report.verdict(), AdvisorCheckReport::Verdict::AllGood);
    QCOMPARE(report.servers.size(), 2);
    for (const AdvisorServerCheck& row : report.servers) {
        QVERIFY2(row.passed(), qPrintable(row.error ? row.error->toString() : QString()));
        QVERIFY(row.reachable && row.modelPresent && row.validOutput && !row.refused);
        QVERIFY(row.latency.has_value());
    }
    QCOMPARE(report.servers[0].name, u"ollama llama3.2:latest at "_qs + m_ollama->server.baseUrl().toString());
    QCOMPARE(report.servers[1].name, u"openai qwen2.5:7b at "_qs + m_openAi->baseUrl().toString());
    // The same prompt a decision sends, built the same way, to both.
    const QString expected = advisorTestPrompt().user;
    QVERIFY(expected.contains(u"EUR/USD"));
    QCOMPARE(lastUserMessage(m_ollama->server, "/api/chat"), expected);
    QCOMPARE(lastUserMessage(*m_openAi, "/v1/chat/completions"), expected);
    QCOMPARE(m_ollama->server.requestCount("/api/chat"), 1);
    QCOMPARE(m_openAi->requestCount("/v1/chat/completions"), 1);
}

void TestAdvisorCheck::aServerThatIsDownIsUnreachable()
{
    m_ollama->down = true;
    AdvisorSettings settings;
    settings.providers << server(ModelServerKind::Ollama, m_ollama->server.baseUrl(), u"llama3.2"_qs)
                       << server(ModelServerKind::OpenAiCompatible, m_openAi->baseUrl(), u"llama3.2:latest"_qs);
    const AdvisorCheckReport report = run(settings);
    QCOMPARE(report.verdict(), AdvisorCheckReport::Verdict::ServerFailed);
    const AdvisorServerCheck& down = report.servers[0];
    QVERIFY(!down.reachable && !down.modelPresent && !down.validOutput && !down.latency);
    QCOMPARE(down.error->kind, QString::fromUtf16(advisor::advisorError::Unreachable));
    QVERIFY(report.servers[1].passed()); // the other is tested all the same
}

void TestAdvisorCheck::aModelTheServerLacksIsNotAskedAnything()
{
    AdvisorSettings settings;
    settings.providers << server(ModelServerKind::Ollama, m_ollama->server.baseUrl(), u"mistral"_qs)
                       << server(ModelServerKind::OpenAiCompatible, m_openAi->baseUrl(), u"mistral"_qs);
    const AdvisorCheckReport report = run(settings);
    QCOMPARE(report.verdict(), AdvisorCheckReport::Verdict::ServerFailed);
    for (const AdvisorServerCheck& row : report.servers) {
        QVERIFY(row.reachable && !row.modelPresent && !row.validOutput);
        QCOMPARE(row.error->kind, QString::fromUtf16(advisor::advisorError::ModelNotFound));
    }
    QVERIFY(report.servers[0].error->remedy.contains(u"ollama pull mistral:latest"));
    QCOMPARE(m_ollama->server.requestCount("/api/chat"), 0);
    QCOMPARE(m_openAi->requestCount("/v1/chat/completions"), 0);
}

void TestAdvisorCheck::proseIsNotValidOutput()
{
    m_ollama->serve("/api/chat", CannedResponse::json(test::recordedOllama(
                                     u"ollama_chat_answer_with_prose_around_the_json_is_invalid_output"_qs)));
    AdvisorSettings settings;
    settings.providers << server(ModelServerKind::Ollama, m_ollama->server.baseUrl(), u"llama3.2"_qs);
    const AdvisorCheckReport report = run(settings);
    QCOMPARE(report.verdict(), AdvisorCheckReport::Verdict::ServerFailed);
    const AdvisorServerCheck& row = report.servers[0];
    QVERIFY(row.reachable && row.modelPresent && !row.validOutput);
    QCOMPARE(row.error->kind, QString::fromUtf16(advisor::advisorError::InvalidOutput));
}

void TestAdvisorCheck::aRefusedRowSendsNothingAndIsTheUsersToFix()
{
    AdvisorSettings settings;
    settings.providers << server(ModelServerKind::Ollama, m_ollama->server.baseUrl(), u"llama3.2"_qs)
                       << server(ModelServerKind::Ollama, m_ollama->server.baseUrl(), u"a:b:c"_qs);
    const AdvisorCheckReport report = run(settings);
    QCOMPARE(report.verdict(), AdvisorCheckReport::Verdict::BadConfig);
    QVERIFY(report.servers[0].passed());
    const AdvisorServerCheck& refused = report.servers[1];
    QVERIFY(refused.refused && !refused.reachable);
    QCOMPARE(refused.error->kind, QString::fromUtf16(advisor::advisorError::InvalidModelName));
    QVERIFY2(refused.error->message.startsWith(u"advisor.providers[1]: "), qPrintable(refused.error->message));
    QCOMPARE(m_ollama->server.requestCount("/api/version"), 1); // the first row's only
}

void TestAdvisorCheck::noProvidersIsBlockedAndAnsweredLater()
{
    AdvisorCheck check(AdvisorSettings{}, m_clock.get());
    QSignalSpy finished(&check, &AdvisorCheck::finished);
    check.start();
    QCOMPARE(finished.count(), 0); // a caller connecting after start() still hears it
    QTRY_COMPARE(finished.count(), 1);
    const auto report = finished.first().first().value<AdvisorCheckReport>();
    QVERIFY(report.blocker.has_value());
    QVERIFY(report.blocker->remedy.contains(u"advisor.providers"));
    QCOMPARE(report.verdict(), AdvisorCheckReport::Verdict::BadConfig);
}

void TestAdvisorCheck::aStalledAnswerIsCutAtTheOverallDeadline()
{
    m_ollama->serve("/api/chat", stall());
    AdvisorSettings settings;
    settings.providers << server(ModelServerKind::Ollama, m_ollama->server.baseUrl(), u"llama3.2"_qs)
                       << server(ModelServerKind::OpenAiCompatible, m_openAi->baseUrl(), u"qwen2.5:7b"_qs);
    AdvisorCheck check(settings, m_clock.get());
    QCOMPARE(check.deadline(), 180s); // three requests of 60 s at most, one after the other
    QSignalSpy finished(&check, &AdvisorCheck::finished);
    check.start();
    QTRY_COMPARE(m_ollama->server.requestCount("/api/chat"), 1);
    QTRY_COMPARE(m_openAi->requestCount("/v1/chat/completions"), 1);
    m_clock->advanceBy(179s);
    QCOMPARE(finished.count(), 0);
    m_clock->advanceBy(1s);
    QTRY_COMPARE(finished.count(), 1);
    const auto report = finished.first().first().value<AdvisorCheckReport>();
    const AdvisorServerCheck& stalled = report.servers[0];
    QVERIFY(stalled.reachable && stalled.modelPresent && !stalled.validOutput);
    QCOMPARE(stalled.error->kind, u"deadline_exceeded"_qs);
    QVERIFY(report.servers[1].passed() || report.servers[1].error->kind == u"deadline_exceeded"_qs);
    QCOMPARE(report.verdict(), AdvisorCheckReport::Verdict::ServerFailed);
}

void TestAdvisorCheck::deletedWhileAServerStallsItAnswersNothing()
{
    m_ollama->serve("/api/version", stall());
    AdvisorSettings settings;
    settings.providers << server(ModelServerKind::Ollama, m_ollama->server.baseUrl(), u"llama3.2"_qs);
    auto check = std::make_unique<AdvisorCheck>(settings, m_clock.get());
    QSignalSpy finished(check.get(), &AdvisorCheck::finished);
    check->start();
    QTRY_COMPARE(m_ollama->server.requestCount("/api/version"), 1);
    check.reset();
    m_clock->advanceBy(1h); // its deadline went with it
    QCOMPARE(finished.count(), 0);
}

void TestAdvisorCheck::theThreadRunsATestOffTheCallersThreadAndAnswersInIt()
{
    AdvisorSettings settings;
    settings.providers << server(ModelServerKind::Ollama, m_ollama->server.baseUrl(), u"llama3.2"_qs);
    AdvisorCheckThread thread;
    QThread* answeredIn = nullptr;
    QList<AdvisorCheckReport> reports;
    connect(&thread, &AdvisorCheckThread::finished, this, [&](const AdvisorCheckReport& report) {
        answeredIn = QThread::currentThread();
        reports << report;
    });
    thread.check(settings);
    QCOMPARE(thread.running(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(reports.size(), 1, 30000);
    QCOMPARE(answeredIn, QThread::currentThread());
    QCOMPARE(reports.first().verdict(), AdvisorCheckReport::Verdict::AllGood);
    QCOMPARE(thread.running(), 0);
}

void TestAdvisorCheck::theThreadStopsWithATestStillStalled()
{
    m_ollama->serve("/api/version", stall());
    AdvisorSettings settings;
    settings.providers << server(ModelServerKind::Ollama, m_ollama->server.baseUrl(), u"llama3.2"_qs);
    auto thread = std::make_unique<AdvisorCheckThread>();
    QSignalSpy finished(thread.get(), &AdvisorCheckThread::finished);
    thread->check(settings);
    QTRY_COMPARE(m_ollama->server.requestCount("/api/version"), 1);
    thread.reset(); // joins its thread; the stalled test is deleted there
    QCOMPARE(finished.count(), 0);
}

void TestAdvisorCheck::theVerdictOfAReport_data()
{
    QTest::addColumn<AdvisorCheckReport>("report");
    QTest::addColumn<int>("verdict");
    AdvisorServerCheck good;
    good.reachable = good.modelPresent = good.validOutput = true;
    AdvisorServerCheck failed;
    failed.error = Error(u"advisor_unreachable"_qs, u"down"_qs);
    AdvisorServerCheck refused = failed;
    refused.refused = true;
    AdvisorCheckReport blocked;
    blocked.blocker = Error(u"invalid_config"_qs, u"no providers"_qs);
    QTest::newRow("every server good is all good") << AdvisorCheckReport{{good, good}, {}} << int(AdvisorCheckReport::Verdict::AllGood);
    QTest::newRow("one failed server fails the test") << AdvisorCheckReport{{good, failed}, {}}
                                                      << int(AdvisorCheckReport::Verdict::ServerFailed);
    QTest::newRow("a refused row is bad config even beside a failure")
        << AdvisorCheckReport{{failed, refused}, {}} << int(AdvisorCheckReport::Verdict::BadConfig);
    QTest::newRow("a blocker is bad config") << blocked << int(AdvisorCheckReport::Verdict::BadConfig);
    QTest::newRow("no rows at all is bad config") << AdvisorCheckReport{} << int(AdvisorCheckReport::Verdict::BadConfig);
}

void TestAdvisorCheck::theVerdictOfAReport()
{
    QFETCH(AdvisorCheckReport, report);
    QFETCH(int, verdict);
    QCOMPARE(int(report.verdict()), verdict);
}

void TestAdvisorCheck::onlyErrorsInTheAdvisorSectionBlockTheTest_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<bool>("blocks");
    QTest::newRow("an error in a provider row blocks") << u"advisor.providers[0].kind"_qs << true << true;
    QTest::newRow("an error in the section blocks") << u"advisor"_qs << true << true;
    QTest::newRow("an unreadable file blocks") << u"(file)"_qs << true << true;
    QTest::newRow("an error elsewhere is a note") << u"watchlist[0]"_qs << true << false;
    QTest::newRow("a key that only starts like the section is elsewhere") << u"advisory"_qs << true << false;
    QTest::newRow("a warning in the section is a note") << u"advisor.providers[0]"_qs << false << false;
}

void TestAdvisorCheck::onlyErrorsInTheAdvisorSectionBlockTheTest()
{
    QFETCH(QString, location);
    QFETCH(bool, isError);
    QFETCH(bool, blocks);
    const Issue issue(isError ? Issue::Severity::Error : Issue::Severity::Warning, location, u"wrong"_qs);
    QCOMPARE(blocksAdvisorCheck(issue), blocks);
}

void TestAdvisorCheck::aServerIsNamedWithoutAnythingSecret()
{
    const QString name = modelServerName(ModelServerKind::OpenAiCompatible, u"gpt\x1b[31m"_qs,
                                         QUrl(u"https://user:hunter2@llm.example.com/v1?key=abc#frag"_qs));
    QVERIFY2(!name.contains(u"hunter2") && !name.contains(u"key=abc") && !name.contains(u"frag"), qPrintable(name));
    QVERIFY(!name.contains(QChar(0x1b)));
    QVERIFY(name.startsWith(u"openai gpt"));
    QVERIFY(name.endsWith(u" at https://llm.example.com/v1"));
}

QTEST_GUILESS_MAIN(TestAdvisorCheck)
#include "tst_advisorcheck.moc"

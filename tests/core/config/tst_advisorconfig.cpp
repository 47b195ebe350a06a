// SPDX-License-Identifier: GPL-3.0-or-later
// The `advisor:` section (issue 15): read whole when valid; every mistake reported at its key path
// with a remedy; required only when strategy.name is llm_advisor; http only to a loopback host;
// an api_key a secret, never quoted.
#include "config/ConfigLoader.h"

#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

const QByteArray kWatchlist = "watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n";

ConfigLoadResult load(const QByteArray& yaml)
{
    ConfigLoadOptions options;
    options.environment = [](const QString& name) -> std::optional<QString> {
        if (name == u"LLM_KEY")
            return QStringLiteral("sk-local-0123456789abcdef");
        return std::nullopt;
    };
    options.fileChecks = FileChecks::Skip;
    return ConfigLoader(options).loadText(kWatchlist + yaml);
}

QString issuesText(const Issues& issues)
{
    QStringList lines;
    for (const Issue& issue : issues)
        lines << issue.toString();
    return lines.join(u'\n');
}

} // namespace

class TestAdvisorConfig final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fullSectionIsRead();
    void modelServerDefaultsAreLocalOllama();
    void sectionIsUnusedWithARuleStrategy();
    void eachMistakeIsReportedAtItsKeyPath_data();
    void eachMistakeIsReportedAtItsKeyPath();
};

void TestAdvisorConfig::fullSectionIsRead()
{
    const auto result = load("strategy: {name: llm_advisor}\n"
                             "advisor:\n"
                             "  providers:\n"
                             "    - {kind: ollama, base_url: \"http://127.0.0.1:11434\", model: \"llama3.2\", weight: 2, timeout_s: 30}\n"
                             "    - {kind: openai, base_url: \"https://llm.example.com/v1\", model: \"qwen2.5:7b\", api_key: \"${LLM_KEY}\"}\n"
                             "  fallback: rsi_reversion\n"
                             "  fallback_weight: 0.5\n"
                             "  history_bars: 60\n"
                             "  max_concurrent: 4\n"
                             "  health_interval_s: 20\n");
    QVERIFY2(result.ok(), qPrintable(issuesText(result.issues)));
    const AdvisorSettings& advisor = result.config.advisor;
    QCOMPARE(result.config.strategyName, QStringLiteral("llm_advisor"));
    QCOMPARE(advisor.providers.size(), 2);
    QCOMPARE(advisor.providers[0].kind, ModelServerKind::Ollama);
    QCOMPARE(advisor.providers[0].model, QStringLiteral("llama3.2"));
    QCOMPARE(advisor.providers[0].weight, 2.0);
    QCOMPARE(advisor.providers[0].timeout, 30s);
    QCOMPARE(advisor.providers[1].kind, ModelServerKind::OpenAiCompatible);
    QCOMPARE(advisor.providers[1].baseUrl, QUrl(QStringLiteral("https://llm.example.com/v1")));
    QCOMPARE(advisor.providers[1].apiKey.reveal(), QStringLiteral("sk-local-0123456789abcdef"));
    QCOMPARE(advisor.providers[1].timeout, 20s);
    QCOMPARE(advisor.fallback, QStringLiteral("rsi_reversion"));
    QCOMPARE(advisor.fallbackWeight, 0.5);
    QCOMPARE(advisor.historyBars, 60);
    QCOMPARE(advisor.maxConcurrent, 4);
    QCOMPARE(advisor.healthInterval, 20s);
}

void TestAdvisorConfig::modelServerDefaultsAreLocalOllama()
{
    const auto result = load("strategy: {name: llm_advisor}\nadvisor: {providers: [{model: mistral}]}\n");
    QVERIFY2(result.ok(), qPrintable(issuesText(result.issues)));
    const ModelServerSettings& server = result.config.advisor.providers.value(0);
    QCOMPARE(server.kind, ModelServerKind::Ollama);
    QCOMPARE(server.baseUrl, QUrl(QStringLiteral("http://127.0.0.1:11434")));
    QCOMPARE(result.config.advisor.fallback, QStringLiteral("sma_cross"));
    QCOMPARE(result.config.advisor.fallbackWeight, 0.0);
}

void TestAdvisorConfig::sectionIsUnusedWithARuleStrategy()
{
    // No advisor section, or one without a model, is fine while a rule strategy decides.
    QVERIFY(load("strategy: {name: sma_cross}\n").ok());
    QVERIFY(load("advisor: {providers: [{kind: ollama, model: \"\"}]}\n").ok());
}

void TestAdvisorConfig::eachMistakeIsReportedAtItsKeyPath_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("messagePart");
    const QByteArray advised = "strategy: {name: llm_advisor}\n";
    QTest::newRow("llm_advisor without the section")
        << advised << QStringLiteral("advisor") << QStringLiteral("is missing");
    QTest::newRow("llm_advisor without a provider")
        << QByteArray(advised + "advisor: {providers: []}\n") << QStringLiteral("advisor.providers") << QStringLiteral("missing or empty");
    QTest::newRow("a provider without a model")
        << QByteArray(advised + "advisor: {providers: [{kind: ollama}]}\n") << QStringLiteral("advisor.providers[0].model")
        << QStringLiteral("missing or empty");
    QTest::newRow("plain http to a remote host")
        << QByteArray(advised + "advisor: {providers: [{base_url: \"http://10.0.0.5:11434\", model: m}]}\n")
        << QStringLiteral("advisor.providers[0].base_url") << QStringLiteral("unencrypted");
    QTest::newRow("an unknown kind")
        << QByteArray(advised + "advisor: {providers: [{kind: claude, model: m}]}\n") << QStringLiteral("advisor.providers[0].kind")
        << QStringLiteral("unknown value");
    QTest::newRow("a key for Ollama")
        << QByteArray(advised + "advisor: {providers: [{model: m, api_key: \"${LLM_KEY}\"}]}\n")
        << QStringLiteral("advisor.providers[0].api_key") << QStringLiteral("takes no key");
    QTest::newRow("a weight of zero")
        << QByteArray(advised + "advisor: {providers: [{model: m, weight: 0}]}\n") << QStringLiteral("advisor.providers[0].weight")
        << QString();
    QTest::newRow("the same server and model twice")
        << QByteArray(advised + "advisor: {providers: [{model: m}, {model: m}]}\n") << QStringLiteral("advisor.providers[1]")
        << QStringLiteral("same server");
    QTest::newRow("the advisor as its own fallback")
        << QByteArray(advised + "advisor: {providers: [{model: m}], fallback: llm_advisor}\n") << QStringLiteral("advisor.fallback")
        << QStringLiteral("not a rule strategy");
    QTest::newRow("health checks closer than their deadline")
        << QByteArray(advised + "advisor: {providers: [{model: m}], health_interval_s: 5}\n")
        << QStringLiteral("advisor.health_interval_s") << QStringLiteral("at least 10 s");
    QTest::newRow("an unknown key")
        << QByteArray(advised + "advisor: {providers: [{model: m}], temperature: 0.7}\n") << QStringLiteral("advisor.temperature")
        << QStringLiteral("unknown key");
}

void TestAdvisorConfig::eachMistakeIsReportedAtItsKeyPath()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, path);
    QFETCH(QString, messagePart);
    const auto result = load(yaml);
    QVERIFY(!result.ok());
    bool found = false;
    for (const Issue& issue : result.issues) {
        found = found || (issue.location == path && issue.message.contains(messagePart) && !issue.remedy.isEmpty());
        QVERIFY2(!issue.toString().contains(u"sk-local"), qPrintable(issue.toString()));
    }
    QVERIFY2(found, qPrintable(QStringLiteral("expected %1 '%2' in:\n%3").arg(path, messagePart, issuesText(result.issues))));
}

QTEST_GUILESS_MAIN(TestAdvisorConfig)
#include "tst_advisorconfig.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeychainSecrets.h"

#include <QHash>
#include <QTest>
#include <QTimer>

#include <functional>
#include <optional>
#include <utility>

using namespace sentinel::keychain;
using namespace std::chrono_literals;

namespace {

/// A keychain in memory. Answers each read on the next turn of the event loop, as QtKeychain's
/// jobs do, or never (`hangs`).
class FakeBackend final : public Backend
{
public:
    QHash<QString, ReadOutcome> entries; ///< name → what a read of it says; absent: NotFound
    std::optional<QString> unreachableReason; ///< what explainFailure() answers
    bool hangs = false;
    QStringList reads;
    int explained = 0;
    std::function<void(ReadOutcome)> held; ///< a hung read's callback, to answer late

    void read(const QString& name, std::function<void(ReadOutcome)> done) override
    {
        reads << name;
        if (hangs) {
            held = std::move(done);
            return;
        }
        const ReadOutcome outcome = entries.value(name, ReadOutcome{ReadOutcome::Status::NotFound, {}, {}});
        QTimer::singleShot(0, &m_context, [done = std::move(done), outcome] { done(outcome); });
    }

    void explainFailure(std::function<void(std::optional<QString>)> done) override
    {
        ++explained;
        QTimer::singleShot(0, &m_context, [done = std::move(done), reason = unreachableReason] { done(reason); });
    }

private:
    QObject m_context;
};

ReadOutcome found(const QString& value)
{
    return {ReadOutcome::Status::Found, value, {}};
}

Lookup environmentOf(QHash<QString, QString> variables)
{
    return [variables = std::move(variables)](const QString& name) -> std::optional<QString> {
        const auto it = variables.constFind(name);
        return it == variables.cend() ? std::nullopt : std::optional<QString>(*it);
    };
}

Request requestFor(QStringList references, QHash<QString, QString> environment = {})
{
    Request request;
    request.references = std::move(references);
    request.environment = environmentOf(std::move(environment));
    request.timeout = 5s;
    return request;
}

const QString token = QStringLiteral("OANDA_TOKEN");
const QString botToken = QStringLiteral("TELEGRAM_BOT_TOKEN");

} // namespace

class TestKeychainSecrets final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onlyTheNamesTheEnvironmentLacksAreRead();
    void theEnvironmentWinsOverTheKeychain();
    void nothingToReadDoesNotAskTheKeychain();
    void skippingNeverAsksTheKeychain();
    void noBackendMeansUnreachable();
    void aFailureExplainedAsNoSecretServiceIsUnreachable();
    void aFailureWithAKeychainPresentStaysAnError();
    void aHungKeychainIsGivenUpAfterTheTimeoutAndItsLateAnswerDropped();
    void theRemedySaysWhetherTheKeychainWasReachable_data();
    void theRemedySaysWhetherTheKeychainWasReachable();
    void theRemedyNeverCarriesASecret();
};

void TestKeychainSecrets::onlyTheNamesTheEnvironmentLacksAreRead()
{
    FakeBackend backend;
    backend.entries.insert(token, found(QStringLiteral("kc-oanda-token-value")));
    const Secrets secrets = readSecretsNow(
        requestFor({token, botToken, QStringLiteral("WEBHOOK_SECRET"), token},
                   {{botToken, QStringLiteral("exported-bot-token")}, {QStringLiteral("WEBHOOK_SECRET"), QString()}}),
        backend);
    // An exported but empty variable is no value: the keychain is asked for it too. Each name once.
    QCOMPARE(backend.reads, (QStringList{token, QStringLiteral("WEBHOOK_SECRET")}));
    QCOMPARE(secrets.reach, Reach::Reachable);
    QCOMPARE(secrets.values, (QHash<QString, QString>{{token, QStringLiteral("kc-oanda-token-value")}}));
    QVERIFY(secrets.errors.isEmpty());
}

void TestKeychainSecrets::theEnvironmentWinsOverTheKeychain()
{
    Secrets secrets;
    secrets.values.insert(token, QStringLiteral("kc-oanda-token-value"));
    secrets.values.insert(botToken, QStringLiteral("kc-bot-token-value"));
    const Lookup lookup = environmentThenKeychain(
        environmentOf({{token, QStringLiteral("exported-oanda-token")}, {botToken, QString()}}), secrets);
    QCOMPARE(lookup(token), std::optional<QString>(QStringLiteral("exported-oanda-token")));
    QCOMPARE(lookup(botToken), std::optional<QString>(QStringLiteral("kc-bot-token-value")));
    QCOMPARE(lookup(QStringLiteral("NOWHERE")), std::nullopt);
}

void TestKeychainSecrets::nothingToReadDoesNotAskTheKeychain()
{
    FakeBackend backend;
    const Secrets secrets = readSecretsNow(requestFor({token}, {{token, QStringLiteral("exported-oanda-token")}}), backend);
    QCOMPARE(secrets.reach, Reach::NotAsked);
    QVERIFY(backend.reads.isEmpty());
}

void TestKeychainSecrets::skippingNeverAsksTheKeychain()
{
    FakeBackend backend;
    Request request = requestFor({token});
    request.skip = true;
    const Secrets secrets = readSecretsNow(request, backend);
    QCOMPARE(secrets.reach, Reach::Skipped);
    QVERIFY(backend.reads.isEmpty());
}

void TestKeychainSecrets::noBackendMeansUnreachable()
{
    FakeBackend backend;
    backend.entries.insert(token, {ReadOutcome::Status::Unreachable, {}, QStringLiteral("No keychain service available")});
    const Secrets secrets = readSecretsNow(requestFor({token, botToken}), backend);
    QCOMPARE(secrets.reach, Reach::Unreachable);
    QCOMPARE(secrets.reason, QStringLiteral("No keychain service available"));
    QVERIFY(secrets.values.isEmpty());
}

void TestKeychainSecrets::aFailureExplainedAsNoSecretServiceIsUnreachable()
{
    // QtKeychain on Linux without a Secret Service: "Unknown error" for every read.
    FakeBackend backend;
    backend.entries.insert(token, {ReadOutcome::Status::Failed, {}, QStringLiteral("Unknown error")});
    backend.entries.insert(botToken, {ReadOutcome::Status::Failed, {}, QStringLiteral("Unknown error")});
    backend.unreachableReason = QStringLiteral("no Secret Service on D-Bus");
    const Secrets secrets = readSecretsNow(requestFor({token, botToken}), backend);
    QCOMPARE(backend.explained, 1);
    QCOMPARE(secrets.reach, Reach::Unreachable);
    QCOMPARE(secrets.reason, QStringLiteral("no Secret Service on D-Bus"));
    QVERIFY2(secrets.errors.isEmpty(), "the failures were the missing keychain, not errors of their own");
}

void TestKeychainSecrets::aFailureWithAKeychainPresentStaysAnError()
{
    FakeBackend backend;
    backend.entries.insert(token, {ReadOutcome::Status::Failed, {}, QStringLiteral("Cannot unlock the collection")});
    backend.entries.insert(botToken, found(QStringLiteral("kc-bot-token-value")));
    const Secrets secrets = readSecretsNow(requestFor({token, botToken}), backend);
    QCOMPARE(backend.explained, 1);
    QCOMPARE(secrets.reach, Reach::Reachable);
    QCOMPARE(secrets.errors.value(token), QStringLiteral("Cannot unlock the collection"));
    QCOMPARE(secrets.values.value(botToken), QStringLiteral("kc-bot-token-value"));
}

void TestKeychainSecrets::aHungKeychainIsGivenUpAfterTheTimeoutAndItsLateAnswerDropped()
{
    FakeBackend backend;
    backend.hangs = true;
    Request request = requestFor({token});
    request.timeout = 20ms;
    const Secrets secrets = readSecretsNow(request, backend);
    QCOMPARE(secrets.reach, Reach::NoAnswer);
    QVERIFY(secrets.values.isEmpty());
    QVERIFY(backend.held);
    backend.held(found(QStringLiteral("too-late-token-value"))); // must neither crash nor be taken
}

void TestKeychainSecrets::theRemedySaysWhetherTheKeychainWasReachable_data()
{
    QTest::addColumn<int>("reach");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("remedy");
    QTest::newRow("no secret service on the bus says it is not reachable and to export the variable")
        << int(Reach::Unreachable) << QString()
        << QStringLiteral("OANDA_TOKEN is not set and the OS keychain is not reachable here (no Secret Service on D-Bus): "
                          "export OANDA_TOKEN");
    QTest::newRow("a keychain without the entry says to export it or store it through settings")
        << int(Reach::Reachable) << QString()
        << QStringLiteral("OANDA_TOKEN is not in the OS keychain either: export it, or store it through Settings");
    QTest::newRow("a keychain that failed to read the entry quotes its error")
        << int(Reach::Reachable) << QStringLiteral("the collection is locked")
        << QStringLiteral("the OS keychain could not be read (the collection is locked): export OANDA_TOKEN, "
                          "or unlock the keychain and try again");
    QTest::newRow("a keychain that did not answer says how long it was given")
        << int(Reach::NoAnswer) << QString()
        << QStringLiteral("the OS keychain did not answer within 5 s: export OANDA_TOKEN, or unlock the keychain and try again");
    QTest::newRow("a skipped keychain names the variable that skipped it")
        << int(Reach::Skipped) << QString()
        << QStringLiteral("the OS keychain was not read (SENTINEL_NO_KEYCHAIN is set): export OANDA_TOKEN, "
                          "or unset SENTINEL_NO_KEYCHAIN");
    QTest::newRow("a keychain nobody asked gives the generic remedy")
        << int(Reach::NotAsked) << QString()
        << QStringLiteral("export OANDA_TOKEN before starting, or store the secret in the OS keychain");
}

void TestKeychainSecrets::theRemedySaysWhetherTheKeychainWasReachable()
{
    QFETCH(int, reach);
    QFETCH(QString, error);
    QFETCH(QString, remedy);
    Secrets secrets;
    secrets.reach = Reach(reach);
    secrets.reason = QStringLiteral("no Secret Service on D-Bus");
    secrets.timeout = 5s;
    if (!error.isEmpty())
        secrets.errors.insert(token, error);
    QCOMPARE(missingSecretRemedy(token, secrets), remedy);
}

void TestKeychainSecrets::theRemedyNeverCarriesASecret()
{
    Secrets secrets;
    secrets.values.insert(botToken, QStringLiteral("kc-bot-token-value"));
    for (const Reach reach : {Reach::NotAsked, Reach::Skipped, Reach::Reachable, Reach::Unreachable, Reach::NoAnswer}) {
        secrets.reach = reach;
        QVERIFY(!missingSecretRemedy(token, secrets).contains(QStringLiteral("kc-bot-token-value")));
    }
}

QTEST_GUILESS_MAIN(TestKeychainSecrets)
#include "tst_keychainsecrets.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI resolves `${NAME}` from the environment, then the OS keychain, and says plainly which
// of the two it could ask (docs/adr/0123). Runs the built `sentinel` with no session bus, on a
// private bus without a Secret Service, and on one with gnome-keyring's Secret Service holding
// the token, as Settings would have stored it.
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel::test;

namespace {

const QString variable = QStringLiteral("TS_KC_TEST_OANDA_TOKEN");
/// Long and unlike anything else printed, so finding it anywhere is a leak.
const QByteArray tokenValue = "kc-test-9f3a71c2e8d44b06a5e1-oanda-token";

const QByteArray configText = "platform: oanda\n"
                              "watchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n"
                              "oanda: {environment: practice, account_id: \"101-001-1234567-001\", token: \"${TS_KC_TEST_OANDA_TOKEN}\"}\n";

/// A session bus that starts no services: nothing can answer for org.freedesktop.secrets.
const QByteArray busWithoutServices =
    "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
    " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
    "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen><auth>EXTERNAL</auth>\n"
    "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
    "<allow own=\"*\"/></policy></busconfig>\n";

/// The oanda.token issue of a `config check` report.
QJsonObject tokenIssue(const CliRun& run)
{
    for (const auto& issue : run.json().value(QStringLiteral("issues")).toArray()) {
        if (issue.toObject().value(QStringLiteral("key")).toString() == u"oanda.token")
            return issue.toObject();
    }
    return {};
}

} // namespace

class TestCliKeychain final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void withoutASessionBusTheKeychainIsNotReachable();
    void brokerCheckSaysTheSameAboutItsToken();
    void onABusWithoutASecretServiceTheKeychainIsNotReachable();
    void skippingTheKeychainSaysSo();
    void anExportedTokenPassesAndIsPrintedNowhere();
    void aTokenStoredInARealSecretServiceIsReadAndPrintedNowhere();

private:
    /// The environment of a session with no D-Bus: no bus address, no $XDG_RUNTIME_DIR/bus, no
    /// X display to autolaunch one through, and the token not exported.
    [[nodiscard]] QProcessEnvironment withoutABus() const;
    [[nodiscard]] QStringList configCheck() const;

    QTemporaryDir m_dir;
    QString m_configPath;
};

void TestCliKeychain::initTestCase()
{
#ifndef Q_OS_LINUX
    QSKIP("the keychain is always there on macOS and Windows; these runs are about D-Bus");
#endif
    QVERIFY(m_dir.isValid());
    m_configPath = m_dir.filePath(QStringLiteral("oanda.yaml"));
    QFile file(m_configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(configText);
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("run")));
    QVERIFY(QFile::setPermissions(m_dir.filePath(QStringLiteral("run")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
}

QProcessEnvironment TestCliKeychain::withoutABus() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "SENTINEL_NO_KEYCHAIN",
                             "TS_KC_TEST_OANDA_TOKEN"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("run")));
    environment.insert(QStringLiteral("HOME"), m_dir.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    return environment;
}

QStringList TestCliKeychain::configCheck() const
{
    return {QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("--config"), m_configPath};
}

void TestCliKeychain::withoutASessionBusTheKeychainIsNotReachable()
{
    const CliRun run = runSentinel(configCheck(), withoutABus());
    QCOMPARE(run.exitCode, 2);
    const QString remedy = QStringLiteral("TS_KC_TEST_OANDA_TOKEN is not set and the OS keychain is not reachable here "
                                          "(no D-Bus session bus): export TS_KC_TEST_OANDA_TOKEN");
    QCOMPARE(tokenIssue(run).value(QStringLiteral("remedy")).toString(), remedy);
    QVERIFY2(run.err.contains(remedy.toUtf8()), run.err.constData());
}

void TestCliKeychain::brokerCheckSaysTheSameAboutItsToken()
{
    const CliRun run = runSentinel({QStringLiteral("broker"), QStringLiteral("check"), QStringLiteral("--config"), m_configPath},
                                   withoutABus());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("the OS keychain is not reachable here (no D-Bus session bus): export TS_KC_TEST_OANDA_TOKEN"),
             run.err.constData());
}

void TestCliKeychain::onABusWithoutASecretServiceTheKeychainIsNotReachable()
{
    const QString dbusRunSession = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
    if (dbusRunSession.isEmpty())
        QSKIP("dbus-run-session is not installed (scripts/install-deps.sh installs dbus)");
    const QString busConfig = m_dir.filePath(QStringLiteral("bus.conf"));
    QFile file(busConfig);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(busWithoutServices);
    file.close();
    const CliRun run = runProgram(dbusRunSession, QStringList{QStringLiteral("--config-file=") + busConfig, QStringLiteral("--"),
                                                              sentinelPath()} + configCheck(),
                                  withoutABus());
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(tokenIssue(run).value(QStringLiteral("remedy")).toString(),
             QStringLiteral("TS_KC_TEST_OANDA_TOKEN is not set and the OS keychain is not reachable here "
                            "(no Secret Service on D-Bus): export TS_KC_TEST_OANDA_TOKEN"));
}

void TestCliKeychain::skippingTheKeychainSaysSo()
{
    QProcessEnvironment environment = withoutABus();
    environment.insert(QStringLiteral("SENTINEL_NO_KEYCHAIN"), QStringLiteral("1"));
    const CliRun run = runSentinel(configCheck(), environment);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(tokenIssue(run).value(QStringLiteral("remedy")).toString(),
             QStringLiteral("the OS keychain was not read (SENTINEL_NO_KEYCHAIN is set): export TS_KC_TEST_OANDA_TOKEN, "
                            "or unset SENTINEL_NO_KEYCHAIN"));
}

void TestCliKeychain::anExportedTokenPassesAndIsPrintedNowhere()
{
    QProcessEnvironment environment = withoutABus();
    environment.insert(variable, QString::fromLatin1(tokenValue));
    const QString logFile = m_dir.filePath(QStringLiteral("exported.log"));
    const CliRun run = runSentinel(configCheck() + QStringList{QStringLiteral("--log-level"), QStringLiteral("trace"),
                                                               QStringLiteral("--log-file"), logFile},
                                   environment);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.json().value(QStringLiteral("valid")).toBool(), true);
    QFile log(logFile);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray logged = log.readAll();
    QVERIFY(!run.out.contains(tokenValue));
    QVERIFY(!run.err.contains(tokenValue));
    QVERIFY(!logged.contains(tokenValue));
}

void TestCliKeychain::aTokenStoredInARealSecretServiceIsReadAndPrintedNowhere()
{
    const QString dbusRunSession = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
    const QString keyringDaemon = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    const QString secretTool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
    if (dbusRunSession.isEmpty() || keyringDaemon.isEmpty() || secretTool.isEmpty())
        QSKIP("needs dbus-run-session, gnome-keyring-daemon and secret-tool (scripts/install-deps.sh installs them)");
    // On a private bus: gnome-keyring's Secret Service with an unlocked login keyring in the
    // test's own home. The token goes in under QtKeychain's attributes for service
    // "trade-sentinel", as Settings stores it. The secret travels on stdin, never in arguments.
    const QString logFile = m_dir.filePath(QStringLiteral("keychain.log"));
    const QString script = QStringLiteral(
        "set -e\n"
        "mkdir -p \"$XDG_DATA_HOME\"\n"
        "eval \"$(printf 'login-password\\n' | gnome-keyring-daemon --unlock --components=secrets)\" >/dev/null\n"
        "printf '%s' \"$TOKEN_TO_STORE\" | secret-tool store --label='Trade Sentinel test' user %1 server trade-sentinel type plaintext\n"
        "unset TOKEN_TO_STORE\n"
        "exec \"$@\"\n").arg(variable);
    QProcessEnvironment environment = withoutABus();
    environment.insert(QStringLiteral("TOKEN_TO_STORE"), QString::fromLatin1(tokenValue));
    const CliRun run = runProgram(dbusRunSession,
                                  QStringList{QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script,
                                              QStringLiteral("sh"), sentinelPath()}
                                      + configCheck()
                                      + QStringList{QStringLiteral("--log-level"), QStringLiteral("trace"),
                                                    QStringLiteral("--log-file"), logFile},
                                  environment);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.json().value(QStringLiteral("valid")).toBool(), true);
    QFile log(logFile);
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(!run.out.contains(tokenValue));
    QVERIFY(!run.err.contains(tokenValue));
    QVERIFY(!log.readAll().contains(tokenValue));
}

QTEST_GUILESS_MAIN(TestCliKeychain)
#include "tst_cli_keychain.moc"

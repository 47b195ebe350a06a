// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Error.h"
#include "common/Issue.h"
#include "common/OwnerOnlyFile.h"
#include "common/Redactor.h"
#include "common/Secret.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

class TestSecret final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void neverPrintsItsValue();
    void redactorMasksRawAndPercentEncodedForms();
    void errorsAndIssuesAreScrubbedWhenMade_data();
    void errorsAndIssuesAreScrubbedWhenMade();
    void ordinaryTextIsLeftAlone_data();
    void ordinaryTextIsLeftAlone();
    void ownerOnlyFileIsCreatedAndTightened();
};

void TestSecret::neverPrintsItsValue()
{
    const Secret secret(QStringLiteral("123456:ABC-token"));
    QCOMPARE(secret.toString(), QStringLiteral("***"));
    QString debugText;
    QDebug(&debugText) << secret;
    QVERIFY(!debugText.contains(u"ABC-token"));
    QCOMPARE(secret.reveal(), QStringLiteral("123456:ABC-token"));
}

void TestSecret::redactorMasksRawAndPercentEncodedForms()
{
    const Secret secret(QStringLiteral("987654:XYZ-secret"));
    const QString raw = QStringLiteral("GET https://api.telegram.org/bot987654:XYZ-secret/sendMessage");
    const QString encoded = QStringLiteral("token=987654%3AXYZ-secret&x=1");
    QCOMPARE(Redactor::instance().redact(raw), QStringLiteral("GET https://api.telegram.org/bot***/sendMessage"));
    QCOMPARE(Redactor::instance().redact(encoded), QStringLiteral("token=***&x=1"));
}

void TestSecret::errorsAndIssuesAreScrubbedWhenMade_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("leak");
    QTest::addColumn<QString>("expected");
    const Secret registered(QStringLiteral("reg1stered-webhook-secret"));
    QTest::addRow("a registered secret anywhere")
        << QStringLiteral("receiver said: bad signature for reg1stered-webhook-secret")
        << QStringLiteral("reg1stered-webhook-secret") << QStringLiteral("receiver said: bad signature for ***");
    QTest::addRow("an unregistered bot token in a telegram path")
        << QStringLiteral("Bad Request: /bot5551234567:AAE-never_registered_token_0123456789/sendMessage")
        << QStringLiteral("never_registered_token") << QStringLiteral("Bad Request: /bot***/sendMessage");
    QTest::addRow("redis user and password in a url")
        << QStringLiteral("cannot reach redis://desk:pa55word-redis@cache.local:6379/2")
        << QStringLiteral("pa55word-redis") << QStringLiteral("cannot reach redis://***@cache.local:6379/2");
    QTest::addRow("an api key in a query string")
        << QStringLiteral("GET https://www.alphavantage.co/query?function=FX_DAILY&apikey=ABCDEF123456&x=1")
        << QStringLiteral("ABCDEF123456")
        << QStringLiteral("GET https://www.alphavantage.co/query?function=FX_DAILY&apikey=***&x=1");
    QTest::addRow("a token parameter of any name")
        << QStringLiteral("https://hooks.example/in?bot_token=zzz-opaque-value&access_token=yyy-opaque")
        << QStringLiteral("opaque") << QStringLiteral("https://hooks.example/in?bot_token=***&access_token=***");
}

void TestSecret::errorsAndIssuesAreScrubbedWhenMade()
{
    QFETCH(QString, text);
    QFETCH(QString, leak);
    QFETCH(QString, expected);
    const Error error{QStringLiteral("network_error"), text, text};
    QCOMPARE(error.message, expected);
    QCOMPARE(error.remedy, expected);
    QVERIFY(!error.toString().contains(leak));
    const Issue issue{Issue::Severity::Error, QStringLiteral("telegram.bot_token"), text, text};
    QVERIFY(!issue.toString().contains(leak));
    QCOMPARE(issue.message, expected);
}

void TestSecret::ordinaryTextIsLeftAlone_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("an instant") << QStringLiteral("next bar at 2026-03-02T14:05:00.000Z (in 300 s)");
    QTest::addRow("a url without credentials") << QStringLiteral("GET http://127.0.0.1:8080/query?function=FX_DAILY");
    QTest::addRow("a key path and value") << QStringLiteral("risk.max_var_pct: 0.05 is above 0.04");
}

void TestSecret::ordinaryTextIsLeftAlone()
{
    QFETCH(QString, text);
    QCOMPARE(Error(QStringLiteral("x"), text).message, text);
}

void TestSecret::ownerOnlyFileIsCreatedAndTightened()
{
    QTemporaryDir dir;
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    const QString fresh = dir.filePath(QStringLiteral("fresh.sqlite"));
    QVERIFY(ensureOwnerOnlyFile(fresh).ok());
    QVERIFY(QFileInfo::exists(fresh));
    QCOMPARE(QFileInfo(fresh).permissions() & (ownerOnly | others), ownerOnly);
    const QString loose = dir.filePath(QStringLiteral("loose.log"));
    QFile file(loose);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("old lines\n");
    file.close();
    QVERIFY(file.setPermissions(ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY(ensureOwnerOnlyFile(loose).ok());
    QCOMPARE(QFileInfo(loose).permissions() & (ownerOnly | others), ownerOnly);
    QCOMPARE(QFileInfo(loose).size(), qint64(10)); // tightened, not truncated
}

QTEST_GUILESS_MAIN(TestSecret)
#include "tst_secret.moc"

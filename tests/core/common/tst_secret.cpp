// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Redactor.h"
#include "common/Secret.h"

#include <QTest>

using namespace sentinel;

class TestSecret final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void neverPrintsItsValue();
    void redactorMasksRawAndPercentEncodedForms();
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

QTEST_GUILESS_MAIN(TestSecret)
#include "tst_secret.moc"

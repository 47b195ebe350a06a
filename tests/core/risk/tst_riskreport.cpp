// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/RiskReport.h"
#include "risk/RiskVerdict.h"

#include <QTest>
#include <QVariant>

using namespace sentinel;

class TestRiskReport final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void methodLabelNamesMethodAndSamples_data();
    void methodLabelNamesMethodAndSamples();
    void crossesThreadsAsAMetaType();
};

void TestRiskReport::methodLabelNamesMethodAndSamples_data()
{
    QTest::addColumn<VarMethod>("method");
    QTest::addColumn<int>("samples");
    QTest::addColumn<QString>("label");
    QTest::newRow("historical says only its name") << VarMethod::Historical << 250 << QStringLiteral("historical");
    QTest::newRow("parametric says only its name") << VarMethod::Parametric << 250 << QStringLiteral("parametric");
    QTest::newRow("bootstrap on twelve returns says so") << VarMethod::Bootstrap << 12
                                                         << QStringLiteral("bootstrap (12 returns)");
    QTest::newRow("bootstrap on one return is singular") << VarMethod::Bootstrap << 1
                                                         << QStringLiteral("bootstrap (1 return)");
    QTest::newRow("bootstrap before any return") << VarMethod::Bootstrap << 0 << QStringLiteral("bootstrap (0 returns)");
}

void TestRiskReport::methodLabelNamesMethodAndSamples()
{
    QFETCH(VarMethod, method);
    QFETCH(int, samples);
    QFETCH(QString, label);
    RiskReport report;
    report.method = method;
    report.samples = samples;
    QCOMPARE(report.methodLabel(), label);
}

void TestRiskReport::crossesThreadsAsAMetaType()
{
    RiskReport report;
    report.var = 0.021;
    report.expectedShortfall = 0.027;
    report.confidence = 0.95;
    report.method = VarMethod::Bootstrap;
    report.samples = 12;
    report.historicalWeight = 0.4;
    const QVariant wrapped = QVariant::fromValue(report);
    QVERIFY(QMetaType::fromType<RiskReport>().isValid());
    QCOMPARE(wrapped.value<RiskReport>(), report);

    RiskVerdict verdict;
    verdict.reasons.append({RiskReasonCode::VarLimit, QStringLiteral("too much"), 0.07, 0.05});
    verdict.varAfterTrade = report;
    const RiskVerdict back = QVariant::fromValue(verdict).value<RiskVerdict>();
    QVERIFY(back.has(RiskReasonCode::VarLimit));
    QCOMPARE(back.varAfterTrade->methodLabel(), QStringLiteral("bootstrap (12 returns)"));
    QCOMPARE(riskReasonName(RiskReasonCode::VarLimit), QStringLiteral("var_limit"));
}

QTEST_GUILESS_MAIN(TestRiskReport)
#include "tst_riskreport.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/AlertModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

class TestAlertModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void severityFilterShowsOnlyWhatIsAsked_data();
    void severityFilterShowsOnlyWhatIsAsked();
    void acknowledgedAlertsCanBeHidden();
    void anEngineUpdateDoesNotUndoAnAcknowledgement();
};

void TestAlertModel::severityFilterShowsOnlyWhatIsAsked_data()
{
    QTest::addColumn<int>("minimum");
    QTest::addColumn<int>("visible");
    QTest::newRow("all severities show all three") << int(AlertView::Severity::Info) << 3;
    QTest::newRow("warnings and above hide the info") << int(AlertView::Severity::Warning) << 2;
    QTest::newRow("critical only shows one") << int(AlertView::Severity::Critical) << 1;
}

void TestAlertModel::severityFilterShowsOnlyWhatIsAsked()
{
    QFETCH(int, minimum);
    QFETCH(int, visible);
    AlertModel model;
    AlertFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.applyAlert(alert("a1", AlertView::Severity::Info, "recovered")));
    QVERIFY(model.applyAlert(alert("a2", AlertView::Severity::Warning, "quota_exhausted")));
    QVERIFY(model.applyAlert(alert("a3", AlertView::Severity::Critical, "delivery_failed")));
    proxy.setMinimumSeverity(AlertView::Severity(minimum));
    QCOMPARE(proxy.rowCount(), visible);
    // Newest first.
    QCOMPARE(proxy.index(0, AlertModel::KindColumn).data().toString(), QStringLiteral("Delivery failed"));
}

void TestAlertModel::acknowledgedAlertsCanBeHidden()
{
    AlertModel model;
    AlertFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applyAlert(alert("a1", AlertView::Severity::Warning));
    model.applyAlert(alert("a2", AlertView::Severity::Critical));
    QCOMPARE(model.unacknowledgedCount(AlertView::Severity::Warning), 2);
    proxy.setShowAcknowledged(false);
    model.markAcknowledged(QStringLiteral("a2"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(model.unacknowledgedCount(AlertView::Severity::Warning), 1);
    QCOMPARE(model.index(model.rowOfKey(QStringLiteral("a2")), AlertModel::SeverityColumn).data().toString(),
             QStringLiteral("Critical (acknowledged)"));
}

void TestAlertModel::anEngineUpdateDoesNotUndoAnAcknowledgement()
{
    AlertModel model;
    model.applyAlert(alert("a1", AlertView::Severity::Critical));
    model.markAcknowledged(QStringLiteral("a1"));
    AlertView again = alert("a1", AlertView::Severity::Critical);
    again.message = QStringLiteral("still no bar");
    QVERIFY(!model.applyAlert(again));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.rowAt(0).acknowledged);
    QCOMPARE(model.rowAt(0).message, QStringLiteral("still no bar"));
}

QTEST_MAIN(TestAlertModel)
#include "tst_alertmodel.moc"

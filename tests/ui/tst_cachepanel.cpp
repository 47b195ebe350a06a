// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/CacheModel.h"
#include "ui/CachePanel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

class TestCachePanel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsCountersQuotaAndHitRateHistory();
    void aCacheThatDisappearsLeavesTheTable();
    void showsTheBrokersPriceStream();
    void eachFeedShowsItsRateWindow();
};

namespace {
CacheReport report(const QDateTime& when, qint64 hits, qint64 misses)
{
    CacheReport r;
    r.at = when;
    r.caches = {CacheSnapshot{QStringLiteral("bars"), hits, misses, 2, 1, 40, true, QStringLiteral("memory")},
                CacheSnapshot{QStringLiteral("portfolio"), 9, 1, 0, 0, 1, true, QStringLiteral("redis (degraded: memory)")}};
    r.quotas = {QuotaSnapshot{QStringLiteral("alpha_vantage"), 12, 25, at("2026-11-25T00:00:00Z"), 340, std::nullopt}};
    return r;
}
} // namespace

void TestCachePanel::showsCountersQuotaAndHitRateHistory()
{
    CachePanel panel;
    QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime t0 = at("2026-11-24T15:00:00Z");
    panel.applyReport(report(t0, 75, 25));
    panel.applyReport(report(t0.addSecs(60), 80, 25));
    CacheModel* model = panel.model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, CacheModel::NameColumn).data().toString(), QStringLiteral("bars"));
    QCOMPARE(model->index(0, CacheModel::HitRateColumn).data().toString(), QStringLiteral("76.2 %"));
    QCOMPARE(model->index(0, CacheModel::EvictionsColumn).data().toString(), QStringLiteral("1"));
    QVERIFY(model->index(1, CacheModel::BackendColumn).data(Qt::ForegroundRole).isValid());
    const QString quota = panel.findChild<QLabel*>(QStringLiteral("quotaLabel"))->text();
    QVERIFY2(quota.contains(u"12 of 25 requests today") && quota.contains(u"resets"), qPrintable(quota));
    QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("apiCallsSavedLabel"))->text(),
             QStringLiteral("API calls saved by caching: 340"));
    QCOMPARE(panel.historyPointCount(QStringLiteral("bars")), 2);
    QCOMPARE(panel.historyPointCount(QStringLiteral("portfolio")), 2);
}

void TestCachePanel::showsTheBrokersPriceStream()
{
    CachePanel panel;
    CacheReport r = report(at("2026-11-24T15:00:00Z"), 1, 1);
    r.quotas = {QuotaSnapshot{QStringLiteral("oanda"), 40, 0, {}, 12, StreamState{true, at("2026-11-24T14:00:00Z"), {}, 0, {}}}};
    panel.applyReport(r);
    const auto* quota = panel.findChild<QLabel*>(QStringLiteral("quotaLabel"));
    QVERIFY2(quota->text().contains(u"oanda price stream: live since") && quota->text().contains(u"connections lost since start: 0"),
             qPrintable(quota->text()));
    r.quotas.first().stream = StreamState{false, at("2026-11-24T15:00:00Z"), at("2026-11-24T15:00:16Z"), 3, {}};
    panel.applyReport(r);
    QVERIFY2(quota->text().contains(u"oanda price stream: down since") && quota->text().contains(u"next try")
                 && quota->text().contains(u"connections lost since start: 3"),
             qPrintable(quota->text()));
    r.quotas.first().stream.reset(); // a polled feed says nothing about streams
    panel.applyReport(r);
    QVERIFY(!quota->text().contains(u"stream"));
}

// A desk on two brokers shows each one's rate limit in its own unit, and the saved calls once.
void TestCachePanel::eachFeedShowsItsRateWindow()
{
    CachePanel panel;
    CacheReport r = report(at("2026-11-24T15:00:00Z"), 1, 1);
    QuotaSnapshot oanda{QStringLiteral("oanda"), 40, 0, {}, 12, std::nullopt};
    oanda.windowLimit = 100;
    oanda.windowUsed = 7;
    oanda.window = std::chrono::minutes{1};
    QuotaSnapshot coinbase{QStringLiteral("coinbase"), 9, 0, {}, 0, std::nullopt};
    coinbase.windowLimit = 10;
    coinbase.windowUsed = 3;
    coinbase.window = std::chrono::seconds{1};
    r.quotas = {oanda, coinbase};
    panel.applyReport(r);
    const QStringList lines = panel.findChild<QLabel*>(QStringLiteral("quotaLabel"))->text().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), QStringLiteral("oanda: 40 requests today (no daily limit); 7 of 100 in the last minute"));
    QCOMPARE(lines.at(1), QStringLiteral("coinbase: 9 requests today (no daily limit); 3 of 10 in the last second"));
    QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("apiCallsSavedLabel"))->text(), QStringLiteral("API calls saved by caching: 12"));
}

void TestCachePanel::aCacheThatDisappearsLeavesTheTable()
{
    CachePanel panel;
    QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    CacheReport r = report(at("2026-11-24T15:00:00Z"), 1, 1);
    panel.applyReport(r);
    r.caches.removeFirst();
    panel.applyReport(r);
    QCOMPARE(panel.model()->rowCount(), 1);
    QCOMPARE(panel.model()->index(0, 0).data().toString(), QStringLiteral("portfolio"));
}

QTEST_MAIN(TestCachePanel)
#include "tst_cachepanel.moc"

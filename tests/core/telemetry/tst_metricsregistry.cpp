// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/MetricsRegistry.h"
#include "telemetry/SentinelMetrics.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <limits>
#include <vector>

Q_DECLARE_METATYPE(std::vector<double>)

using namespace sentinel;

namespace {
QByteArray readSourceFile(const QString& relative)
{
    QFile file(QStringLiteral(SENTINEL_SOURCE_DIR "/") + relative);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestMetricsRegistry final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expositionHasHelpTypeAndSortedSeries();
    void labelOrderDoesNotSplitASeries();
    void labelValuesAreEscaped_data();
    void labelValuesAreEscaped();
    void helpTextIsEscaped();
    void valuesAreFormattedAsPrometheusReadsThem_data();
    void valuesAreFormattedAsPrometheusReadsThem();
    void countersOnlyGoUp();
    void aCounterMayMirrorACountKeptElsewhere();
    void feedingAnUndescribedMetricChangesNothing();
    void invalidNamesAreRejected_data();
    void invalidNamesAreRejected();
    void aNameCannotChangeItsType();
    void clearDropsEverySeriesOfAFamily();
    void aHistogramRendersCumulativeBucketsSumAndCount();
    void aHistogramsOwnLabelsComeBeforeLe();
    void aHistogramIsOnlyObserved();
    void histogramBoundsMustBeFiniteAndIncreasing_data();
    void histogramBoundsMustBeFiniteAndIncreasing();
    void aDeclaredSeriesIsExportedAtZero();
    void everyExportedMetricIsDocumentedAndUsedNamesExist();
};

void TestMetricsRegistry::expositionHasHelpTypeAndSortedSeries()
{
    MetricsRegistry registry;
    QVERIFY(registry.describe(QStringLiteral("sentinel_cache_hits_total"), MetricsRegistry::Type::Counter,
                              QStringLiteral("Cache hits.")));
    QVERIFY(registry.describe(QStringLiteral("sentinel_instruments_stale"), MetricsRegistry::Type::Gauge,
                              QStringLiteral("Stale instruments.")));
    registry.increment(QStringLiteral("sentinel_cache_hits_total"), {{QStringLiteral("cache"), QStringLiteral("quote")}}, 3);
    registry.increment(QStringLiteral("sentinel_cache_hits_total"), {{QStringLiteral("cache"), QStringLiteral("indicators")}});
    registry.increment(QStringLiteral("sentinel_cache_hits_total"), {{QStringLiteral("cache"), QStringLiteral("quote")}});
    registry.set(QStringLiteral("sentinel_instruments_stale"), 2);

    QCOMPARE(registry.exposition(),
             QByteArray("# HELP sentinel_cache_hits_total Cache hits.\n"
                        "# TYPE sentinel_cache_hits_total counter\n"
                        "sentinel_cache_hits_total{cache=\"indicators\"} 1\n"
                        "sentinel_cache_hits_total{cache=\"quote\"} 4\n"
                        "# HELP sentinel_instruments_stale Stale instruments.\n"
                        "# TYPE sentinel_instruments_stale gauge\n"
                        "sentinel_instruments_stale 2\n"));
}

void TestMetricsRegistry::labelOrderDoesNotSplitASeries()
{
    MetricsRegistry registry;
    QVERIFY(registry.describe(QStringLiteral("calls_total"), MetricsRegistry::Type::Counter, QStringLiteral("x")));
    registry.increment(QStringLiteral("calls_total"), {{QStringLiteral("provider"), QStringLiteral("av")}, {QStringLiteral("endpoint"), QStringLiteral("intraday")}});
    registry.increment(QStringLiteral("calls_total"), {{QStringLiteral("endpoint"), QStringLiteral("intraday")}, {QStringLiteral("provider"), QStringLiteral("av")}});
    QCOMPARE(registry.value(QStringLiteral("calls_total"), {{QStringLiteral("provider"), QStringLiteral("av")}, {QStringLiteral("endpoint"), QStringLiteral("intraday")}}), 2.0);
    QVERIFY(registry.exposition().contains("calls_total{endpoint=\"intraday\",provider=\"av\"} 2\n"));
}

void TestMetricsRegistry::labelValuesAreEscaped_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("rendered");
    QTest::newRow("plain text is unchanged") << QStringLiteral("XNYS:AAPL:5min") << QByteArray(R"(XNYS:AAPL:5min)");
    QTest::newRow("a backslash is doubled") << QStringLiteral("C:\\desk") << QByteArray(R"(C:\\desk)");
    QTest::newRow("a double quote is escaped") << QStringLiteral("say \"hi\"") << QByteArray(R"(say \"hi\")");
    QTest::newRow("a newline becomes backslash n") << QStringLiteral("two\nlines") << QByteArray(R"(two\nlines)");
    QTest::newRow("non-ascii text stays utf-8") << QStringLiteral("Zürich €") << QByteArray("Z\xc3\xbcrich \xe2\x82\xac");
}

void TestMetricsRegistry::labelValuesAreEscaped()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, rendered);
    MetricsRegistry registry;
    QVERIFY(registry.describe(QStringLiteral("lag_seconds"), MetricsRegistry::Type::Gauge, QStringLiteral("x")));
    registry.set(QStringLiteral("lag_seconds"), 5, {{QStringLiteral("instrument"), value}});
    QVERIFY2(registry.exposition().contains(QByteArray("lag_seconds{instrument=\"" + rendered + "\"} 5\n")), registry.exposition().constData());
}

void TestMetricsRegistry::helpTextIsEscaped()
{
    MetricsRegistry registry;
    QVERIFY(registry.describe(QStringLiteral("m"), MetricsRegistry::Type::Gauge, QStringLiteral("a \\ b\nc \"d\"")));
    // Quotes stay as they are in HELP; only backslash and newline are escaped there.
    QVERIFY(registry.exposition().startsWith("# HELP m a \\\\ b\\nc \"d\"\n# TYPE m gauge\n"));
}

void TestMetricsRegistry::valuesAreFormattedAsPrometheusReadsThem_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("a whole number has no decimal point") << 42.0 << QByteArray("42");
    QTest::newRow("a fraction is the shortest exact form") << 0.1 << QByteArray("0.1");
    QTest::newRow("a tiny number uses an exponent") << 1.5e-9 << QByteArray("1.5e-09");
    QTest::newRow("a large count keeps every digit") << 12345678901234.0 << QByteArray("12345678901234");
    QTest::newRow("not a number") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
    QTest::newRow("positive infinity") << std::numeric_limits<double>::infinity() << QByteArray("+Inf");
    QTest::newRow("negative infinity") << -std::numeric_limits<double>::infinity() << QByteArray("-Inf");
    QTest::newRow("a negative gauge") << -2.5 << QByteArray("-2.5");
}

void TestMetricsRegistry::valuesAreFormattedAsPrometheusReadsThem()
{
    QFETCH(double, value);
    QFETCH(QByteArray, text);
    QCOMPARE(MetricsRegistry::formatValue(value), text);
}

void TestMetricsRegistry::countersOnlyGoUp()
{
    MetricsRegistry registry;
    QVERIFY(registry.describe(QStringLiteral("c_total"), MetricsRegistry::Type::Counter, QStringLiteral("x")));
    registry.increment(QStringLiteral("c_total"), {}, 5);
    registry.increment(QStringLiteral("c_total"), {}, -1);
    registry.increment(QStringLiteral("c_total"), {}, std::numeric_limits<double>::quiet_NaN());
    registry.set(QStringLiteral("c_total"), 3);
    QCOMPARE(registry.value(QStringLiteral("c_total")), 5.0);
}

void TestMetricsRegistry::aCounterMayMirrorACountKeptElsewhere()
{
    MetricsRegistry registry;
    QVERIFY(registry.describe(QStringLiteral("hits_total"), MetricsRegistry::Type::Counter, QStringLiteral("x")));
    registry.set(QStringLiteral("hits_total"), 10, {{QStringLiteral("cache"), QStringLiteral("quote")}});
    registry.set(QStringLiteral("hits_total"), 12, {{QStringLiteral("cache"), QStringLiteral("quote")}});
    QCOMPARE(registry.value(QStringLiteral("hits_total"), {{QStringLiteral("cache"), QStringLiteral("quote")}}), 12.0);
}

void TestMetricsRegistry::feedingAnUndescribedMetricChangesNothing()
{
    MetricsRegistry registry;
    QVERIFY(registry.describe(QStringLiteral("g"), MetricsRegistry::Type::Gauge, QStringLiteral("x")));
    registry.increment(QStringLiteral("never_described_total"));
    registry.set(QStringLiteral("never_described"), 1);
    registry.increment(QStringLiteral("g")); // a gauge is set, not incremented
    registry.set(QStringLiteral("g"), 1, {{QStringLiteral("bad-label"), QStringLiteral("x")}});
    registry.set(QStringLiteral("g"), 1, {{QStringLiteral("__reserved"), QStringLiteral("x")}});
    QCOMPARE(registry.names(), QStringList{QStringLiteral("g")});
    QVERIFY(!registry.contains(QStringLiteral("g")));
    QCOMPARE(registry.exposition(), QByteArray("# HELP g x\n# TYPE g gauge\n"));
}

void TestMetricsRegistry::invalidNamesAreRejected_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("a name starting with a digit") << QStringLiteral("9lives");
    QTest::newRow("a name with a dash") << QStringLiteral("cache-hits");
    QTest::newRow("a name with a space") << QStringLiteral("cache hits");
    QTest::newRow("an empty name") << QString();
}

void TestMetricsRegistry::invalidNamesAreRejected()
{
    QFETCH(QString, name);
    MetricsRegistry registry;
    const Status status = registry.describe(name, MetricsRegistry::Type::Gauge, QStringLiteral("x"));
    QVERIFY(!status);
    QCOMPARE(status.error().kind, QStringLiteral("invalid_metric"));
    QVERIFY(registry.names().isEmpty());
}

void TestMetricsRegistry::aNameCannotChangeItsType()
{
    MetricsRegistry registry;
    QVERIFY(registry.describe(QStringLiteral("x_total"), MetricsRegistry::Type::Counter, QStringLiteral("x")));
    QVERIFY(registry.describe(QStringLiteral("x_total"), MetricsRegistry::Type::Counter, QStringLiteral("new help")));
    const Status status = registry.describe(QStringLiteral("x_total"), MetricsRegistry::Type::Gauge, QStringLiteral("x"));
    QVERIFY(!status);
    QVERIFY(status.error().message.contains(u"already a counter"));
    QVERIFY(registry.exposition().contains("# TYPE x_total counter\n"));
    QVERIFY(registry.exposition().contains("# HELP x_total new help\n"));
}

void TestMetricsRegistry::clearDropsEverySeriesOfAFamily()
{
    MetricsRegistry registry;
    QVERIFY(registry.describe(QStringLiteral("lag"), MetricsRegistry::Type::Gauge, QStringLiteral("x")));
    registry.set(QStringLiteral("lag"), 1, {{QStringLiteral("instrument"), QStringLiteral("a")}});
    registry.set(QStringLiteral("lag"), 2, {{QStringLiteral("instrument"), QStringLiteral("b")}});
    registry.clear(QStringLiteral("lag"));
    QVERIFY(!registry.contains(QStringLiteral("lag"), {{QStringLiteral("instrument"), QStringLiteral("a")}}));
    QCOMPARE(registry.exposition(), QByteArray("# HELP lag x\n# TYPE lag gauge\n"));
}

void TestMetricsRegistry::aHistogramRendersCumulativeBucketsSumAndCount()
{
    MetricsRegistry registry;
    QVERIFY(registry.describeHistogram(QStringLiteral("cycle_seconds"), QStringLiteral("x"), {0.1, 0.5, 1}));
    for (const double seconds : {0.05, 0.1, 0.3, 0.7, 4.0})
        registry.observe(QStringLiteral("cycle_seconds"), seconds);
    // A value on a bound falls in that bucket (le: less than or equal).
    QCOMPARE(registry.exposition(), QByteArray("# HELP cycle_seconds x\n# TYPE cycle_seconds histogram\n"
                                               "cycle_seconds_bucket{le=\"0.1\"} 2\n"
                                               "cycle_seconds_bucket{le=\"0.5\"} 3\n"
                                               "cycle_seconds_bucket{le=\"1\"} 4\n"
                                               "cycle_seconds_bucket{le=\"+Inf\"} 5\n"
                                               "cycle_seconds_sum 5.15\n"
                                               "cycle_seconds_count 5\n"));
    QCOMPARE(registry.value(QStringLiteral("cycle_seconds")), 5.0);
    const MetricsRegistry::HistogramValue value = registry.histogram(QStringLiteral("cycle_seconds"));
    QCOMPARE(value.cumulativeCounts, (std::vector<quint64>{2, 3, 4, 5}));
    QCOMPARE(value.upperBounds.back(), std::numeric_limits<double>::infinity());
}

void TestMetricsRegistry::aHistogramsOwnLabelsComeBeforeLe()
{
    MetricsRegistry registry;
    QVERIFY(registry.describeHistogram(QStringLiteral("h"), QStringLiteral("x"), {1}));
    registry.observe(QStringLiteral("h"), 2, {{QStringLiteral("channel"), QStringLiteral("webhook")}});
    QVERIFY(registry.exposition().contains("h_bucket{channel=\"webhook\",le=\"1\"} 0\n"
                                           "h_bucket{channel=\"webhook\",le=\"+Inf\"} 1\n"
                                           "h_sum{channel=\"webhook\"} 2\n"
                                           "h_count{channel=\"webhook\"} 1\n"));
}

void TestMetricsRegistry::aHistogramIsOnlyObserved()
{
    MetricsRegistry registry;
    QVERIFY(registry.describeHistogram(QStringLiteral("h"), QStringLiteral("x"), {1}));
    QVERIFY(registry.describe(QStringLiteral("g"), MetricsRegistry::Type::Gauge, QStringLiteral("x")));
    registry.set(QStringLiteral("h"), 3);
    registry.increment(QStringLiteral("h"));
    registry.observe(QStringLiteral("h"), 0.5, {{QStringLiteral("le"), QStringLiteral("2")}}); // the format's own label
    registry.observe(QStringLiteral("h"), std::numeric_limits<double>::quiet_NaN());
    registry.observe(QStringLiteral("g"), 0.5);
    QVERIFY(!registry.contains(QStringLiteral("h")));
    QVERIFY(!registry.contains(QStringLiteral("g")));
    QVERIFY(!registry.describe(QStringLiteral("h"), MetricsRegistry::Type::Gauge, QStringLiteral("x")));
    QVERIFY(!registry.describe(QStringLiteral("other"), MetricsRegistry::Type::Histogram, QStringLiteral("x")));
    QVERIFY(!registry.describeHistogram(QStringLiteral("g"), QStringLiteral("x"), {1}));
    QVERIFY(!registry.describeHistogram(QStringLiteral("h"), QStringLiteral("x"), {2}));
}

void TestMetricsRegistry::histogramBoundsMustBeFiniteAndIncreasing_data()
{
    QTest::addColumn<std::vector<double>>("bounds");
    QTest::newRow("no bucket at all") << std::vector<double>{};
    QTest::newRow("bounds out of order") << std::vector<double>{0.5, 0.1};
    QTest::newRow("a bound twice") << std::vector<double>{0.1, 0.1};
    QTest::newRow("an explicit infinity") << std::vector<double>{0.1, std::numeric_limits<double>::infinity()};
    QTest::newRow("not a number") << std::vector<double>{std::numeric_limits<double>::quiet_NaN()};
}

void TestMetricsRegistry::histogramBoundsMustBeFiniteAndIncreasing()
{
    QFETCH(std::vector<double>, bounds);
    MetricsRegistry registry;
    QVERIFY(!registry.describeHistogram(QStringLiteral("h"), QStringLiteral("x"), bounds));
    QVERIFY(registry.names().isEmpty());
}

void TestMetricsRegistry::aDeclaredSeriesIsExportedAtZero()
{
    MetricsRegistry registry;
    QVERIFY(registry.describe(QStringLiteral("alerts_total"), MetricsRegistry::Type::Counter, QStringLiteral("x")));
    QVERIFY(registry.describeHistogram(QStringLiteral("h"), QStringLiteral("x"), {1}));
    registry.declare(QStringLiteral("alerts_total"), {{QStringLiteral("kind"), QStringLiteral("stale_data")}});
    registry.declare(QStringLiteral("h"));
    QCOMPARE(registry.exposition(), QByteArray("# HELP alerts_total x\n# TYPE alerts_total counter\n"
                                               "alerts_total{kind=\"stale_data\"} 0\n"
                                               "# HELP h x\n# TYPE h histogram\n"
                                               "h_bucket{le=\"1\"} 0\nh_bucket{le=\"+Inf\"} 0\nh_sum 0\nh_count 0\n"));
    // Declaring again keeps what was counted.
    registry.increment(QStringLiteral("alerts_total"), {{QStringLiteral("kind"), QStringLiteral("stale_data")}});
    registry.declare(QStringLiteral("alerts_total"), {{QStringLiteral("kind"), QStringLiteral("stale_data")}});
    QCOMPARE(registry.value(QStringLiteral("alerts_total"), {{QStringLiteral("kind"), QStringLiteral("stale_data")}}), 1.0);
}

void TestMetricsRegistry::everyExportedMetricIsDocumentedAndUsedNamesExist()
{
    MetricsRegistry registry;
    describeSentinelMetrics(registry);
    QVERIFY(registry.names().size() >= 20);
    QCOMPARE(registry.value(metric::buildInfo, {{QStringLiteral("version"), QStringLiteral(SENTINEL_VERSION)}}), 1.0);

    const QByteArray docs = readSourceFile(QStringLiteral("docs/metrics.md"));
    QVERIFY(!docs.isEmpty());
    for (const QString& name : registry.names())
        QVERIFY2(docs.contains(QByteArray('`' + name.toUtf8() + '`')), qPrintable(name + QStringLiteral(" is not in docs/metrics.md")));

    // The dashboard and the alert rules (and their unit tests) may only use names the program
    // exports; a histogram's series add _bucket, _sum and _count to its name.
    QSet<QString> exported;
    for (const QString& name : registry.names()) {
        exported << name;
        if (!registry.histogram(name).upperBounds.empty())
            exported << name + QStringLiteral("_bucket") << name + QStringLiteral("_sum") << name + QStringLiteral("_count");
    }
    static const QRegularExpression used(QStringLiteral(R"(\bsentinel_[a-z_]+)"));
    for (const QString& file : {QStringLiteral("packaging/monitoring/grafana-dashboard.json"),
                                QStringLiteral("packaging/monitoring/alert-rules.yaml"),
                                QStringLiteral("packaging/monitoring/alert-rules.test.yaml")}) {
        const QString text = QString::fromUtf8(readSourceFile(file));
        QVERIFY2(!text.isEmpty(), qPrintable(file));
        int uses = 0;
        for (auto it = used.globalMatch(text); it.hasNext();) {
            const QString name = it.next().captured();
            QVERIFY2(exported.contains(name), qPrintable(QStringLiteral("%1 uses %2, which is not exported").arg(file, name)));
            ++uses;
        }
        QVERIFY(uses > 0);
    }
}

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/BarCodec.h"

#include <QTest>

#include <limits>

using namespace sentinel;

namespace {

Bars sample()
{
    const QDateTime start = QDateTime::fromString(QStringLiteral("2024-03-04T14:00:00Z"), Qt::ISODate);
    Bars bars;
    for (int i = 0; i < 100; ++i)
        bars.append(Bar{start.addSecs(60 * i), 100.0 + i, 101.5 + i, 99.25 + i, 100.75 + i, 1e6 + i});
    return bars;
}

} // namespace

class TestBarCodec final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void barsSurviveARoundTripExactly();
    void anEmptyListRoundTrips();
    void damagedBytesAreRefused_data();
    void damagedBytesAreRefused();
};

void TestBarCodec::barsSurviveARoundTripExactly()
{
    const Bars bars = sample();
    const QByteArray bytes = encodeBars(bars);
    QCOMPARE(bytes.size(), 5 + 100 * 48);
    const Result<Bars> decoded = decodeBars(bytes);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value(), bars);
}

void TestBarCodec::anEmptyListRoundTrips()
{
    const Result<Bars> decoded = decodeBars(encodeBars({}));
    QVERIFY(decoded.ok());
    QVERIFY(decoded.value().isEmpty());
}

void TestBarCodec::damagedBytesAreRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    const QByteArray good = encodeBars(sample());
    QByteArray otherVersion = good;
    otherVersion[0] = 9;
    Bars nan = sample();
    nan[3].high = std::numeric_limits<double>::quiet_NaN();
    Bars unordered = sample();
    std::swap(unordered[1], unordered[2]);
    QTest::newRow("nothing at all") << QByteArray() << QStringLiteral("truncated header");
    QTest::newRow("a format version from another release") << otherVersion << QStringLiteral("format version 9");
    QTest::newRow("a payload cut short") << good.left(good.size() - 7) << QStringLiteral("announced");
    QTest::newRow("a bar with a NaN high") << encodeBars(nan) << QStringLiteral("bar 3 has impossible prices");
    QTest::newRow("bars out of time order") << encodeBars(unordered) << QStringLiteral("bar 2 is out of time order");
}

void TestBarCodec::damagedBytesAreRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const Result<Bars> decoded = decodeBars(bytes);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().kind, QStringLiteral("cache_corrupt"));
    QVERIFY2(decoded.error().message.contains(reason), qPrintable(decoded.error().message));
}

QTEST_GUILESS_MAIN(TestBarCodec)
#include "tst_barcodec.moc"

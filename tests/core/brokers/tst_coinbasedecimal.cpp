// SPDX-License-Identifier: GPL-3.0-or-later
// Exact decimal strings (ADR 0113): what parseDecimal accepts, what it refuses, and why.
#include "brokers/coinbase/CoinbaseDecimal.h"
#include "brokers/coinbase/CoinbaseGranularity.h"

#include <QTest>

using namespace sentinel;
using namespace sentinel::coinbase;

class TestCoinbaseDecimal final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accepts_data();
    void accepts();
    void refuses_data();
    void refuses();
    void granularityNames();
};

void TestCoinbaseDecimal::accepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("significant");
    QTest::newRow("a price with cents") << QStringLiteral("66312.40") << 66312.4 << 6;
    QTest::newRow("a satoshi") << QStringLiteral("0.00000001") << 1e-8 << 1;
    QTest::newRow("trailing zeros of an integer are not significant") << QStringLiteral("1200") << 1200.0 << 2;
    QTest::newRow("a negative change") << QStringLiteral("-0.28560028286595") << -0.28560028286595 << 14;
    QTest::newRow("negative zero is zero") << QStringLiteral("-0.00") << 0.0 << 0;
    QTest::newRow("leading zeros are read") << QStringLiteral("007.5") << 7.5 << 2;
    QTest::newRow("fifteen digits fit a double") << QStringLiteral("123456789.012345") << 123456789.012345 << 15;
    QTest::newRow("the largest integer part") << QStringLiteral("999999999999999") << 999999999999999.0 << 15;
}

void TestCoinbaseDecimal::accepts()
{
    QFETCH(QString, text);
    QFETCH(double, value);
    QFETCH(int, significant);
    const Result<Decimal> parsed = parseDecimal(text, QStringLiteral("x"));
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->value, value);
    QVERIFY(!std::signbit(parsed->value) || value < 0);
    QCOMPARE(parsed->significantDigits, significant);
    QCOMPARE(parsed->text, text);
}

void TestCoinbaseDecimal::refuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("because");
    QTest::newRow("empty") << QString() << QStringLiteral("is empty");
    QTest::newRow("a word") << QStringLiteral("abc") << QStringLiteral("not a decimal");
    QTest::newRow("nan") << QStringLiteral("nan") << QStringLiteral("not a decimal");
    QTest::newRow("inf") << QStringLiteral("inf") << QStringLiteral("not a decimal");
    QTest::newRow("a plus sign") << QStringLiteral("+1") << QStringLiteral("not a decimal");
    QTest::newRow("two signs") << QStringLiteral("--1") << QStringLiteral("not a decimal");
    QTest::newRow("a dot alone") << QStringLiteral(".") << QStringLiteral("no digit after");
    QTest::newRow("no integer part") << QStringLiteral(".5") << QStringLiteral("not a decimal");
    QTest::newRow("no fraction after the dot") << QStringLiteral("5.") << QStringLiteral("no digit after");
    QTest::newRow("a trailing blank") << QStringLiteral("1.5 ") << QStringLiteral("after the number");
    QTest::newRow("a comma as decimal point") << QStringLiteral("1,5") << QStringLiteral("after the number");
    QTest::newRow("an exponent") << QStringLiteral("1e5") << QStringLiteral("after the number");
    QTest::newRow("arabic-indic digits") << QStringLiteral("\u0661") << QStringLiteral("not a decimal");
    QTest::newRow("sixteen integer digits") << QStringLiteral("1000000000000000") << QStringLiteral("10^15");
    QTest::newRow("over forty characters") << QStringLiteral("0.") + QString(40, u'1') << QStringLiteral("characters long");
}

void TestCoinbaseDecimal::refuses()
{
    QFETCH(QString, text);
    QFETCH(QString, because);
    const Result<Decimal> parsed = parseDecimal(text, QStringLiteral("candles[2].open"));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, QStringLiteral("invalid_number"));
    QVERIFY2(parsed.error().message.startsWith(u"candles[2].open"), qPrintable(parsed.error().message));
    QVERIFY2(parsed.error().message.contains(because), qPrintable(parsed.error().message));
    QVERIFY(!parsed.error().remedy.isEmpty());
}

void TestCoinbaseDecimal::granularityNames()
{
    QCOMPARE(parseGranularity(u"ONE_HOUR"), Granularity::OneHour);
    QCOMPARE(parseGranularity(u"five_minute"), Granularity::FiveMinute);
    QCOMPARE(parseGranularity(u"daily"), Granularity::OneDay);
    QCOMPARE(parseGranularity(u"60min"), Granularity::OneHour);
    QVERIFY(!parseGranularity(u"2h"));
    QCOMPARE(granularitySeconds(Granularity::SixHour), 21600);
    QVERIFY(!granularityInterval(Granularity::TwoHour));
    QCOMPARE(granularityOfSeconds(900), Granularity::FifteenMinute);
}

QTEST_GUILESS_MAIN(TestCoinbaseDecimal)
#include "tst_coinbasedecimal.moc"

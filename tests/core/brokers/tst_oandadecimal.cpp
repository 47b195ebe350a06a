// SPDX-License-Identifier: GPL-3.0-or-later
// OANDA's decimal strings and instants (ADR 0112): exact, strict, and every refusal typed.
#include "brokers/oanda/OandaDecimal.h"
#include "brokers/oanda/OandaFields.h"

#include <QTest>

using namespace sentinel::oanda;

Q_DECLARE_METATYPE(sentinel::oanda::DecimalProblem)

class TestOandaDecimal final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decimal_data();
    void decimal();
    void decimalIsTheNearestDouble();
    void instant_data();
    void instant();
};

void TestOandaDecimal::decimal_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<DecimalProblem>("problem");
    QTest::addColumn<double>("value");
    const auto ok = DecimalProblem::None;
    QTest::newRow("a five-digit fx price") << QStringLiteral("1.05563") << ok << 1.05563;
    QTest::newRow("negative units") << QStringLiteral("-100") << ok << -100.0;
    QTest::newRow("an account balance") << QStringLiteral("102107.4442") << ok << 102107.4442;
    QTest::newRow("zero") << QStringLiteral("0") << ok << 0.0;
    QTest::newRow("fifteen significant digits") << QStringLiteral("1.33687666666666") << ok << 1.33687666666666;
    QTest::newRow("empty") << QString() << DecimalProblem::Empty << 0.0;
    QTest::newRow("words") << QStringLiteral("abc") << DecimalProblem::NotANumber << 0.0;
    QTest::newRow("nan text") << QStringLiteral("NaN") << DecimalProblem::NotANumber << 0.0;
    QTest::newRow("infinity text") << QStringLiteral("inf") << DecimalProblem::NotANumber << 0.0;
    QTest::newRow("a leading plus") << QStringLiteral("+1.0") << DecimalProblem::NotANumber << 0.0;
    QTest::newRow("a leading point") << QStringLiteral(".5") << DecimalProblem::NotANumber << 0.0;
    QTest::newRow("a leading space") << QStringLiteral(" 1.0") << DecimalProblem::NotANumber << 0.0;
    QTest::newRow("a trailing space") << QStringLiteral("1.0 ") << DecimalProblem::TrailingJunk << 0.0;
    QTest::newRow("a trailing point") << QStringLiteral("1.") << DecimalProblem::TrailingJunk << 0.0;
    QTest::newRow("an exponent") << QStringLiteral("1e5") << DecimalProblem::TrailingJunk << 0.0;
    QTest::newRow("a decimal comma") << QStringLiteral("1,05") << DecimalProblem::TrailingJunk << 0.0;
    QTest::newRow("hex") << QStringLiteral("0x10") << DecimalProblem::TrailingJunk << 0.0;
    QTest::newRow("two points") << QStringLiteral("1.2.3") << DecimalProblem::TrailingJunk << 0.0;
    QTest::newRow("arabic-indic digits") << QStringLiteral("\u0661.\u0662") << DecimalProblem::NotANumber << 0.0;
    QTest::newRow("33 characters") << QStringLiteral("1.") + QString(31, u'0') << DecimalProblem::TooLong << 0.0;
    QTest::newRow("a thousand digits") << QString(1000, u'9') << DecimalProblem::TooLong << 0.0;
    QTest::newRow("1e15 is too large") << QStringLiteral("1000000000000000") << DecimalProblem::TooLarge << 0.0;
    QTest::newRow("just under 1e15") << QStringLiteral("999999999999999") << ok << 999999999999999.0;
}

void TestOandaDecimal::decimal()
{
    QFETCH(QString, text);
    QFETCH(DecimalProblem, problem);
    QFETCH(double, value);
    const Decimal parsed = parseDecimal(text);
    QCOMPARE(parsed.problem, problem);
    if (problem == DecimalProblem::None)
        QCOMPARE(parsed.value, value); // exact: the same double the compiler makes of the literal
}

void TestOandaDecimal::decimalIsTheNearestDouble()
{
    // 0.1 + 0.2 is not 0.3 in binary; the text "0.3" must still be the double nearest 0.3.
    QCOMPARE(parseDecimal(u"0.3").value, 0.3);
    QCOMPARE(parseDecimal(u"115.346").value, 115.346);
    QCOMPARE(parseDecimal(u"10509.8").value, 10509.8);
}

void TestOandaDecimal::instant_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("rfc 3339 with nanoseconds") << QStringLiteral("2016-10-17T19:35:00.000000000Z")
                                               << QDateTime(QDate(2016, 10, 17), QTime(19, 35), Qt::UTC);
    QTest::newRow("nanoseconds kept to the millisecond") << QStringLiteral("2016-10-27T08:38:44.327443673Z")
                                                         << QDateTime(QDate(2016, 10, 27), QTime(8, 38, 44, 327), Qt::UTC);
    QTest::newRow("no fraction") << QStringLiteral("2017-01-03T00:00:00Z") << QDateTime(QDate(2017, 1, 3), QTime(0, 0), Qt::UTC);
    QTest::newRow("unix seconds as text") << QStringLiteral("1478012400.000000000")
                                          << QDateTime::fromSecsSinceEpoch(1478012400, Qt::UTC);
    QTest::newRow("no zone is refused") << QStringLiteral("2017-01-03T00:00:00") << QDateTime();
    QTest::newRow("an offset is refused") << QStringLiteral("2017-01-03T00:00:00+01:00") << QDateTime();
    QTest::newRow("ten fractional digits are refused") << QStringLiteral("2017-01-03T00:00:00.0000000000Z") << QDateTime();
    QTest::newRow("february 30 is refused") << QStringLiteral("2017-02-30T00:00:00Z") << QDateTime();
    QTest::newRow("hour 24 is refused") << QStringLiteral("2017-01-03T24:00:00Z") << QDateTime();
    QTest::newRow("negative unix seconds are refused") << QStringLiteral("-5.0") << QDateTime();
}

void TestOandaDecimal::instant()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const auto parsed = parseOandaTime(text);
    QCOMPARE(parsed.has_value(), expected.isValid());
    if (parsed)
        QCOMPARE(*parsed, expected);
}

QTEST_GUILESS_MAIN(TestOandaDecimal)
#include "tst_oandadecimal.moc"

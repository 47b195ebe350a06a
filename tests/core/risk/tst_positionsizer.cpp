// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/PositionSizer.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace sentinel;

namespace {

SizingRequest request(std::optional<double> balance, double price, double stop)
{
    SizingRequest r;
    r.balance = balance;
    r.price = price;
    r.stopDistance = stop;
    r.riskBudget = 0.01;
    r.lotSize = 1.0;
    r.minOrder = 1.0;
    r.maxPositionFraction = 0.05;
    return r;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

} // namespace

class TestPositionSizer final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sizesFromRiskBudgetAndStop_data();
    void sizesFromRiskBudgetAndStop();
    void noMoneyMeansNoTrade_data();
    void noMoneyMeansNoTrade();
    void malformedInputIsRejected_data();
    void malformedInputIsRejected();
    void everyMalformedInputIsNamedAtOnce();
    void neverAPositiveSizeFromABadBalanceOrAnOverflow_data();
    void neverAPositiveSizeFromABadBalanceOrAnOverflow();
};

void TestPositionSizer::sizesFromRiskBudgetAndStop_data()
{
    QTest::addColumn<SizingRequest>("input");
    QTest::addColumn<double>("quantity");
    QTest::addColumn<bool>("capped");

    // 100,000 · 1 % = 1,000 at risk; a 2.00 stop allows 500 units = 5,000 at 10.00: exactly 5 %.
    QTest::newRow("the stop sets the size when the position limit allows it")
        << request(100000, 10.0, 2.0) << 500.0 << false;
    // A 0.50 stop would allow 2,000 units = 20,000, but 5 % of the balance is 5,000 = 500 units.
    QTest::newRow("a tight stop is capped by the position limit") << request(100000, 10.0, 0.5) << 500.0 << true;
    SizingRequest lots = request(100000, 1.1, 0.0130);
    lots.lotSize = 1000.0;
    lots.minOrder = 1000.0;
    lots.maxPositionFraction = 1.0;
    // 1,000 / 0.013 = 76,923 units, rounded down to whole lots of 1,000.
    QTest::newRow("fx size rounds down to whole lots") << lots << 76000.0 << false;
    SizingRequest fractional = request(10000, 50000.0, 1000.0);
    fractional.lotSize = 0.001;
    fractional.minOrder = 0.001;
    // 100 / 1,000 = 0.1 BTC, but 5 % of 10,000 is 500 = 0.01 BTC.
    QTest::newRow("crypto sizes in fractions of a coin") << fractional << 0.01 << true;
    SizingRequest exactLots = request(3000, 1.0, 1.0);
    exactLots.lotSize = 0.1;
    exactLots.minOrder = 0.0;
    exactLots.riskBudget = 0.0001;
    // 3000 · 0.0001 / 1 = 0.3 units: three lots of 0.1, not two for a rounding error.
    QTest::newRow("a size that is a whole number of lots keeps every lot") << exactLots << 0.3 << false;
}

void TestPositionSizer::sizesFromRiskBudgetAndStop()
{
    QFETCH(SizingRequest, input);
    QFETCH(double, quantity);
    QFETCH(bool, capped);
    const SizingResult result = PositionSizer::size(input);
    QCOMPARE(result.status, SizingResult::Status::Sized);
    QVERIFY(result.tradable());
    QVERIFY2(std::abs(result.quantity - quantity) < 1e-9 * quantity,
             qPrintable(QStringLiteral("sized %1, expected %2").arg(result.quantity, 0, 'g', 17).arg(quantity)));
    QCOMPARE(result.has(SizingReasonCode::CappedByMaxPosition), capped);
    // Never more at risk than the budget, never more than the position limit.
    QVERIFY(result.quantity * input.stopDistance <= *input.balance * input.riskBudget * (1 + 1e-9));
    QVERIFY(result.quantity * input.price <= *input.balance * input.maxPositionFraction * (1 + 1e-9));
}

void TestPositionSizer::noMoneyMeansNoTrade_data()
{
    QTest::addColumn<SizingRequest>("input");
    QTest::addColumn<SizingReasonCode>("reason");
    QTest::newRow("a zero balance sizes zero, not the exchange minimum")
        << request(0.0, 10.0, 1.0) << SizingReasonCode::BalanceNotPositive;
    QTest::newRow("a negative balance sizes zero") << request(-250.0, 10.0, 1.0) << SizingReasonCode::BalanceNotPositive;
    QTest::newRow("an unknown balance sizes zero") << request(std::nullopt, 10.0, 1.0) << SizingReasonCode::BalanceUnknown;
    // 50 · 1 % = 0.50 at risk on a 1.00 stop: half a unit, below the minimum of one.
    QTest::newRow("an affordable size below the minimum order is not rounded up")
        << request(50.0, 10.0, 1.0) << SizingReasonCode::BelowMinimumOrder;
    SizingRequest lots = request(1000, 1.1, 0.01);
    lots.lotSize = 1000.0;
    lots.minOrder = 0.0;
    // 10 / 0.01 = 1,000 units allowed by the stop, but 5 % of 1,000 buys 45 units: no whole lot.
    QTest::newRow("less than one lot is nothing") << lots << SizingReasonCode::BelowMinimumOrder;
}

void TestPositionSizer::noMoneyMeansNoTrade()
{
    QFETCH(SizingRequest, input);
    QFETCH(SizingReasonCode, reason);
    const SizingResult result = PositionSizer::size(input);
    QCOMPARE(result.status, SizingResult::Status::Zero);
    QCOMPARE(result.quantity, 0.0);
    QVERIFY(!result.tradable());
    QVERIFY(result.has(reason));
    for (const SizingReason& r : result.reasons)
        QVERIFY(!r.message.isEmpty());
}

void TestPositionSizer::malformedInputIsRejected_data()
{
    QTest::addColumn<SizingRequest>("input");
    QTest::addColumn<SizingReasonCode>("reason");
    QTest::newRow("a zero price") << request(1000, 0.0, 1.0) << SizingReasonCode::InvalidPrice;
    QTest::newRow("a negative price") << request(1000, -3.0, 1.0) << SizingReasonCode::InvalidPrice;
    QTest::newRow("a NaN price") << request(1000, kNaN, 1.0) << SizingReasonCode::InvalidPrice;
    QTest::newRow("an infinite price") << request(1000, kInf, 1.0) << SizingReasonCode::InvalidPrice;
    QTest::newRow("a zero stop distance") << request(1000, 10.0, 0.0) << SizingReasonCode::InvalidStopDistance;
    QTest::newRow("a NaN stop distance") << request(1000, 10.0, kNaN) << SizingReasonCode::InvalidStopDistance;
    QTest::newRow("a NaN balance") << request(kNaN, 10.0, 1.0) << SizingReasonCode::BalanceUnknown;
    SizingRequest budget = request(1000, 10.0, 1.0);
    budget.riskBudget = 1.5;
    QTest::newRow("a risk budget above everything") << budget << SizingReasonCode::InvalidRiskBudget;
    SizingRequest lot = request(1000, 10.0, 1.0);
    lot.lotSize = 0.0;
    QTest::newRow("a zero lot size") << lot << SizingReasonCode::InvalidLotSize;
    SizingRequest minimum = request(1000, 10.0, 1.0);
    minimum.minOrder = -1.0;
    QTest::newRow("a negative minimum order") << minimum << SizingReasonCode::InvalidMinOrder;
    SizingRequest cap = request(1000, 10.0, 1.0);
    cap.maxPositionFraction = kInf;
    QTest::newRow("an infinite position limit") << cap << SizingReasonCode::InvalidMaxPosition;
}

void TestPositionSizer::malformedInputIsRejected()
{
    QFETCH(SizingRequest, input);
    QFETCH(SizingReasonCode, reason);
    const SizingResult result = PositionSizer::size(input);
    QCOMPARE(result.status, SizingResult::Status::Rejected);
    QCOMPARE(result.quantity, 0.0);
    QVERIFY(result.has(reason));
    QCOMPARE(result.reasons.size(), 1);
}

void TestPositionSizer::everyMalformedInputIsNamedAtOnce()
{
    SizingRequest bad = request(0.0, kNaN, -1.0);
    bad.lotSize = kNaN;
    const SizingResult result = PositionSizer::size(bad);
    QCOMPARE(result.status, SizingResult::Status::Rejected);
    QVERIFY(result.has(SizingReasonCode::InvalidPrice));
    QVERIFY(result.has(SizingReasonCode::InvalidStopDistance));
    QVERIFY(result.has(SizingReasonCode::InvalidLotSize));
}

void TestPositionSizer::neverAPositiveSizeFromABadBalanceOrAnOverflow_data()
{
    QTest::addColumn<SizingRequest>("input");
    QTest::newRow("a zero balance") << request(0.0, 10.0, 1.0);
    QTest::newRow("a negative zero balance") << request(-0.0, 10.0, 1.0);
    QTest::newRow("a negative balance") << request(-1e308, 10.0, 1.0);
    QTest::newRow("a NaN balance") << request(kNaN, 10.0, 1.0);
    QTest::newRow("an infinite balance") << request(kInf, 10.0, 1.0);
    QTest::newRow("a negative infinite balance") << request(-kInf, 10.0, 1.0);
    SizingRequest overflow = request(1e308, 1e-300, 1e-300);
    overflow.maxPositionFraction = 1e300;
    overflow.minOrder = 0.0;
    QTest::newRow("a huge balance over a tiny stop overflows to infinity") << overflow;
    SizingRequest tinyLots = request(1e300, 1.0, 1.0);
    tinyLots.lotSize = std::numeric_limits<double>::denorm_min();
    tinyLots.minOrder = 0.0;
    QTest::newRow("lots so small the lot count overflows") << tinyLots;
}

// Issue 18: a size is positive only when it is finite and computed from a positive, finite balance.
void TestPositionSizer::neverAPositiveSizeFromABadBalanceOrAnOverflow()
{
    QFETCH(SizingRequest, input);
    const SizingResult result = PositionSizer::size(input);
    QVERIFY2(!result.tradable(), qPrintable(QString::number(result.quantity)));
    QCOMPARE(result.quantity, 0.0);
    QVERIFY(!result.reasons.isEmpty());
}

QTEST_GUILESS_MAIN(TestPositionSizer)
#include "tst_positionsizer.moc"

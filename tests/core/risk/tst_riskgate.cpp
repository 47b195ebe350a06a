// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/PositionSizer.h"
#include "risk/RiskGate.h"

#include "GeneratedReturns.h"

#include <QTest>

#include <functional>
#include <limits>
#include <random>

using namespace sentinel;
using sentinel::test::generatedReturns;

namespace {

using Codes = QList<RiskReasonCode>;
using Tweak = std::function<void(TradeContext&)>;

Instrument instrument(const QString& symbol, const QString& market)
{
    return Instrument{symbol, market, Interval::Daily};
}

const Instrument kApple = instrument(QStringLiteral("AAPL"), QStringLiteral("XNYS"));
const Instrument kMicrosoft = instrument(QStringLiteral("MSFT"), QStringLiteral("XNAS"));
const Instrument kEuro = instrument(QStringLiteral("EUR/USD"), QStringLiteral("FX"));
const Instrument kBitcoin = instrument(QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"));

ReturnSeries series(std::size_t count, quint64 seed, double volatility)
{
    const std::vector<double> values = generatedReturns(count, seed, volatility, 0.0, 0);
    return ReturnSeries{{}, QList<double>(values.begin(), values.end())};
}

// A calm, well-funded account buying 4 % of equity in Apple on fresh data: every check passes.
TradeContext approvableEntry()
{
    TradeContext trade;
    trade.instrument = kApple;
    trade.side = Side::Buy;
    trade.quantity = 20;
    trade.price = 200;
    trade.signalConfidence = 0.8;
    trade.freshness = Freshness::Fresh;
    trade.marketOpen = true;
    trade.portfolio.balance = 100000;
    trade.portfolio.equityPeak = 100000;
    trade.portfolio.returns.insert(kApple.key(), series(250, 1, 0.01));
    trade.portfolio.returns.insert(kMicrosoft.key(), series(250, 2, 0.01));
    trade.portfolio.returns.insert(kEuro.key(), series(250, 3, 0.005));
    trade.portfolio.returns.insert(kBitcoin.key(), series(250, 4, 0.03));
    return trade;
}

Codes codesOf(const RiskVerdict& verdict)
{
    Codes codes;
    for (const RiskReason& reason : verdict.reasons)
        codes.append(reason.code);
    return codes;
}

QString describe(const RiskVerdict& verdict)
{
    QStringList lines;
    for (const RiskReason& reason : verdict.reasons)
        lines.append(riskReasonName(reason.code) + QStringLiteral(": ") + reason.message);
    return lines.join(u"; ");
}

} // namespace

Q_DECLARE_METATYPE(Tweak)

class TestRiskGate final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void approvesACalmFreshEntryWithinLimits();
    void entryFailsEachCheckOnItsOwn_data();
    void entryFailsEachCheckOnItsOwn();
    void returnsEveryFailedReasonInCheckOrder();
    void exitsAndReductionsPassTheEntryLimits_data();
    void exitsAndReductionsPassTheEntryLimits();
    void anExitThatWouldFlipThePositionIsNotAnExit_data();
    void anExitThatWouldFlipThePositionIsNotAnExit();
    void approvedButUnexecutedExposureCounts();
    void shortHistoryIsJudgedByTheBootstrapAndSaysSo();
    void volatilityAllowanceGrowsWithConfidence();
    void zeroBalanceSizesNothingAndNoProposalReachesTheOperator();
    void neverApprovesWithANonFiniteInput();
    void overflowingFiguresFailClosed_data();
    void overflowingFiguresFailClosed();
};

void TestRiskGate::approvesACalmFreshEntryWithinLimits()
{
    const RiskVerdict verdict = RiskGate(RiskSettings{}).evaluate(approvableEntry());
    QVERIFY2(verdict.approved, qPrintable(describe(verdict)));
    QVERIFY(verdict.reasons.isEmpty());
    QVERIFY(!verdict.isReduction);
    QVERIFY(verdict.varAfterTrade.has_value());
    QCOMPARE(verdict.varAfterTrade->method, VarMethod::Historical);
    QCOMPARE(verdict.varAfterTrade->samples, 250);
    QVERIFY(verdict.varAfterTrade->var > 0.0);
}

void TestRiskGate::entryFailsEachCheckOnItsOwn_data()
{
    QTest::addColumn<Tweak>("tweak");
    QTest::addColumn<RiskReasonCode>("code");
    const double nan = std::numeric_limits<double>::quiet_NaN();

    QTest::newRow("a NaN price is not a finite number") << Tweak([nan](TradeContext& t) { t.price = nan; })
                                                        << RiskReasonCode::NotFinite;
    QTest::newRow("a zero quantity is not a trade") << Tweak([](TradeContext& t) { t.quantity = 0; })
                                                    << RiskReasonCode::InvalidTrade;
    QTest::newRow("a confidence above one is not a trade") << Tweak([](TradeContext& t) { t.signalConfidence = 1.2; })
                                                           << RiskReasonCode::InvalidTrade;
    QTest::newRow("stale data blocks an entry")
        << Tweak([](TradeContext& t) {
               t.freshness = Freshness::Stale;
               t.freshnessReason = QStringLiteral("last bar 3 h behind the market");
           })
        << RiskReasonCode::DataNotFresh;
    QTest::newRow("unknown freshness blocks an entry") << Tweak([](TradeContext& t) { t.freshness = Freshness::Unknown; })
                                                       << RiskReasonCode::DataNotFresh;
    QTest::newRow("a closed exchange blocks an equity order") << Tweak([](TradeContext& t) { t.marketOpen = false; })
                                                              << RiskReasonCode::MarketClosed;
    QTest::newRow("an unknown balance blocks an entry") << Tweak([](TradeContext& t) { t.portfolio.balance.reset(); })
                                                        << RiskReasonCode::BalanceUnavailable;
    QTest::newRow("a negative balance blocks an entry") << Tweak([](TradeContext& t) { t.portfolio.balance = -5.0; })
                                                        << RiskReasonCode::BalanceUnavailable;
    QTest::newRow("a drawdown at the limit blocks an entry")
        << Tweak([](TradeContext& t) { t.portfolio.equityPeak = 106000; }) << RiskReasonCode::DrawdownLimit;
    QTest::newRow("a position above 5 % of equity is refused") << Tweak([](TradeContext& t) { t.quantity = 30; })
                                                               << RiskReasonCode::PositionLimit;
    QTest::newRow("a sixth 4.5 % stock position breaks the 25 % asset-class limit")
        << Tweak([](TradeContext& t) {
               for (int i = 0; i < 5; ++i)
                   t.portfolio.positions.append(
                       Holding{instrument(QStringLiteral("S%1").arg(i), QStringLiteral("XNYS")), 45, 100});
           })
        << RiskReasonCode::ConcentrationLimit;
    QTest::newRow("a trade after twenty today is refused")
        << Tweak([](TradeContext& t) { t.portfolio.tradesToday = 20; }) << RiskReasonCode::DailyTradeLimit;
    QTest::newRow("a turbulent market needs a stronger signal")
        << Tweak([](TradeContext& t) {
               t.portfolio.returns.insert(kApple.key(), series(250, 1, 0.04));
               t.quantity = 5; // keep the VaR of a 1 % position small
           })
        << RiskReasonCode::VolatilityTooHigh;
}

void TestRiskGate::entryFailsEachCheckOnItsOwn()
{
    QFETCH(Tweak, tweak);
    QFETCH(RiskReasonCode, code);
    TradeContext trade = approvableEntry();
    tweak(trade);
    const RiskVerdict verdict = RiskGate(RiskSettings{}).evaluate(trade);
    QVERIFY(!verdict.approved);
    QVERIFY2(codesOf(verdict) == Codes{code}, qPrintable(describe(verdict)));
    QVERIFY(!verdict.reasons.first().message.isEmpty());
}

void TestRiskGate::returnsEveryFailedReasonInCheckOrder()
{
    // Bitcoin at 150 % of equity on stale data, in a drawdown, on the 25th trade of the day,
    // with a weak signal: every limit fails, and each is reported, in the order checked.
    RiskSettings settings;
    TradeContext trade = approvableEntry();
    trade.instrument = kBitcoin;
    trade.quantity = 3;
    trade.price = 50000;
    trade.signalConfidence = 0.1;
    trade.freshness = Freshness::Stale;
    trade.portfolio.equityPeak = 120000;
    trade.portfolio.tradesToday = 25;
    const RiskVerdict verdict = RiskGate(settings).evaluate(trade);
    QVERIFY(!verdict.approved);
    QCOMPARE(codesOf(verdict), (Codes{RiskReasonCode::DataNotFresh, RiskReasonCode::DrawdownLimit, RiskReasonCode::VarLimit,
                                      RiskReasonCode::PositionLimit, RiskReasonCode::ConcentrationLimit,
                                      RiskReasonCode::DailyTradeLimit, RiskReasonCode::VolatilityTooHigh}));
    for (const RiskReason& reason : verdict.reasons) {
        if (reason.code != RiskReasonCode::DataNotFresh)
            QVERIFY2(reason.value >= reason.limit, qPrintable(reason.message));
    }
    const RiskReason var = verdict.reasons[2];
    QCOMPARE(var.limit, settings.maxVarPct);
    QCOMPARE(var.value, verdict.varAfterTrade->var);
    QVERIFY(var.message.contains(u"historical"));
}

void TestRiskGate::exitsAndReductionsPassTheEntryLimits_data()
{
    QTest::addColumn<Tweak>("tweak");
    QTest::newRow("closing a long on stale data in a drawdown on the 30th trade")
        << Tweak([](TradeContext& t) {
               t.portfolio.positions.append(Holding{kApple, 80, 200});
               t.side = Side::Sell;
               t.isExit = true;
               t.quantity = 80;
               t.freshness = Freshness::Stale;
               t.portfolio.equityPeak = 150000;
               t.portfolio.tradesToday = 30;
               t.signalConfidence = 0.0;
           });
    QTest::newRow("halving an oversized long without an exit flag is a reduction")
        << Tweak([](TradeContext& t) {
               t.portfolio.positions.append(Holding{kApple, 80, 200});
               t.side = Side::Sell;
               t.quantity = 40;
           });
    QTest::newRow("covering a bitcoin short with an unknown balance")
        << Tweak([](TradeContext& t) {
               t.instrument = kBitcoin;
               t.portfolio.positions.append(Holding{kBitcoin, -2, 50000});
               t.side = Side::Buy;
               t.isExit = true;
               t.quantity = 2;
               t.price = 52000;
               t.portfolio.balance.reset();
               t.freshness = Freshness::Unknown;
               t.marketOpen = false; // crypto never closes: the flag does not matter
           });
}

void TestRiskGate::exitsAndReductionsPassTheEntryLimits()
{
    QFETCH(Tweak, tweak);
    TradeContext trade = approvableEntry();
    tweak(trade);
    const RiskVerdict verdict = RiskGate(RiskSettings{}).evaluate(trade);
    QVERIFY2(verdict.approved, qPrintable(describe(verdict)));
    QVERIFY(verdict.isReduction);
}

void TestRiskGate::anExitThatWouldFlipThePositionIsNotAnExit_data()
{
    QTest::addColumn<Tweak>("tweak");
    QTest::addColumn<Codes>("codes");
    QTest::newRow("an exit with nothing held")
        << Tweak([](TradeContext& t) {
               t.side = Side::Sell;
               t.isExit = true;
           })
        << Codes{RiskReasonCode::NotAReduction};
    QTest::newRow("a second exit while the first is still pending")
        << Tweak([](TradeContext& t) {
               t.portfolio.positions.append(Holding{kApple, 20, 200});
               t.portfolio.pending.append(Holding{kApple, -20, 200});
               t.side = Side::Sell;
               t.isExit = true;
           })
        << Codes{RiskReasonCode::NotAReduction};
    QTest::newRow("an exit while the exchange is closed cannot fill")
        << Tweak([](TradeContext& t) {
               t.portfolio.positions.append(Holding{kApple, 20, 200});
               t.side = Side::Sell;
               t.isExit = true;
               t.marketOpen = false;
           })
        << Codes{RiskReasonCode::MarketClosed};
}

void TestRiskGate::anExitThatWouldFlipThePositionIsNotAnExit()
{
    QFETCH(Tweak, tweak);
    QFETCH(Codes, codes);
    TradeContext trade = approvableEntry();
    tweak(trade);
    const RiskVerdict verdict = RiskGate(RiskSettings{}).evaluate(trade);
    QVERIFY(!verdict.approved);
    // What is not a reduction is judged as an entry: its own limits may fail as well.
    for (const RiskReasonCode code : codes)
        QVERIFY2(verdict.has(code), qPrintable(describe(verdict)));
}

void TestRiskGate::approvedButUnexecutedExposureCounts()
{
    TradeContext trade = approvableEntry();
    trade.quantity = 5; // 1,000 = 1 % of equity
    trade.portfolio.positions.append(Holding{kApple, 15, 200}); // 3 %
    QVERIFY(RiskGate(RiskSettings{}).evaluate(trade).approved);

    trade.portfolio.pending.append(Holding{kApple, 6, 200}); // approved, not yet filled: 1.2 %
    const RiskVerdict verdict = RiskGate(RiskSettings{}).evaluate(trade);
    QCOMPARE(codesOf(verdict), Codes{RiskReasonCode::PositionLimit});
    QVERIFY(std::abs(verdict.reasons.first().value - 0.052) < 1e-12);

    // A pending order is also one of today's trades.
    TradeContext busy = approvableEntry();
    busy.portfolio.tradesToday = 19;
    QVERIFY(RiskGate(RiskSettings{}).evaluate(busy).approved);
    busy.portfolio.pending.append(Holding{kEuro, 1000, 1.1});
    QCOMPARE(codesOf(RiskGate(RiskSettings{}).evaluate(busy)), Codes{RiskReasonCode::DailyTradeLimit});
}

void TestRiskGate::shortHistoryIsJudgedByTheBootstrapAndSaysSo()
{
    TradeContext trade = approvableEntry();
    trade.portfolio.returns.insert(kApple.key(), series(12, 1, 0.01));
    const RiskVerdict verdict = RiskGate(RiskSettings{}).evaluate(trade);
    QVERIFY2(verdict.approved, qPrintable(describe(verdict)));
    QCOMPARE(verdict.varAfterTrade->methodLabel(), QStringLiteral("bootstrap (12 returns)"));
    QVERIFY(verdict.varAfterTrade->var > 0.0);

    // With no history at all the prior still speaks: a big crypto position is not waved through.
    RiskSettings generous;
    generous.maxPositionPct = 10.0;
    generous.maxAssetClassPct = 10.0;
    TradeContext blind = approvableEntry();
    blind.instrument = kBitcoin;
    blind.portfolio.returns.clear();
    blind.quantity = 2;
    blind.price = 50000;
    blind.signalConfidence = 1.0;
    const RiskVerdict refused = RiskGate(generous).evaluate(blind);
    QCOMPARE(codesOf(refused), Codes{RiskReasonCode::VarLimit});
    QCOMPARE(refused.varAfterTrade->methodLabel(), QStringLiteral("bootstrap (0 returns)"));
    QVERIFY(refused.reasons.first().message.contains(u"bootstrap (0 returns)"));
}

void TestRiskGate::volatilityAllowanceGrowsWithConfidence()
{
    // Daily volatility near 2.5 % against equity's typical 1.3 %: the allowance is
    // 3 × 1.3 % × confidence, so weak signals are refused and strong ones pass.
    TradeContext trade = approvableEntry();
    trade.quantity = 5;
    const ReturnSeries turbulent = series(20, 6, 0.025);
    trade.portfolio.returns.insert(kApple.key(), turbulent);
    double mean = 0.0;
    for (const double r : turbulent.returns)
        mean += r / 20.0;
    double squares = 0.0;
    for (const double r : turbulent.returns)
        squares += (r - mean) * (r - mean);
    const double recent = std::sqrt(squares / 19.0);

    int refused = 0;
    int passed = 0;
    for (const double confidence : {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}) {
        trade.signalConfidence = confidence;
        const RiskVerdict verdict = RiskGate(RiskSettings{}).evaluate(trade);
        const double allowance = 3 * 0.013 * confidence;
        QCOMPARE(verdict.has(RiskReasonCode::VolatilityTooHigh), recent > allowance);
        if (recent > allowance) {
            ++refused;
            QVERIFY(std::abs(verdict.reasons.last().value - recent) < 1e-15);
            QVERIFY(std::abs(verdict.reasons.last().limit - allowance) < 1e-15);
        } else {
            ++passed;
            QVERIFY2(verdict.approved, qPrintable(describe(verdict)));
        }
    }
    QVERIFY(refused > 0 && passed > 0);
}

void TestRiskGate::zeroBalanceSizesNothingAndNoProposalReachesTheOperator()
{
    // What the engine does between a signal and a proposal: size, then gate. The operator is
    // asked only about an approved verdict on a tradable size.
    QList<TradeContext> proposals;
    const RiskGate gate{RiskSettings{}};
    for (const std::optional<double> balance : {std::optional<double>(0.0), std::optional<double>(-10.0), std::optional<double>()}) {
        SizingRequest request;
        request.balance = balance;
        request.price = 200;
        request.stopDistance = 4;
        request.minOrder = 1;
        const SizingResult size = PositionSizer::size(request);
        QCOMPARE(size.quantity, 0.0);
        QCOMPARE(size.status, SizingResult::Status::Zero);
        QVERIFY(size.has(balance ? SizingReasonCode::BalanceNotPositive : SizingReasonCode::BalanceUnknown));

        TradeContext trade = approvableEntry();
        trade.portfolio.balance = balance;
        trade.quantity = size.quantity;
        const RiskVerdict verdict = gate.evaluate(trade);
        QVERIFY(!verdict.approved);
        QVERIFY(verdict.has(RiskReasonCode::BalanceUnavailable));
        QVERIFY(verdict.has(RiskReasonCode::InvalidTrade));
        if (size.tradable() && verdict.approved)
            proposals.append(trade);
    }
    QVERIFY(proposals.isEmpty());
}

namespace {

/// One number of the gate's input, by name, for the property test.
struct Field {
    const char* name;
    std::function<void(TradeContext&, RiskSettings&, double)> set;
};

const QList<Field>& gateFields()
{
    static const QList<Field> fields{
        {"quantity", [](TradeContext& t, RiskSettings&, double v) { t.quantity = v; }},
        {"price", [](TradeContext& t, RiskSettings&, double v) { t.price = v; }},
        {"signal confidence", [](TradeContext& t, RiskSettings&, double v) { t.signalConfidence = v; }},
        {"balance", [](TradeContext& t, RiskSettings&, double v) { t.portfolio.balance = v; }},
        {"equity peak", [](TradeContext& t, RiskSettings&, double v) { t.portfolio.equityPeak = v; }},
        {"held quantity", [](TradeContext& t, RiskSettings&, double v) { t.portfolio.positions[0].quantity = v; }},
        {"held mark price", [](TradeContext& t, RiskSettings&, double v) { t.portfolio.positions[0].markPrice = v; }},
        {"pending quantity", [](TradeContext& t, RiskSettings&, double v) { t.portfolio.pending[0].quantity = v; }},
        {"pending mark price", [](TradeContext& t, RiskSettings&, double v) { t.portfolio.pending[0].markPrice = v; }},
        {"a return of the traded instrument",
         [](TradeContext& t, RiskSettings&, double v) { t.portfolio.returns[kApple.key()].returns[100] = v; }},
        {"a return of another instrument",
         [](TradeContext& t, RiskSettings&, double v) { t.portfolio.returns[kMicrosoft.key()].returns[7] = v; }},
        {"var confidence", [](TradeContext&, RiskSettings& s, double v) { s.varConfidence = v; }},
        {"max var", [](TradeContext&, RiskSettings& s, double v) { s.maxVarPct = v; }},
        {"max position", [](TradeContext&, RiskSettings& s, double v) { s.maxPositionPct = v; }},
        {"max drawdown", [](TradeContext&, RiskSettings& s, double v) { s.maxDrawdownPct = v; }},
        {"max asset class", [](TradeContext&, RiskSettings& s, double v) { s.maxAssetClassPct = v; }},
        {"volatility multiple", [](TradeContext&, RiskSettings& s, double v) { s.volatilityConfidenceMultiple = v; }},
    };
    return fields;
}

/// An entry or an exit the gate approves as it stands, with a holding and a pending order the
/// fields above can spoil.
TradeContext approvableWithHoldings(bool exit)
{
    TradeContext trade = approvableEntry();
    trade.quantity = 5;
    trade.portfolio.positions.append({kMicrosoft, 10, 400});
    trade.portfolio.pending.append({kEuro, 100, 1.1});
    if (exit) {
        trade.portfolio.positions[0] = {kApple, 10, 200};
        trade.side = Side::Sell;
        trade.isExit = true;
    }
    return trade;
}

} // namespace

// Issue 18: `value > limit` let NaN through. Random combinations of NaN, infinities and huge
// values in every field of the gate's input: a non-finite input is never approved, and the
// verdict says a number was not finite. Seeded, so a failure repeats.
void TestRiskGate::neverApprovesWithANonFiniteInput()
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    const QList<double> poison{nan, -nan, inf, -inf, 1e308, -1e308, std::numeric_limits<double>::max(),
                               std::numeric_limits<double>::denorm_min(), 1e-308};
    std::mt19937 random(20261201);
    const QList<Field>& fields = gateFields();
    for (const bool exit : {false, true}) {
        const RiskVerdict baseline = RiskGate(RiskSettings{}).evaluate(approvableWithHoldings(exit));
        QVERIFY2(baseline.approved, qPrintable(describe(baseline)));
    }
    for (int round = 0; round < 600; ++round) {
        TradeContext trade = approvableWithHoldings(round % 2 == 1);
        RiskSettings settings;
        QMap<QString, double> spoiledFields; // the last value set wins, as in the context
        const int count = 1 + int(random() % 3);
        for (int i = 0; i < count; ++i) {
            const Field& field = fields.at(qsizetype(random() % std::uint32_t(fields.size())));
            const double value = poison.at(qsizetype(random() % std::uint32_t(poison.size())));
            field.set(trade, settings, value);
            spoiledFields.insert(QLatin1String(field.name), value);
        }
        bool nonFinite = false;
        QStringList spoiled;
        for (auto it = spoiledFields.cbegin(); it != spoiledFields.cend(); ++it) {
            nonFinite = nonFinite || !std::isfinite(it.value());
            spoiled << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        }
        const RiskVerdict verdict = RiskGate(settings).evaluate(trade);
        const QString context = spoiled.join(u", ") + QStringLiteral(" -> ") + describe(verdict);
        if (verdict.approved) {
            QVERIFY2(!nonFinite, qPrintable(QStringLiteral("approved with a non-finite input: ") + context));
            if (verdict.varAfterTrade)
                QVERIFY2(std::isfinite(verdict.varAfterTrade->var), qPrintable(context));
        }
        if (nonFinite) {
            QVERIFY2(verdict.has(RiskReasonCode::NotFinite), qPrintable(context));
            QVERIFY2(describe(verdict).contains(u"not a finite"), qPrintable(context));
        }
    }
}

void TestRiskGate::overflowingFiguresFailClosed_data()
{
    QTest::addColumn<Tweak>("tweak");
    QTest::newRow("a position so large its value overflows is refused as not finite")
        << Tweak([](TradeContext& t) { t.portfolio.positions.append({kMicrosoft, 1e200, 1e200}); });
    QTest::newRow("two holdings whose units overflow when added are refused as not finite")
        << Tweak([](TradeContext& t) {
               t.portfolio.positions.append({kApple, 1.7e308, 1});
               t.portfolio.pending.append({kApple, 1.7e308, 1});
               t.side = Side::Sell;
               t.isExit = true;
           });
    QTest::newRow("a trade whose value overflows the balance fraction is refused as not finite")
        << Tweak([](TradeContext& t) {
               t.quantity = 1e300;
               t.price = 1e300;
           });
}

void TestRiskGate::overflowingFiguresFailClosed()
{
    QFETCH(Tweak, tweak);
    TradeContext trade = approvableEntry();
    tweak(trade);
    const RiskVerdict verdict = RiskGate(RiskSettings{}).evaluate(trade);
    QVERIFY2(!verdict.approved, qPrintable(describe(verdict)));
    QVERIFY2(verdict.has(RiskReasonCode::NotFinite), qPrintable(describe(verdict)));
}

QTEST_GUILESS_MAIN(TestRiskGate)
#include "tst_riskgate.moc"

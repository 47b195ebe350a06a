// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ManualClock.h"
#include "trading/PaperPlatform.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace sentinel;

namespace {
const QString aapl = QStringLiteral("XNYS:AAPL:5min");

PaperSettings settings()
{
    PaperSettings paper;
    paper.startingBalance = 10'000;
    paper.currency = QStringLiteral("USD");
    paper.feeBps = 10;      // 0.1 %
    paper.slippageBps = 20; // 0.2 %
    return paper;
}

OrderRequest order(const QString& id, Side side, double quantity, double price = 100)
{
    return OrderRequest{id, aapl, side, quantity, price};
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9 * std::max(1.0, std::abs(b));
}
} // namespace

class TestPaperPlatform final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void buyFillsAboveTheReferenceAndPaysTheFee();
    void sellFillsBelowTheLatestMarkAndCreditsCash();
    void sellingTheWholePositionClosesIt();
    void sameClientOrderIdTwiceTradesOnce();
    void reusedClientOrderIdForAnotherOrderIsRefused();
    void unaffordableBuyIsRefusedAndChangesNothing();
    void sellingMoreThanHeldIsRefused_data();
    void sellingMoreThanHeldIsRefused();
    void malformedOrdersAreRefused_data();
    void malformedOrdersAreRefused();
    void equityFollowsMarksAndPeakOnlyRises();
    void restartRestoresTheAccountAndRemembersOrders();
    void anAccountInAnotherCurrencyIsNotReopened();
    void callbacksRunLaterNotInsideTheCall();
    void settingsOutOfRangeAreRefused();

private:
    std::unique_ptr<PaperPlatform> openPlatform(const PaperSettings& paper = settings());

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
};

void TestPaperPlatform::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2024, 3, 4), QTime(15, 0), Qt::UTC));
}

void TestPaperPlatform::cleanup()
{
    m_clock.reset();
    m_dir.reset();
}

std::unique_ptr<PaperPlatform> TestPaperPlatform::openPlatform(const PaperSettings& paper)
{
    auto platform = PaperPlatform::open(m_dir->filePath(QStringLiteral("journal.sqlite")), paper, *m_clock);
    if (!platform)
        qWarning("%s", qPrintable(platform.error().toString()));
    return platform ? std::move(platform).value() : nullptr;
}

void TestPaperPlatform::buyFillsAboveTheReferenceAndPaysTheFee()
{
    auto platform = openPlatform();
    QVERIFY(platform);
    QSignalSpy filled(platform.get(), &TradingPlatform::filled);
    const auto fill = platform->execute(order(QStringLiteral("c1"), Side::Buy, 10));
    QVERIFY2(fill.ok(), qPrintable(fill.ok() ? QString() : fill.error().toString()));
    // 100 + 0.2 % slippage against the buyer = 100.2; notional 1002; fee 0.1 % = 1.002.
    QVERIFY(near(fill->price, 100.2));
    QVERIFY(near(fill->fee, 1.002));
    QCOMPARE(fill->orderId, QStringLiteral("PAPER-00000001"));
    QCOMPARE(fill->at, m_clock->now());
    QVERIFY(!fill->replayed);
    QCOMPARE(filled.size(), 1);
    QCOMPARE(filled.first().first().value<Fill>(), fill.value());

    const PortfolioSnapshot snapshot = platform->snapshot();
    QVERIFY(near(snapshot.balance, 10'000 - 1002 - 1.002));
    QCOMPARE(snapshot.positions.size(), 1);
    QVERIFY(near(snapshot.positions.value(aapl).quantity, 10));
    QVERIFY(near(snapshot.positions.value(aapl).averagePrice, 100.2));
    // Marked at the fill price, equity is cash + 10 x 100.2: only the fee is lost.
    QVERIFY(near(snapshot.equity, 10'000 - 1.002));
    QCOMPARE(snapshot.positionState(aapl).quantity, 10.0);
}

void TestPaperPlatform::sellFillsBelowTheLatestMarkAndCreditsCash()
{
    auto platform = openPlatform();
    QVERIFY(platform);
    QVERIFY(platform->execute(order(QStringLiteral("c1"), Side::Buy, 10)).ok());
    const double cashBefore = platform->snapshot().balance;
    QVERIFY(platform->markPrice(aapl, 110).ok());
    // The mark (110), not the stale reference price (100), is the next price: 110 x 0.998 = 109.78.
    const auto fill = platform->execute(order(QStringLiteral("c2"), Side::Sell, 4, 100));
    QVERIFY(fill.ok());
    QVERIFY(near(fill->price, 109.78));
    QVERIFY(near(fill->fee, 4 * 109.78 * 0.001));
    const PortfolioSnapshot snapshot = platform->snapshot();
    QVERIFY(near(snapshot.balance, cashBefore + 4 * 109.78 - 4 * 109.78 * 0.001));
    QVERIFY(near(snapshot.positions.value(aapl).quantity, 6));
    QVERIFY(near(snapshot.positions.value(aapl).averagePrice, 100.2)); // selling does not move the entry price
    QVERIFY(near(snapshot.positions.value(aapl).marketPrice, 110));
}

void TestPaperPlatform::sellingTheWholePositionClosesIt()
{
    auto platform = openPlatform();
    QVERIFY(platform);
    QVERIFY(platform->execute(order(QStringLiteral("c1"), Side::Buy, 0.3)).ok());
    QVERIFY(platform->execute(order(QStringLiteral("c2"), Side::Buy, 0.6)).ok());
    // 0.3 + 0.6 is not exactly 0.9 in binary; selling 0.9 must still close the position.
    QVERIFY(platform->execute(order(QStringLiteral("c3"), Side::Sell, 0.9)).ok());
    QVERIFY(platform->snapshot().positions.isEmpty());
    QVERIFY(platform->snapshot().positionState(aapl).isFlat());
}

void TestPaperPlatform::sameClientOrderIdTwiceTradesOnce()
{
    auto platform = openPlatform();
    QVERIFY(platform);
    QSignalSpy filled(platform.get(), &TradingPlatform::filled);
    const auto first = platform->execute(order(QStringLiteral("c1"), Side::Buy, 10));
    QVERIFY(first.ok());
    const PortfolioSnapshot afterFirst = platform->snapshot();
    m_clock->advanceBy(std::chrono::minutes(5));
    QVERIFY(platform->markPrice(aapl, 120).ok());
    const auto second = platform->execute(order(QStringLiteral("c1"), Side::Buy, 10, 120));
    QVERIFY(second.ok());
    QVERIFY(second->replayed);
    QCOMPARE(second->orderId, first->orderId);
    QCOMPARE(second->price, first->price);
    QCOMPARE(second->at, first->at);
    QCOMPARE(platform->snapshot().balance, afterFirst.balance);
    QCOMPARE(platform->snapshot().positions.value(aapl).quantity, 10.0);
    QCOMPARE(filled.size(), 1); // nothing changed, so no cache needs invalidating
}

void TestPaperPlatform::reusedClientOrderIdForAnotherOrderIsRefused()
{
    auto platform = openPlatform();
    QVERIFY(platform);
    QVERIFY(platform->execute(order(QStringLiteral("c1"), Side::Buy, 10)).ok());
    const auto other = platform->execute(order(QStringLiteral("c1"), Side::Buy, 11));
    QVERIFY(!other.ok());
    QCOMPARE(other.error().kind, QStringLiteral("client_order_id_reused"));
    QCOMPARE(platform->snapshot().positions.value(aapl).quantity, 10.0);
}

void TestPaperPlatform::unaffordableBuyIsRefusedAndChangesNothing()
{
    auto platform = openPlatform();
    QVERIFY(platform);
    QSignalSpy filled(platform.get(), &TradingPlatform::filled);
    // 100 x 100.2 = 10020 > 10000 cash.
    const auto fill = platform->execute(order(QStringLiteral("c1"), Side::Buy, 100));
    QVERIFY(!fill.ok());
    QCOMPARE(fill.error().kind, QStringLiteral("insufficient_funds"));
    QVERIFY(fill.error().message.contains(QStringLiteral("10000.00 USD")));
    QCOMPARE(platform->snapshot().balance, 10'000.0);
    QVERIFY(platform->snapshot().positions.isEmpty());
    QCOMPARE(filled.size(), 0);
    // The refused id was not used up: a smaller order under it goes through.
    QVERIFY(platform->execute(order(QStringLiteral("c1"), Side::Buy, 10)).ok());
}

void TestPaperPlatform::sellingMoreThanHeldIsRefused_data()
{
    QTest::addColumn<double>("held");
    QTest::addColumn<double>("sell");
    QTest::newRow("selling while flat would open a short") << 0.0 << 1.0;
    QTest::newRow("selling more than the position would flip it short") << 5.0 << 6.0;
}

void TestPaperPlatform::sellingMoreThanHeldIsRefused()
{
    QFETCH(double, held);
    QFETCH(double, sell);
    auto platform = openPlatform();
    QVERIFY(platform);
    if (held > 0)
        QVERIFY(platform->execute(order(QStringLiteral("buy"), Side::Buy, held)).ok());
    const PortfolioSnapshot before = platform->snapshot();
    const auto fill = platform->execute(order(QStringLiteral("sell"), Side::Sell, sell));
    QVERIFY(!fill.ok());
    QCOMPARE(fill.error().kind, QStringLiteral("insufficient_position"));
    QCOMPARE(platform->snapshot().balance, before.balance);
    QCOMPARE(platform->snapshot().positions, before.positions);
}

void TestPaperPlatform::malformedOrdersAreRefused_data()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::addColumn<QString>("clientOrderId");
    QTest::addColumn<double>("quantity");
    QTest::addColumn<double>("price");
    QTest::newRow("no client order id") << QString() << 1.0 << 100.0;
    QTest::newRow("zero quantity") << QStringLiteral("c") << 0.0 << 100.0;
    QTest::newRow("negative quantity") << QStringLiteral("c") << -1.0 << 100.0;
    QTest::newRow("NaN quantity") << QStringLiteral("c") << nan << 100.0;
    QTest::newRow("zero reference price") << QStringLiteral("c") << 1.0 << 0.0;
    QTest::newRow("infinite reference price") << QStringLiteral("c") << 1.0 << std::numeric_limits<double>::infinity();
}

void TestPaperPlatform::malformedOrdersAreRefused()
{
    QFETCH(QString, clientOrderId);
    QFETCH(double, quantity);
    QFETCH(double, price);
    auto platform = openPlatform();
    QVERIFY(platform);
    const auto fill = platform->execute(OrderRequest{clientOrderId, aapl, Side::Buy, quantity, price});
    QVERIFY(!fill.ok());
    QCOMPARE(fill.error().kind, QStringLiteral("invalid_order"));
    QCOMPARE(platform->snapshot().balance, 10'000.0);
}

void TestPaperPlatform::equityFollowsMarksAndPeakOnlyRises()
{
    auto platform = openPlatform();
    QVERIFY(platform);
    QVERIFY(platform->execute(order(QStringLiteral("c1"), Side::Buy, 10)).ok());
    const double cash = platform->snapshot().balance;
    QVERIFY(platform->markPrice(aapl, 150).ok());
    QVERIFY(near(platform->snapshot().equity, cash + 1500));
    QVERIFY(platform->markPrice(aapl, 90).ok());
    const PortfolioSnapshot snapshot = platform->snapshot();
    QVERIFY(near(snapshot.equity, cash + 900));
    QVERIFY(near(snapshot.peakEquity, cash + 1500));
    QVERIFY(near(snapshot.drawdown(), 600 / (cash + 1500)));
    QVERIFY(!platform->markPrice(aapl, std::numeric_limits<double>::quiet_NaN()).ok());
    QVERIFY(!platform->markPrice(aapl, -1).ok());
    QVERIFY(near(platform->snapshot().equity, cash + 900)); // a bad mark changes nothing
}

void TestPaperPlatform::restartRestoresTheAccountAndRemembersOrders()
{
    PortfolioSnapshot before;
    Fill first;
    {
        auto platform = openPlatform();
        QVERIFY(platform);
        first = platform->execute(order(QStringLiteral("c1"), Side::Buy, 10)).value();
        QVERIFY(platform->markPrice(aapl, 130).ok());
        QVERIFY(platform->markPrice(aapl, 120).ok());
        before = platform->snapshot();
    }
    // A different starting balance in the configuration does not reset an existing account.
    PaperSettings changed = settings();
    changed.startingBalance = 1'000'000;
    auto platform = openPlatform(changed);
    QVERIFY(platform);
    const PortfolioSnapshot after = platform->snapshot();
    QCOMPARE(after.balance, before.balance);
    QCOMPARE(after.positions, before.positions);
    QCOMPARE(after.peakEquity, before.peakEquity);
    QCOMPARE(after.equity, before.equity);
    const auto again = platform->execute(order(QStringLiteral("c1"), Side::Buy, 10));
    QVERIFY(again.ok());
    QVERIFY(again->replayed);
    QCOMPARE(again->orderId, first.orderId);
    QCOMPARE(platform->execute(order(QStringLiteral("c2"), Side::Buy, 1)).value().orderId, QStringLiteral("PAPER-00000002"));
}

void TestPaperPlatform::anAccountInAnotherCurrencyIsNotReopened()
{
    QVERIFY(openPlatform());
    PaperSettings euro = settings();
    euro.currency = QStringLiteral("EUR");
    auto platform = PaperPlatform::open(m_dir->filePath(QStringLiteral("journal.sqlite")), euro, *m_clock);
    QVERIFY(!platform.ok());
    QCOMPARE(platform.error().kind, QStringLiteral("currency_mismatch"));
    QVERIFY(platform.error().remedy.contains(QStringLiteral("USD")));
}

void TestPaperPlatform::callbacksRunLaterNotInsideTheCall()
{
    auto platform = openPlatform();
    QVERIFY(platform);
    std::optional<Result<Fill>> answer;
    platform->placeOrder(order(QStringLiteral("c1"), Side::Buy, 1), [&answer](const Result<Fill>& fill) { answer = fill; });
    QVERIFY(!answer);
    // The account changed before the callback: a crash in between cannot lose the fill.
    QCOMPARE(platform->snapshot().positions.size(), 1);
    QTRY_VERIFY(answer.has_value());
    QVERIFY(answer->ok());

    std::optional<Result<PortfolioSnapshot>> portfolio;
    platform->fetchPortfolio([&portfolio](const Result<PortfolioSnapshot>& snapshot) { portfolio = snapshot; });
    QVERIFY(!portfolio);
    QTRY_VERIFY(portfolio.has_value());
    QCOMPARE(portfolio->value().positions.size(), 1);
}

void TestPaperPlatform::settingsOutOfRangeAreRefused()
{
    PaperSettings bad = settings();
    bad.feeBps = -1;
    auto platform = PaperPlatform::open(m_dir->filePath(QStringLiteral("journal.sqlite")), bad, *m_clock);
    QVERIFY(!platform.ok());
    QCOMPARE(platform.error().kind, QStringLiteral("invalid_config"));
    QVERIFY(platform.error().message.contains(QStringLiteral("paper.fee_bps")));
}

QTEST_GUILESS_MAIN(TestPaperPlatform)
#include "tst_paperplatform.moc"

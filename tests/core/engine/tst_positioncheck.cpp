// SPDX-License-Identifier: GPL-3.0-or-later
// A broker's positions held against the journal's executions (issue 14): a real SQLite journal,
// the real AlertSink, a broker account given as snapshots.
#include "common/AlertKinds.h"
#include "common/ManualClock.h"
#include "config/Config.h"
#include "engine/AlertSink.h"
#include "engine/EngineContext.h"
#include "engine/EngineOptions.h"
#include "engine/PositionCheck.h"
#include "journal/Journal.h"
#include "trading/Order.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

namespace {

const Instrument eurUsd{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5};
const Instrument gbpUsd{QStringLiteral("GBP/USD"), QStringLiteral("FX"), Interval::Min5};

PortfolioSnapshot brokerHolding(const QMap<QString, double>& units)
{
    PortfolioSnapshot snapshot;
    snapshot.currency = QStringLiteral("USD");
    for (auto it = units.cbegin(); it != units.cend(); ++it) {
        Position position;
        position.quantity = it.value();
        position.averagePrice = 1.1;
        snapshot.positions.insert(it.key(), position);
    }
    return snapshot;
}

} // namespace

class TestPositionCheck final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void agreementRaisesNothing();
    void aDifferenceNamesBothFiguresOnce();
    void aPositionTheJournalNeverSawIsADifference();
    void anInstrumentWithAnOrderOnItsWayIsSkipped();

private:
    /// Journals an approved proposal and its fill of `quantity` units.
    void journalFill(const Instrument& instrument, Side side, double quantity);

    QTemporaryDir m_dir;
    std::unique_ptr<ManualClock> m_clock;
    Config m_config;
    EngineOptions m_options;
    std::unique_ptr<EngineContext> m_context;
    std::unique_ptr<AlertSink> m_alerts;
    std::unique_ptr<Journal> m_journal;
    int m_fills = 0;
};

void TestPositionCheck::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC));
    m_context = std::make_unique<EngineContext>(m_config, m_options, *m_clock);
    m_alerts = std::make_unique<AlertSink>(*m_context);
    auto journal = Journal::open(m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
    QVERIFY2(journal.ok(), qPrintable(journal.ok() ? QString() : journal.error().toString()));
    m_journal = std::move(journal).value();
}

void TestPositionCheck::cleanup()
{
    m_journal.reset();
    m_alerts.reset();
    m_context.reset();
}

void TestPositionCheck::journalFill(const Instrument& instrument, Side side, double quantity)
{
    const QDateTime now = m_clock->now();
    const TradeProposal proposal = TradeProposal::create(instrument, side, quantity, 1.1, now, now.addSecs(300));
    QVERIFY(m_journal->recordProposal(proposal).ok());
    QVERIFY(m_journal->recordDecision(proposal.id, Decision::Approve, QStringLiteral("go"), QStringLiteral("operator"), now).ok());
    ++m_fills;
    const Fill fill{proposal.clientOrderId, QStringLiteral("order-%1").arg(m_fills), instrument.key(), side, 1.1, quantity, 0, now, false};
    const Result<bool> recorded = m_journal->recordExecution(proposal.id, fill);
    QVERIFY2(recorded.ok(), qPrintable(recorded.ok() ? QString() : recorded.error().toString()));
}

void TestPositionCheck::agreementRaisesNothing()
{
    journalFill(eurUsd, Side::Buy, 3000);
    journalFill(eurUsd, Side::Sell, 1000);
    QSignalSpy raised(m_alerts.get(), &AlertSink::raised);
    PositionCheck check(QStringLiteral("oanda"), *m_journal, *m_alerts, {});
    check.compare(brokerHolding({{eurUsd.key(), 2000}}));
    QCOMPARE(raised.size(), 0);
    QVERIFY(check.mismatched().isEmpty());
}

void TestPositionCheck::aDifferenceNamesBothFiguresOnce()
{
    journalFill(eurUsd, Side::Buy, 2000);
    QSignalSpy raised(m_alerts.get(), &AlertSink::raised);
    PositionCheck check(QStringLiteral("oanda"), *m_journal, *m_alerts, {});
    check.compare(brokerHolding({{eurUsd.key(), 1500}}));
    QCOMPARE(raised.size(), 1);
    const auto alert = raised.at(0).at(0).value<AlertView>();
    QCOMPARE(alert.kind, alertkind::reconciliationMismatch);
    QCOMPARE(alert.instrumentKey, eurUsd.key());
    QVERIFY2(alert.message.contains(QStringLiteral("oanda holds 1500 units")), qPrintable(alert.message));
    QVERIFY2(alert.message.contains(QStringLiteral("add up to 2000")), qPrintable(alert.message));

    check.compare(brokerHolding({{eurUsd.key(), 1500}})); // the same difference: once
    QCOMPARE(raised.size(), 1);
    check.compare(brokerHolding({{eurUsd.key(), 1000}})); // it changed: again
    QCOMPARE(raised.size(), 2);
    check.compare(brokerHolding({{eurUsd.key(), 2000}})); // settled
    QVERIFY(check.mismatched().isEmpty());
    check.compare(brokerHolding({{eurUsd.key(), 1000}})); // and back: a new difference
    QCOMPARE(raised.size(), 3);
}

void TestPositionCheck::aPositionTheJournalNeverSawIsADifference()
{
    journalFill(eurUsd, Side::Buy, 1000);
    journalFill(eurUsd, Side::Sell, 1000); // flat by the journal
    QSignalSpy raised(m_alerts.get(), &AlertSink::raised);
    PositionCheck check(QStringLiteral("oanda"), *m_journal, *m_alerts, {});
    check.compare(brokerHolding({{gbpUsd.key(), 700}})); // opened outside Trade Sentinel
    QCOMPARE(raised.size(), 1);
    QVERIFY(raised.at(0).at(0).value<AlertView>().message.contains(QStringLiteral("add up to 0")));
    QCOMPARE(check.mismatched(), QStringList{gbpUsd.key()});

    journalFill(gbpUsd, Side::Buy, 500);
    check.compare(brokerHolding({})); // closed at the broker, still held by the journal
    QCOMPARE(raised.size(), 2);
    QVERIFY(raised.at(1).at(0).value<AlertView>().message.contains(QStringLiteral("oanda holds 0 units")));
}

void TestPositionCheck::anInstrumentWithAnOrderOnItsWayIsSkipped()
{
    QSignalSpy raised(m_alerts.get(), &AlertSink::raised);
    bool inFlight = true;
    PositionCheck check(QStringLiteral("oanda"), *m_journal, *m_alerts,
                        [&inFlight](const QString& key) { return inFlight && key == eurUsd.key(); });
    check.compare(brokerHolding({{eurUsd.key(), 1000}})); // filled at the broker, not journalled yet
    QCOMPARE(raised.size(), 0);
    journalFill(eurUsd, Side::Buy, 1000);
    inFlight = false;
    check.compare(brokerHolding({{eurUsd.key(), 1000}}));
    QCOMPARE(raised.size(), 0);
}

QTEST_GUILESS_MAIN(TestPositionCheck)
#include "tst_positioncheck.moc"

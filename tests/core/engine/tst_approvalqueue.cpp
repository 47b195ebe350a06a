// SPDX-License-Identifier: GPL-3.0-or-later
// The queue of proposals waiting for the operator: what it lists, what take() hands back, and
// when a proposal expires on the engine clock (exactly at its expiresAt, once, and never after
// the operator has taken it).
#include "common/ManualClock.h"
#include "engine/ApprovalQueue.h"

#include <QTest>

#include <memory>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {

QDateTime utc(const char* iso)
{
    const QDateTime parsed = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    if (!parsed.isValid())
        qFatal("bad instant in test: %s", iso);
    return parsed.toUTC();
}

const QDateTime start = utc("2026-11-24T15:00:00Z");

TradeProposal proposal(const char* id, const QDateTime& createdAt, const QDateTime& expiresAt)
{
    TradeProposal made;
    made.id = QString::fromLatin1(id);
    made.instrument = Instrument{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Min5};
    made.side = Side::Buy;
    made.quantity = 10;
    made.price = 190.25;
    made.strategyReason = QStringLiteral("sma cross");
    made.createdAt = createdAt;
    made.expiresAt = expiresAt;
    made.clientOrderId = TradeProposal::clientOrderIdFor(made.id);
    return made;
}

/// An expiry as the handler saw it: the proposal and the clock's time when it was called.
struct Expiry {
    TradeProposal proposal;
    QDateTime at;
};

/// A queue on a ManualClock that records every expiry.
struct Fixture {
    ManualClock clock{start};
    QList<Expiry> expired;
    std::unique_ptr<ApprovalQueue> queue = std::make_unique<ApprovalQueue>(clock, [this](const TradeProposal& gone) {
        expired.append({gone, clock.now()});
    });
};

QStringList ids(const QList<TradeProposal>& proposals)
{
    QStringList all;
    for (const TradeProposal& each : proposals)
        all << each.id;
    return all;
}

} // namespace

class TestApprovalQueue final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pendingListsProposalsOldestFirst();
    void take_data();
    void take();
    void expiresExactlyAtItsDeadlineAndOnlyOnce();
    void proposalsExpireInDeadlineOrderEachAtItsOwnInstant();
    void aTakenProposalNeverExpiresLater();
    void restoredProposalsAlreadyPastExpiryExpireAtTheNextTick();
    void aDestroyedQueueExpiresNothing();
    void reAddingAPendingIdNeverExpiresItBeforeItsDeadline();
    void theSignalConfidenceLeavesWithItsProposal();
};

void TestApprovalQueue::pendingListsProposalsOldestFirst()
{
    Fixture f;
    QCOMPARE(f.queue->size(), 0);
    QVERIFY(f.queue->pending().isEmpty());

    // Added in an order that is neither creation order nor its reverse.
    f.queue->add(proposal("middle", start.addSecs(-60), start.addSecs(600)));
    f.queue->add(proposal("newest", start, start.addSecs(300)));
    f.queue->add(proposal("oldest", start.addSecs(-120), start.addSecs(900)));

    QCOMPARE(f.queue->size(), 3);
    QCOMPARE(ids(f.queue->pending()),
             (QStringList{QStringLiteral("oldest"), QStringLiteral("middle"), QStringLiteral("newest")}));
    QVERIFY(f.queue->contains(QStringLiteral("middle")));
    QVERIFY(!f.queue->contains(QStringLiteral("unknown")));

    // The listing is a copy of what is held: each proposal comes back whole.
    const QList<TradeProposal> pending = f.queue->pending();
    QCOMPARE(pending.at(0), proposal("oldest", start.addSecs(-120), start.addSecs(900)));

    QVERIFY(f.queue->take(QStringLiteral("middle")));
    QCOMPARE(ids(f.queue->pending()), (QStringList{QStringLiteral("oldest"), QStringLiteral("newest")}));
    QVERIFY(f.expired.isEmpty());
}

void TestApprovalQueue::take_data()
{
    QTest::addColumn<QString>("asked");
    QTest::addColumn<bool>("takenBefore");   // the operator already answered this id once
    QTest::addColumn<bool>("expiredBefore"); // the clock ran past p1's deadline first
    QTest::addColumn<bool>("found");
    QTest::addColumn<QStringList>("left"); // still pending afterwards

    const QStringList both{QStringLiteral("p1"), QStringLiteral("p2")};
    const QStringList second{QStringLiteral("p2")};
    QTest::newRow("taking a pending proposal hands it back and leaves the others")
        << QStringLiteral("p1") << false << false << true << second;
    QTest::newRow("taking an id the queue never held gives nothing and changes nothing")
        << QStringLiteral("nobody") << false << false << false << both;
    QTest::newRow("taking an id a second time gives nothing")
        << QStringLiteral("p1") << true << false << false << second;
    QTest::newRow("taking a proposal that has expired gives nothing")
        << QStringLiteral("p1") << false << true << false << second;
}

void TestApprovalQueue::take()
{
    QFETCH(QString, asked);
    QFETCH(bool, takenBefore);
    QFETCH(bool, expiredBefore);
    QFETCH(bool, found);
    QFETCH(QStringList, left);

    Fixture f;
    const TradeProposal p1 = proposal("p1", start, start.addSecs(300));
    const TradeProposal p2 = proposal("p2", start.addSecs(1), start.addSecs(600));
    f.queue->add(p1);
    f.queue->add(p2);
    if (takenBefore)
        QVERIFY(f.queue->take(asked));
    if (expiredBefore)
        f.clock.advanceTo(p1.expiresAt);

    const std::optional<TradeProposal> taken = f.queue->take(asked);
    QCOMPARE(taken.has_value(), found);
    if (found)
        QCOMPARE(*taken, p1);
    QVERIFY(!f.queue->contains(asked));
    QCOMPARE(ids(f.queue->pending()), left);
    QCOMPARE(f.queue->size(), left.size());
    if (left.contains(QStringLiteral("p2")))
        QCOMPARE(f.queue->pending().constLast(), p2); // the other proposal is untouched
}

void TestApprovalQueue::expiresExactlyAtItsDeadlineAndOnlyOnce()
{
    Fixture f;
    const TradeProposal p = proposal("p", start, start.addSecs(300));
    f.queue->add(p);

    f.clock.advanceTo(p.expiresAt.addMSecs(-1));
    QVERIFY2(f.expired.isEmpty(), "expired a millisecond early");
    QVERIFY(f.queue->contains(p.id));

    f.clock.advanceTo(p.expiresAt);
    QCOMPARE(f.expired.size(), 1);
    QCOMPARE(f.expired.at(0).proposal, p);
    QCOMPARE(f.expired.at(0).at, p.expiresAt);
    QVERIFY(!f.queue->contains(p.id));
    QCOMPARE(f.queue->size(), 0);

    f.clock.advanceBy(24h);
    QCOMPARE(f.expired.size(), 1);
}

void TestApprovalQueue::proposalsExpireInDeadlineOrderEachAtItsOwnInstant()
{
    Fixture f;
    // Created in one order, due in another.
    f.queue->add(proposal("late", start, start.addSecs(900)));
    f.queue->add(proposal("soon", start.addSecs(10), start.addSecs(120)));
    f.queue->add(proposal("middle", start.addSecs(20), start.addSecs(600)));

    f.clock.advanceTo(start.addSecs(600));
    QCOMPARE(f.expired.size(), 2);
    QCOMPARE(f.expired.at(0).proposal.id, QStringLiteral("soon"));
    QCOMPARE(f.expired.at(0).at, start.addSecs(120));
    QCOMPARE(f.expired.at(1).proposal.id, QStringLiteral("middle"));
    QCOMPARE(f.expired.at(1).at, start.addSecs(600));
    QCOMPARE(ids(f.queue->pending()), QStringList{QStringLiteral("late")});

    f.clock.advanceTo(start.addSecs(3600));
    QCOMPARE(f.expired.size(), 3);
    QCOMPARE(f.expired.at(2).proposal.id, QStringLiteral("late"));
    QCOMPARE(f.expired.at(2).at, start.addSecs(900));
}

void TestApprovalQueue::aTakenProposalNeverExpiresLater()
{
    Fixture f;
    const TradeProposal p = proposal("p", start, start.addSecs(300));
    f.queue->add(p);
    f.clock.advanceBy(299s);
    QVERIFY(f.queue->take(p.id));
    // Taking cancels the expiry instead of leaving a timer behind for every answered proposal.
    QCOMPARE(f.clock.pendingTimers(), 0);

    f.clock.advanceBy(7 * 24h);
    QVERIFY2(f.expired.isEmpty(), "an approved or rejected proposal was also expired");
}

void TestApprovalQueue::restoredProposalsAlreadyPastExpiryExpireAtTheNextTick()
{
    // After a restart the journal hands back proposals whose deadline passed while the
    // program was down: they must expire at once, not linger waiting for an answer.
    Fixture f;
    const TradeProposal lapsedLongAgo = proposal("lapsed-long-ago", start.addDays(-2), start.addDays(-2).addSecs(300));
    const TradeProposal lapsedJustNow = proposal("lapsed-just-now", start.addSecs(-300), start.addMSecs(-1));
    const TradeProposal stillOpen = proposal("still-open", start.addSecs(-60), start.addSecs(240));
    f.queue->add(lapsedLongAgo);
    f.queue->add(stillOpen);
    f.queue->add(lapsedJustNow);

    f.clock.advanceBy(0ms);
    QCOMPARE(f.expired.size(), 2);
    QStringList expiredIds;
    for (const Expiry& expiry : std::as_const(f.expired)) {
        expiredIds << expiry.proposal.id;
        QCOMPARE(expiry.at, start); // now, not back at the deadline that has passed
    }
    expiredIds.sort();
    QCOMPARE(expiredIds, (QStringList{QStringLiteral("lapsed-just-now"), QStringLiteral("lapsed-long-ago")}));
    QCOMPARE(f.queue->pending(), QList<TradeProposal>{stillOpen});

    f.clock.advanceTo(stillOpen.expiresAt);
    QCOMPARE(f.expired.size(), 3);
    QCOMPARE(f.expired.last().proposal, stillOpen);
}

void TestApprovalQueue::aDestroyedQueueExpiresNothing()
{
    Fixture f;
    f.queue->add(proposal("p", start, start.addSecs(300)));
    f.queue.reset();
    f.clock.advanceBy(1h); // would crash or call into a dead queue if the timer outlived it
    QVERIFY(f.expired.isEmpty());
}

void TestApprovalQueue::reAddingAPendingIdNeverExpiresItBeforeItsDeadline()
{
    // Whatever add() does with an id it already holds (replace or ignore), the proposal it hands
    // to the expiry handler must be one whose deadline has passed.
    Fixture f;
    const TradeProposal first = proposal("p", start, start.addSecs(300));
    TradeProposal again = first;
    again.expiresAt = start.addSecs(900);
    f.queue->add(first);
    f.queue->add(again);
    QCOMPARE(f.queue->size(), 1);

    f.clock.advanceTo(start.addSecs(3600));
    QCOMPARE(f.expired.size(), 1);
    // Regression: add() left the first timer running, which fired at 300 s and handed over the
    // re-added proposal, whose deadline is 900 s.
    QVERIFY2(f.expired.at(0).at >= f.expired.at(0).proposal.expiresAt,
             qPrintable(u"expired at " + f.expired.at(0).at.toString(Qt::ISODate) + u", deadline " +
                        f.expired.at(0).proposal.expiresAt.toString(Qt::ISODate)));
}


void TestApprovalQueue::theSignalConfidenceLeavesWithItsProposal()
{
    Fixture f;
    f.queue->add(proposal("approved", start, start.addSecs(300)), 0.62);
    f.queue->add(proposal("rejected", start, start.addSecs(300)), 0.71);
    f.queue->add(proposal("expired", start, start.addSecs(60)), 0.55);
    f.queue->add(proposal("restored", start, start.addSecs(300)));
    QCOMPARE(f.queue->signalConfidence(QStringLiteral("approved")), std::optional<double>(0.62));
    QCOMPARE(f.queue->signalConfidence(QStringLiteral("restored")), std::optional<double>(1.0));
    QCOMPARE(f.queue->signalConfidence(QStringLiteral("unknown")), std::nullopt);

    // Whichever way a proposal leaves, nothing of it stays behind (issue 18: a side table of
    // confidences kept an entry for every proposal that did not end in a fill).
    QVERIFY(f.queue->take(QStringLiteral("approved")));
    QVERIFY(f.queue->take(QStringLiteral("rejected")));
    f.clock.advanceBy(61s);
    QCOMPARE(f.expired.size(), 1);
    for (const char* gone : {"approved", "rejected", "expired"})
        QCOMPARE(f.queue->signalConfidence(QString::fromLatin1(gone)), std::nullopt);
    QCOMPARE(f.queue->size(), 1);
}

QTEST_GUILESS_MAIN(TestApprovalQueue)
#include "tst_approvalqueue.moc"

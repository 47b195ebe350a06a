// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/SignalDispatcher.h"

#include "common/Log.h"
#include "notify/TelegramChannel.h"

#include <QMetaObject>

#include <algorithm>
#include <cmath>

namespace sentinel {

namespace {

constexpr std::size_t latencyWindow = 1000;

qint64 percentile(std::deque<qint64> values, double fraction)
{
    if (values.empty())
        return -1;
    const auto rank = std::size_t(std::llround(fraction * double(values.size() - 1)));
    std::nth_element(values.begin(), values.begin() + qsizetype(rank), values.end());
    return values[rank];
}

} // namespace

SignalDispatcher::SignalDispatcher(Clock& clock, Outbox& outbox, QObject* parent)
    : SignalDispatcher(clock, outbox, Options{}, parent)
{
}

SignalDispatcher::SignalDispatcher(Clock& clock, Outbox& outbox, Options options, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_outbox(outbox)
    , m_options(options)
    , m_retry(options.backoffBase, options.backoffCap, options.seed)
{
}

SignalDispatcher::~SignalDispatcher()
{
    if (m_wakeTimer)
        m_clock.cancel(m_wakeTimer);
}

void SignalDispatcher::addChannel(DeliveryChannel* channel)
{
    channel->setParent(this);
    if (!channel->isRemote()) {
        m_mirrors.append(channel);
        return;
    }
    ChannelSlot slot;
    slot.channel = channel;
    m_remote.append(slot);
    connect(channel, &DeliveryChannel::waitingForClock, this, [this] {
        if (isIdle())
            Q_EMIT idle();
    });
    if (auto* telegram = qobject_cast<TelegramChannel*>(channel)) {
        connect(telegram, &TelegramChannel::chatMigrated, this, [this](const QString& oldId, const QString& newId) {
            m_lastAlert = QStringLiteral("Telegram chat %1 became %2: update telegram.chat_id").arg(oldId, newId);
            Q_EMIT chatMigrated(oldId, newId);
            Q_EMIT configurationError(QStringLiteral("telegram"), QStringLiteral("telegram.chat_id"),
                                      QStringLiteral("the Telegram group %1 was upgraded to supergroup %2; signals now go there").arg(oldId, newId),
                                      QStringLiteral("set telegram.chat_id to %1").arg(newId));
        });
    }
}

Status SignalDispatcher::start()
{
    const Result<int> recovered = m_outbox.recoverInterrupted(m_clock.now());
    if (!recovered)
        return recovered.error();
    if (recovered.value() > 0) {
        log::notify()->warn("outbox: {} signal(s) were being sent when the program stopped; retrying them",
                            recovered.value());
    }
    m_running = true;
    schedulePump();
    return okStatus();
}

Result<bool> SignalDispatcher::dispatch(const SignalMessage& signal)
{
    // Written before anything is sent: a crash from here on cannot lose it.
    Result<bool> added = m_outbox.enqueue(signal, m_clock.now());
    if (!added) {
        Q_EMIT outboxFailed(added.error().toString());
        return added;
    }
    if (!added.value()) {
        log::notify()->info("signal {} is already in the outbox; not queued again", signal.id);
        return false;
    }
    for (DeliveryChannel* mirror : std::as_const(m_mirrors))
        mirror->deliver(DeliveryAttempt{signal, 0}, {}, [](const DeliveryOutcome&) {});
    schedulePump();
    publish();
    return true;
}

void SignalDispatcher::resetChannel(const QString& channelName)
{
    for (ChannelSlot& slot : m_remote) {
        if (slot.channel->name() == channelName) {
            slot.available = true;
            slot.consecutiveFailures = 0;
            slot.retryAt = {};
        }
    }
    if (const Result<int> unparked = m_outbox.unpark(m_clock.now()); !unparked)
        check(unparked.error());
    schedulePump();
    publish();
}

void SignalDispatcher::setLiveCheck(DeliveryStats::LiveCheck result)
{
    m_liveCheck = result;
    publish();
}

void SignalDispatcher::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, [this] {
        m_pumpQueued = false;
        pump();
        if (isIdle())
            Q_EMIT idle();
    }, Qt::QueuedConnection);
}

bool SignalDispatcher::eligible(int index, const QString& signalId, const QDateTime& now) const
{
    const ChannelSlot& slot = m_remote.at(index);
    return slot.available && !m_rejectedBy.value(signalId).contains(slot.channel->name())
        && (!slot.retryAt.isValid() || slot.retryAt <= now);
}

std::optional<QDateTime> SignalDispatcher::nextChance(const QString& signalId) const
{
    std::optional<QDateTime> earliest;
    const QDateTime now = m_clock.now();
    for (const ChannelSlot& slot : m_remote) {
        if (!slot.available || m_rejectedBy.value(signalId).contains(slot.channel->name()))
            continue;
        const QDateTime at = slot.retryAt.isValid() && slot.retryAt > now ? slot.retryAt : now;
        if (!earliest || at < *earliest)
            earliest = at;
    }
    return earliest;
}

void SignalDispatcher::pump()
{
    if (!m_running || m_round)
        return;
    if (m_wakeTimer) {
        m_clock.cancel(m_wakeTimer);
        m_wakeTimer = 0;
    }
    const QDateTime now = m_clock.now();
    const Result<std::optional<OutboxEntry>> due = m_outbox.nextDue(now);
    if (!due) {
        check(due.error());
        return;
    }
    if (!due.value()) {
        const Result<std::optional<QDateTime>> earliest = m_outbox.earliestAttempt();
        if (earliest && earliest.value())
            m_wakeTimer = m_clock.callAt(*earliest.value(), this, [this] {
                m_wakeTimer = 0;
                pump();
            });
        return;
    }
    const OutboxEntry& entry = *due.value();
    const QString& id = entry.signal.id;
    if (entry.signal.expiresAt.isValid() && now >= entry.signal.expiresAt) {
        // A trading signal past its expiry would be acted on at a price that no longer holds.
        check(m_outbox.markExpired(entry.seq, now));
        log::notify()->warn("signal {} expired before it could be delivered", id);
        settle(id);
        Q_EMIT signalExpired(id);
        publish();
        schedulePump();
        return;
    }
    bool anyNow = false;
    for (int i = 0; i < m_remote.size(); ++i)
        anyNow = anyNow || eligible(i, id, now);
    if (!anyNow) {
        // Every channel is backing off (because of earlier signals) or waits for configuration:
        // wait for the first one to become usable; nothing failed for this signal yet.
        Round waiting{entry, int(m_remote.size()), false, {}};
        m_round = waiting;
        finishUndelivered();
        return;
    }
    check(m_outbox.markSending(entry.seq));
    m_round = Round{entry, 0, false, {}};
    m_round->entry.attempts += 1;
    tryNextChannel();
}

void SignalDispatcher::tryNextChannel()
{
    const QDateTime now = m_clock.now();
    const QString id = m_round->entry.signal.id;
    while (m_round->nextChannel < m_remote.size()) {
        const int index = m_round->nextChannel++;
        if (!eligible(index, id, now))
            continue;
        DeliveryChannel* channel = m_remote.at(index).channel;
        const QString name = channel->name();
        m_round->attempted = true;
        DeliveryAttempt attempt{m_round->entry.signal,
                                m_round->entry.partsChannel == name ? m_round->entry.partsDone : 0};
        const qint64 seq = m_round->entry.seq;
        channel->deliver(
            attempt,
            [this, seq, name](int partsDone) {
                check(m_outbox.markPartsDone(seq, name, partsDone));
                if (m_round && m_round->entry.seq == seq) {
                    m_round->entry.partsDone = partsDone;
                    m_round->entry.partsChannel = name;
                }
            },
            [this, index](const DeliveryOutcome& outcome) { onChannelDone(index, outcome); });
        return;
    }
    finishUndelivered();
}

void SignalDispatcher::onChannelDone(int index, const DeliveryOutcome& outcome)
{
    if (!m_round)
        return;
    ChannelSlot& slot = m_remote[index];
    if (outcome.status == DeliveryOutcome::Status::Delivered)
        handleDelivered(slot, outcome);
    else
        handleFailure(slot, outcome);
}

void SignalDispatcher::handleDelivered(ChannelSlot& slot, const DeliveryOutcome& outcome)
{
    const QString name = slot.channel->name();
    const QString id = m_round->entry.signal.id;
    const QString decisionFor = m_round->entry.signal.decisionFor;
    const QDateTime now = m_clock.now();
    // Committed the moment the channel confirms: this is what keeps a confirmed signal
    // from being sent again after a crash (ADR 0041).
    const Result<bool> committed = m_outbox.markDelivered(m_round->entry.seq, name, now);
    if (!committed)
        check(committed.error());
    slot.delivered += 1;
    slot.consecutiveFailures = 0;
    slot.retryAt = {};
    slot.latenciesMs.push_back(std::max<qint64>(0, m_round->entry.enqueuedAt.msecsTo(now)));
    if (slot.latenciesMs.size() > latencyWindow)
        slot.latenciesMs.pop_front();
    m_round.reset();
    settle(id);
    Q_EMIT signalDelivered(id, name);
    if (!decisionFor.isEmpty() && outcome.messageId > 0)
        Q_EMIT decisionMessagePosted(decisionFor, outcome.chatId, outcome.messageId);
    publish();
    schedulePump();
}

void SignalDispatcher::handleFailure(ChannelSlot& slot, const DeliveryOutcome& outcome)
{
    const QString name = slot.channel->name();
    const QString id = m_round->entry.signal.id;
    const QDateTime now = m_clock.now();
    // One logger for the whole switch: a temporary per case tripped clang's use-after-scope
    // check when its cleanup ran at the end of the switch.
    const auto logger = log::notify();
    slot.failed += 1;
    slot.lastError = outcome.error.message;
    slot.lastRemedy = outcome.error.remedy;
    m_round->errors.append(name + u": " + outcome.error.message);
    if (outcome.partsDone > 0) {
        m_round->entry.partsDone = outcome.partsDone;
        m_round->entry.partsChannel = name;
    }
    switch (outcome.status) {
    case DeliveryOutcome::Status::RetryLater:
        slot.consecutiveFailures += 1;
        slot.retryAt = outcome.retryAt.isValid()
            ? outcome.retryAt
            : now.addMSecs(m_retry.delay(slot.consecutiveFailures).count());
        m_failedOn[id].insert(name);
        logger->warn("{}: signal {} not delivered ({}); next {} attempt at {}", name, id, outcome.error.message,
                            name, slot.retryAt.toString(Qt::ISODateWithMs));
        break;
    case DeliveryOutcome::Status::ChannelUnavailable:
        slot.available = false;
        logger->error("{}: cannot deliver until {} is fixed: {} ({})", name, outcome.configKey,
                             outcome.error.message, outcome.error.remedy);
        Q_EMIT configurationError(name, outcome.configKey, outcome.error.message, outcome.error.remedy);
        break;
    case DeliveryOutcome::Status::Rejected:
        m_rejectedBy[id].insert(name);
        m_failedOn[id].remove(name);
        logger->error("{}: refused signal {} for good: {}", name, id, outcome.error.message);
        break;
    case DeliveryOutcome::Status::Delivered:
        break;
    }
    publish();
    tryNextChannel();
}

void SignalDispatcher::finishUndelivered()
{
    Round round = std::move(*m_round);
    m_round.reset();
    const QString id = round.entry.signal.id;
    const qint64 seq = round.entry.seq;
    const QDateTime now = m_clock.now();
    const QString reason = round.errors.isEmpty() ? QStringLiteral("no channel can deliver now") : round.errors.join(u"; ");

    bool anyLeft = false;
    for (const ChannelSlot& slot : std::as_const(m_remote))
        anyLeft = anyLeft || !m_rejectedBy.value(id).contains(slot.channel->name());
    if (!anyLeft && !m_remote.isEmpty()) {
        check(m_outbox.markFailed(seq, reason, now));
        m_failedTotal += 1;
        m_lastAlert = QStringLiteral("signal %1 could not be delivered: %2").arg(id, reason);
        settle(id);
        Q_EMIT signalFailed(id, reason);
        publish();
        schedulePump();
        return;
    }

    const std::optional<QDateTime> next = nextChance(id);
    const bool roundLimit = m_options.maxRounds > 0 && round.entry.attempts >= m_options.maxRounds;
    const bool tooFar = next && m_options.maxWait.count() > 0 && now.secsTo(*next) > m_options.maxWait.count();
    if (round.attempted && (roundLimit || tooFar || (!next && m_options.maxRounds > 0))) {
        const QString why = tooFar ? QStringLiteral("%1 (next attempt only allowed at %2)")
                                         .arg(reason, next->toString(Qt::ISODate))
                                   : reason;
        check(m_outbox.markFailed(seq, why, now));
        m_failedTotal += 1;
        settle(id);
        Q_EMIT signalFailed(id, why);
        publish();
        schedulePump();
        return;
    }

    // Parked (no next) until a channel is reconfigured; otherwise due when one may be tried again.
    check(m_outbox.markRetry(seq, next.value_or(QDateTime()), reason));
    if (round.attempted) {
        const bool first = !m_alerted.contains(id);
        m_alerted.insert(id);
        m_lastAlert = QStringLiteral("every channel failed for signal %1: %2").arg(id, reason);
        if (first) {
            log::notify()->critical("every channel failed for signal {}; it stays queued: {}", id, reason);
            Q_EMIT allChannelsFailed(id, reason);
        }
    }
    publish();
    schedulePump();
}

bool SignalDispatcher::roundWaitsForClock() const
{
    // The channel being tried is the one before nextChannel (tryNextChannel advanced it).
    if (!m_round || !m_round->attempted || m_round->nextChannel < 1 || m_round->nextChannel > m_remote.size())
        return false;
    return m_remote.at(m_round->nextChannel - 1).channel->isWaitingForClock();
}

void SignalDispatcher::settle(const QString& signalId)
{
    m_rejectedBy.remove(signalId);
    m_failedOn.remove(signalId);
    m_alerted.remove(signalId);
}

void SignalDispatcher::check(const Status& status)
{
    if (status)
        return;
    log::notify()->critical("{}", status.error().toString());
    Q_EMIT outboxFailed(status.error().toString());
}

void SignalDispatcher::publish()
{
    Q_EMIT statsChanged(stats());
}

DeliveryStats SignalDispatcher::stats()
{
    DeliveryStats stats;
    stats.at = m_clock.now();
    stats.liveCheck = m_liveCheck;
    stats.lastAlert = m_lastAlert;
    stats.allChannelsFailing = !m_alerted.isEmpty();
    const auto counts = m_outbox.counts();
    QList<OutboxEntry> pending;
    if (counts) {
        stats.queued = counts.value().value(OutboxEntry::State::Queued) + counts.value().value(OutboxEntry::State::Sending);
        stats.delivered = counts.value().value(OutboxEntry::State::Delivered);
        stats.failed = counts.value().value(OutboxEntry::State::Failed);
        stats.expired = counts.value().value(OutboxEntry::State::Expired);
        if (stats.queued > 0) {
            if (auto rows = m_outbox.pending())
                pending = rows.value();
        }
    }
    for (const ChannelSlot& slot : std::as_const(m_remote)) {
        ChannelStats channel;
        channel.name = slot.channel->name();
        channel.available = slot.available;
        channel.delivered = slot.delivered;
        channel.failed = slot.failed;
        channel.retryAt = slot.retryAt.isValid() && slot.retryAt > stats.at ? slot.retryAt : QDateTime();
        channel.lastError = slot.lastError;
        channel.lastRemedy = slot.lastRemedy;
        channel.latencyP50Ms = percentile(slot.latenciesMs, 0.50);
        channel.latencyP95Ms = percentile(slot.latenciesMs, 0.95);
        for (const OutboxEntry& entry : std::as_const(pending)) {
            if (m_rejectedBy.value(entry.signal.id).contains(channel.name))
                continue;
            channel.queueDepth += 1;
            channel.retrying += m_failedOn.value(entry.signal.id).contains(channel.name) ? 1 : 0;
        }
        stats.channels.append(channel);
    }
    return stats;
}

} // namespace sentinel

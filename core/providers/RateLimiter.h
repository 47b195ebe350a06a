// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace sentinel {

class SharedRateBudget;

/// The limits one API key lives under.
struct RateLimits {
    int requestsPerMinute = 5;
    int requestsPerDay = 25;
    /// The daily quota resets at midnight in this zone (Alpha Vantage: US/Eastern; ADR 0022).
    QByteArray resetTimeZone = QByteArrayLiteral("America/New_York");
    int breakerThreshold = 5;                          ///< consecutive failures that open it
    std::chrono::seconds breakerCooldown{30};          ///< first open period; doubles per re-open
    std::chrono::seconds breakerMaxCooldown{15 * 60};
    /// The sliding window `requestsPerMinute` is counted in: a minute, unless the service counts
    /// per second (Coinbase: 10 public requests a second, ADR 0121).
    std::chrono::milliseconds window{std::chrono::minutes{1}};
};

/// Gatekeeper for every request made with one API key.
///
/// - Per-minute limit: a bucket of `requestsPerMinute` tokens where each spent token comes back
///   one `window` (a minute by default) after it was spent, so no window ever holds more requests
///   than the limit (a bucket refilled continuously would allow almost twice the limit in one window).
/// - Daily quota: `requestsPerDay` grants between two resets (midnight in `resetTimeZone`).
///   When it is used up, queued and new requests are rejected with "quota_exhausted" naming the
///   instant requests resume, and quotaExhausted() is emitted once.
/// - Queue: waiting requests leave in order of `dueAt` (the instrument whose bar is due first
///   goes first), then in order of submission.
/// - Circuit breaker: after `breakerThreshold` consecutive failures it opens and rejects
///   everything with "circuit_open" until the cool-down ends; then one trial request goes out
///   (half-open); its success closes the breaker, its failure re-opens it for twice as long.
/// Time comes from the Clock only, so tests drive it with ManualClock.
class RateLimiter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimiter)
public:
    using Start = std::function<void()>;
    using Reject = std::function<void(const Error&)>;
    enum class CircuitState { Closed, Open, HalfOpen };

    RateLimiter(Clock& clock, RateLimits limits, QObject* parent = nullptr);
    ~RateLimiter() override;

    /// Queues a request. `start` runs (possibly at once, from inside this call) when the
    /// request may go out; the caller must then report its outcome with recordSuccess() or
    /// recordFailure(). `reject` runs instead when it may not (quota, circuit open).
    void submit(const QDateTime& dueAt, Start start, Reject reject);

    /// The service answered (even with a rate-limit note): resets the failure count.
    void recordSuccess();
    /// The request failed in a way that suggests an outage (timeout, HTTP 5xx, bad body).
    void recordFailure();
    /// A request failed with `kind` (providers/ProviderError.h): an outage counts towards the
    /// breaker (recordFailure), any other failure is an answer and resets it (recordSuccess).
    void recordFailureOf(const QString& kind);
    /// The service said to slow down: no request leaves before `until`.
    void pauseUntil(const QDateTime& until);
    /// The service said the daily quota is used up, whatever our own count says.
    void markQuotaExhausted();
    /// Counts every request in `budget`'s shared window too (several desks on one account), on
    /// top of this limiter's own window.
    void shareWith(std::shared_ptr<SharedRateBudget> shared, const QByteArray& budget);

    [[nodiscard]] const RateLimits& limits() const { return m_limits; }
    [[nodiscard]] int queued() const { return int(m_queue.size()); }
    /// Queued requests held until an instant of the Clock (the per-minute limit or a pause), not
    /// waiting for a trial request's answer: only moving the clock lets them go (ADR 0106).
    [[nodiscard]] int waitingForClock() const { return m_wakeTimer ? int(m_queue.size()) : 0; }
    [[nodiscard]] int grantedToday();
    /// Requests granted within the sliding window that ends now (what the rate limit counts).
    [[nodiscard]] int grantedInWindow() const;
    [[nodiscard]] qint64 grantedTotal() const { return m_grantedTotal; }
    [[nodiscard]] CircuitState circuitState();
    /// The next daily reset after now (UTC).
    [[nodiscard]] QDateTime nextQuotaReset() const;

Q_SIGNALS:
    /// The daily quota is used up; requests resume at `resumesAt` (UTC).
    void quotaExhausted(const QDateTime& resumesAt);
    void circuitOpened(const QDateTime& retryAt);
    void circuitClosed();

private:
    struct Pending {
        Start start;
        Reject reject;
    };
    void pump();
    void rollDay();
    void rejectAll(const Error& error);
    void wakeAt(qint64 ms);
    void askShared(qint64 now);
    [[nodiscard]] Error quotaError() const;
    [[nodiscard]] QDateTime dayStartOf(const QDateTime& instant) const;

    Clock& m_clock;
    RateLimits m_limits;
    std::map<std::pair<qint64, quint64>, Pending> m_queue; // (dueAt ms, sequence)
    quint64 m_sequence = 0;
    std::deque<qint64> m_recentGrants; // grant instants within the last minute, oldest first
    qint64 m_pausedUntil = 0;
    qint64 m_dayStart = 0;
    int m_dayCount = 0;
    bool m_quotaAlerted = false;
    qint64 m_grantedTotal = 0;
    CircuitState m_circuit = CircuitState::Closed;
    int m_consecutiveFailures = 0;
    qint64 m_openUntil = 0;
    std::chrono::seconds m_cooldown;
    bool m_trialInFlight = false;
    TimerId m_wakeTimer = 0;
    qint64 m_wakeAt = 0;
    bool m_pumping = false;
    std::shared_ptr<SharedRateBudget> m_shared;
    QByteArray m_sharedBudget;
    bool m_sharedAsking = false;   ///< a take() is under way
    bool m_sharedGrant = false;    ///< the shared window granted the next request
    qint64 m_sharedRetryAt = 0;    ///< the shared window is full until then
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/LlmProvider.h"
#include "advisor/ProviderBreaker.h"
#include "advisor/ProviderCounters.h"
#include "advisor/ProviderSettings.h"
#include "common/Clock.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace sentinel::advisor {

struct PoolSettings {
    std::chrono::milliseconds healthInterval{std::chrono::seconds(30)};
    /// A health check not answered by then marks the server unavailable (on the Clock, so a
    /// stalled server is caught within one interval whatever the provider's own deadline).
    std::chrono::milliseconds healthTimeout{std::chrono::seconds(5)};
    BreakerSettings breaker;

    /// How often checks go out: `healthInterval - healthTimeout`, so a check's verdict (an
    /// answer or its deadline) always lands within one interval of a server going down. The
    /// whole interval when the deadline is not shorter (a setting the config refuses).
    [[nodiscard]] std::chrono::milliseconds checkPeriod() const
    {
        return healthTimeout < healthInterval ? healthInterval - healthTimeout : healthInterval;
    }
};

/// What the pool knows of one model server now.
struct ProviderStatus {
    bool available = false;               ///< answered its last health check with the model, breaker closed
    std::optional<Error> reason;          ///< why it is not available; none while available
    std::chrono::milliseconds latency{0}; ///< of the last answered health check
    BreakerState breaker = BreakerState::Closed;
    QDateTime retryAt;   ///< when an open breaker is probed; invalid while closed
    QDateTime checkedAt; ///< when the last health check answered; invalid before
};

/// The advisor's model servers (issue 15): each provider is created once, with its one
/// connection, and reused for every decision. Each is health-checked before first use and then
/// every checkPeriod() on the Clock, so one that goes down is held back within one
/// `healthInterval`; outages (health or advice) feed its ProviderBreaker, and
/// an open breaker's half-open probe is one health check. A provider is never used before its
/// first check has answered, so a decision asks only availableProviders() and never waits on a
/// server that is down (docs/adr/0128-advisor-provider-pool.md).
class ProviderPool final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderPool)
public:
    ProviderPool(Clock& clock, PoolSettings settings, QObject* parent = nullptr);
    ~ProviderPool() override;

    /// Creates the provider for `settings` (owned by the pool); its index, or why none.
    Result<int> addProvider(const ProviderSettings& settings);
    /// Checks every provider now, then every checkPeriod().
    void start();

    [[nodiscard]] int size() const { return int(m_entries.size()); }
    [[nodiscard]] LlmProvider* provider(int index) const;
    [[nodiscard]] ProviderStatus status(int index) const;
    /// Its advice requests, failures and latencies (the advisor's metrics).
    [[nodiscard]] const ProviderCounters& counters(int index) const;
    /// "ollama llama3.2:latest at http://127.0.0.1:11434": how votes, metrics and the CLI name it.
    [[nodiscard]] QString name(int index) const;
    /// Health checks sent and not answered yet (a simulation waits for them before moving the clock).
    [[nodiscard]] int checksInFlight() const;
    /// The indexes of the providers a decision may ask now.
    [[nodiscard]] QList<int> availableProviders() const;

    /// Whether provider `index`'s first health check is still out: advice asked now waits for it.
    [[nodiscard]] bool firstCheckPending(int index) const;
    /// Asks provider `index` for advice; an unavailable one answers at once with
    /// advisor_provider_unavailable and nothing is sent. Asked while its first check is out, the
    /// request waits for that check's verdict. The outcome feeds the breaker.
    void advise(int index, const AdviceRequest& request, LlmProvider::AdviceCallback done);

Q_SIGNALS:
    /// Provider `index`'s ProviderStatus changed (availability, reason or breaker).
    void statusChanged(int index);
    /// A health check of provider `index` has answered (whatever it said): work has ended.
    void checkAnswered(int index);

private:
    struct Entry;
    void onHealthTick();
    void check(int index);
    void onHealthAnswer(int index, const Result<ProviderHealth>& health);
    void onHealthOverdue(int index);
    void onProbeDue(int index);
    void releaseEarlyAdvice(int index);
    void recordOutage(int index, const Error& error);
    void setUnavailable(int index, const Error& reason);
    void publish(int index);

    Clock& m_clock;
    PoolSettings m_settings;
    std::vector<std::unique_ptr<Entry>> m_entries;
    TimerId m_tick = 0;
};

} // namespace sentinel::advisor

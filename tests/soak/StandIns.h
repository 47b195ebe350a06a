// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FakeAlphaVantage.h"
#include "FakeHttpServer.h"
#include "SoakFacts.h"
#include "common/ManualClock.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSet>

#include <functional>
#include <map>
#include <random>

namespace sentinel::soak {

using test::CannedResponse;
using test::FakeAlphaVantage;
using test::FakeHttpServer;
using test::RecordedRequest;

/// Which faults the stand-ins inject, and how often. Rates are per request; timeouts and stalls
/// are per simulated day, because each costs the provider's whole wall-clock deadline.
struct FaultPlan {
    quint64 seed = 18;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    double providerErrorRate = 0.02; ///< HTTP 500/502/503
    double providerNoteRate = 0.005; ///< the recorded per-minute rate-limit note (HTTP 200): a minute's pause
    double timeoutsPerDay = 1;       ///< accepted, never answered
    double stallsPerDay = 1;         ///< headers, then the body a byte at a time
    double telegram429Rate = 0.10;   ///< the recorded 429 with retry_after
    double telegram500Rate = 0.10;
    double webhookErrorRate = 0.02;  ///< 503 without Retry-After
    /// Deliberate defects that prove a check can fail (docs/soak.md): "telegram-ack-lost",
    /// "webhook-ack-lost", "no-dedupe", "channels-down" are played here.
    QSet<QString> sabotage;
};

/// Every delivery request of the soak, both channels, in arrival order.
class DeliveryLedger
{
public:
    void setRun(int run) { m_run = run; }
    [[nodiscard]] int run() const { return m_run; }
    const DeliveryRequest& record(DeliveryRequest request);
    [[nodiscard]] const QList<DeliveryRequest>& requests() const { return m_requests; }
    [[nodiscard]] qint64 lastSequenceOf(int run) const;

private:
    QList<DeliveryRequest> m_requests;
    int m_run = 0;
};

/// Alpha Vantage as the engine in the child process sees it: FakeAlphaVantage serving a
/// per-instrument price path as of each request's Date (the child's simulated clock), with 5xx
/// answers, timeouts and stalls injected. It also tells the soak where the child's clock is.
class ProviderStandIn
{
public:
    explicit ProviderStandIn(const FaultPlan& plan);

    bool start();
    [[nodiscard]] QUrl baseUrl() const { return m_fake.baseUrl(); }
    /// The child's simulated instant as its latest request said, since the last resetProgress().
    [[nodiscard]] qint64 simulatedNowMs() const { return m_latestMs; }
    [[nodiscard]] qint64 msSinceLastRequest() const { return m_sinceRequest.elapsed(); }
    void resetProgress();
    [[nodiscard]] QJsonObject stats() const;
    /// Seconds a timeout or stall holds the connection (the child's timeout_s cuts it).
    static constexpr int faultHoldSeconds = 1;

private:
    std::optional<CannedResponse> fault(qint64 nowMs);

    FaultPlan m_plan;
    ManualClock m_fallbackClock;
    FakeAlphaVantage m_fake;
    std::mt19937_64 m_random;
    std::multimap<qint64, CannedResponse::Behaviour> m_scheduled; ///< simulated instant → fault not yet played
    qint64 m_latestMs = 0;
    QElapsedTimer m_sinceRequest;
    qint64 m_requests = 0;
    qint64 m_errors = 0;
    qint64 m_notes = 0;
    qint64 m_timeouts = 0;
    qint64 m_stalls = 0;
};

/// What the two delivery stand-ins share: the fault plan, the ledger they record into, the child's
/// simulated clock (for "channels-down"), a loopback server and a seeded random source.
class DeliveryStandIn
{
public:
    bool start() { return m_server.start(); }
    [[nodiscard]] QUrl baseUrl() const { return m_server.baseUrl(); }

protected:
    DeliveryStandIn(const FaultPlan& plan, DeliveryLedger& ledger, std::function<qint64()> simulatedNow, quint64 salt);
    ~DeliveryStandIn() = default;
    Q_DISABLE_COPY_MOVE(DeliveryStandIn)

    /// Whether to fail this request: "channels-down" near the end, or a random fault at `rate`.
    [[nodiscard]] bool failNow(double rate);
    /// The sabotage `name` ("...-ack-lost"), played once after the middle of the range.
    [[nodiscard]] bool ackLostNow(const char* name);

    FaultPlan m_plan;
    DeliveryLedger& m_ledger;
    std::function<qint64()> m_simulatedNow;
    FakeHttpServer m_server;
    std::mt19937_64 m_random;

private:
    bool m_ackLostPlayed = false;
};

/// The Telegram Bot API's sendMessage, answering with the recorded bodies: ok, 429 with
/// retry_after, 500. Only the configured token's path answers; any other is the recorded 401.
class TelegramStandIn final : public DeliveryStandIn
{
public:
    TelegramStandIn(const FaultPlan& plan, DeliveryLedger& ledger, QString token, std::function<qint64()> simulatedNow);
    [[nodiscard]] QJsonObject stats() const;

private:
    CannedResponse sendMessage(const RecordedRequest& request);

    qint64 m_answered429 = 0;
    qint64 m_answered500 = 0;
    qint64 m_wrongToken = 0;
};

/// The webhook receiver: checks each POST's signature, records its Idempotency-Key and signal
/// id, answers 200 (or 503 at random). Deduplication by key is the checks' business.
class WebhookReceiver final : public DeliveryStandIn
{
public:
    WebhookReceiver(const FaultPlan& plan, DeliveryLedger& ledger, QByteArray secret, std::function<qint64()> simulatedNow);
    [[nodiscard]] QUrl url() const;
    [[nodiscard]] QJsonObject stats() const;

private:
    CannedResponse receive(const RecordedRequest& request);

    QByteArray m_secret;
    qint64 m_answered503 = 0;
};

/// The price of `instrument` at `ms`: two slow waves and a little per-minute noise, all derived
/// from the instrument's name and the seed, so every request and every restart sees the same bars.
[[nodiscard]] double soakPrice(const Instrument& instrument, qint64 ms, quint64 seed);

} // namespace sentinel::soak

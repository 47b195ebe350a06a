// SPDX-License-Identifier: GPL-3.0-or-later
#include "StandIns.h"

#include "TestData.h"
#include "common/Interval.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <cmath>
#include <numbers>

namespace sentinel::soak {

namespace {

constexpr qint64 dayMs = 86'400'000;

bool chance(std::mt19937_64& random, double probability)
{
    return probability > 0 && std::uniform_real_distribution<double>(0.0, 1.0)(random) < probability;
}

CannedResponse recorded(const QString& relative, int status)
{
    return CannedResponse::fromFile(test::dataPath(relative), status);
}

} // namespace

double soakPrice(const Instrument& instrument, qint64 ms, quint64 seed)
{
    const size_t h = qHash(instrument.key(), size_t(seed));
    double base = 100.0;
    double amplitude = 0.01;
    switch (instrument.assetClass()) {
    case AssetClass::Fx: base = 0.8 + double(h % 700) / 1000.0; amplitude = 0.004; break;
    case AssetClass::Crypto: base = 20.0 + double(h % 60000); amplitude = 0.02; break;
    case AssetClass::Equity: base = 40.0 + double(h % 400); amplitude = 0.01; break;
    }
    const double hours = double(ms) / 3'600'000.0;
    const double slow = 29.0 + double((h >> 8) % 71);  // hours per cycle
    const double fast = 5.0 + double((h >> 16) % 37);
    const double phase = double((h >> 24) % 628) / 100.0;
    // Noise that depends only on the minute, so a bar has the same price in every answer.
    const size_t minute = qHash(quint64(ms / 60'000), h);
    const double noise = (double(minute % 2001) - 1000.0) / 1000.0;
    const double twoPi = 2.0 * std::numbers::pi;
    return base * (1.0 + amplitude * std::sin(twoPi * hours / slow + phase) + 0.5 * amplitude * std::sin(twoPi * hours / fast)
                   + 0.05 * amplitude * noise);
}

// ---- ledger ------------------------------------------------------------------------------------

const DeliveryRequest& DeliveryLedger::record(DeliveryRequest request)
{
    request.sequence = m_requests.size() + 1;
    request.run = m_run;
    m_requests.append(std::move(request));
    return m_requests.constLast();
}

qint64 DeliveryLedger::lastSequenceOf(int run) const
{
    for (auto it = m_requests.crbegin(); it != m_requests.crend(); ++it) {
        if (it->run == run)
            return it->sequence;
        if (it->run < run)
            break;
    }
    return 0;
}

// ---- provider ----------------------------------------------------------------------------------

ProviderStandIn::ProviderStandIn(const FaultPlan& plan)
    : m_plan(plan), m_fallbackClock(QDateTime::fromMSecsSinceEpoch(plan.fromMs, Qt::UTC)), m_fake(m_fallbackClock),
      m_random(plan.seed ^ 0x70726f7669646572ULL)
{
    m_fake.setRecording(false);
    m_fake.setNowFromRequestDate(true);
    m_fake.setPricePath([seed = plan.seed](const Instrument& instrument, qint64 ms) { return soakPrice(instrument, ms, seed); });
    m_fake.setFaultInjector([this](const RecordedRequest&, qint64 nowMs) { return fault(nowMs); });
    // Timeouts and stalls at seeded instants of each simulated day; each is played once, by the
    // first request at or after its instant (a restart that goes back in time does not replay it).
    const auto scheduleDaily = [this](double perDay, CannedResponse::Behaviour behaviour) {
        for (qint64 day = m_plan.fromMs; day < m_plan.toMs; day += dayMs) {
            int count = int(perDay);
            if (chance(m_random, perDay - count))
                ++count;
            for (int i = 0; i < count; ++i) {
                const qint64 at = day + std::uniform_int_distribution<qint64>(0, dayMs - 1)(m_random);
                if (at < m_plan.toMs)
                    m_scheduled.emplace(at, behaviour);
            }
        }
    };
    scheduleDaily(plan.timeoutsPerDay, CannedResponse::Behaviour::Stall);
    scheduleDaily(plan.stallsPerDay, CannedResponse::Behaviour::Trickle);
    m_sinceRequest.start();
}

bool ProviderStandIn::start()
{
    return m_fake.start();
}

void ProviderStandIn::resetProgress()
{
    m_latestMs = 0;
    m_sinceRequest.restart();
}

std::optional<CannedResponse> ProviderStandIn::fault(qint64 nowMs)
{
    ++m_requests;
    m_latestMs = std::max(m_latestMs, nowMs);
    m_sinceRequest.restart();
    if (!m_scheduled.empty() && m_scheduled.begin()->first <= nowMs) {
        CannedResponse held;
        held.behaviour = m_scheduled.begin()->second;
        m_scheduled.erase(m_scheduled.begin());
        if (held.behaviour == CannedResponse::Behaviour::Trickle) {
            ++m_stalls;
            held.body = QByteArray(4096, ' ');
            held.trickleIntervalMs = 400; // well under the deadline: only the total deadline ends it
        } else {
            ++m_timeouts;
        }
        return held;
    }
    if (chance(m_random, m_plan.providerNoteRate)) {
        ++m_notes;
        return recorded(QStringLiteral("alphavantage/note_rate_limit_5_per_minute_legacy.json"), 200);
    }
    if (chance(m_random, m_plan.providerErrorRate)) {
        ++m_errors;
        static const int statuses[] = {500, 502, 503};
        CannedResponse failing;
        failing.status = statuses[std::uniform_int_distribution<int>(0, 2)(m_random)];
        failing.contentType = "text/html";
        failing.body = "<html><body><h1>" + QByteArray::number(failing.status) + "</h1>The server is temporarily unable to service your request.</body></html>";
        return failing;
    }
    return std::nullopt;
}

QJsonObject ProviderStandIn::stats() const
{
    return {{QStringLiteral("requests"), m_requests},
            {QStringLiteral("http_5xx"), m_errors},
            {QStringLiteral("rate_limit_notes"), m_notes},
            {QStringLiteral("timeouts"), m_timeouts},
            {QStringLiteral("stalls"), m_stalls},
            {QStringLiteral("unanswerable"), m_fake.unanswerable().size()}};
}

// ---- delivery stand-ins ------------------------------------------------------------------------

DeliveryStandIn::DeliveryStandIn(const FaultPlan& plan, DeliveryLedger& ledger, std::function<qint64()> simulatedNow,
                                 quint64 salt)
    : m_plan(plan), m_ledger(ledger), m_simulatedNow(std::move(simulatedNow)), m_random(plan.seed ^ salt)
{
    m_server.setRecording(false);
}

bool DeliveryStandIn::failNow(double rate)
{
    // "channels-down": every delivery fails from two simulated hours before the end.
    if (m_plan.sabotage.contains(QStringLiteral("channels-down")) && m_simulatedNow() >= m_plan.toMs - 2 * 3'600'000)
        return true;
    return chance(m_random, rate);
}

bool DeliveryStandIn::ackLostNow(const char* name)
{
    if (m_ackLostPlayed || !m_plan.sabotage.contains(QString::fromLatin1(name))
        || m_simulatedNow() < m_plan.fromMs + (m_plan.toMs - m_plan.fromMs) / 2)
        return false;
    m_ackLostPlayed = true;
    return true;
}

TelegramStandIn::TelegramStandIn(const FaultPlan& plan, DeliveryLedger& ledger, QString token, std::function<qint64()> simulatedNow)
    : DeliveryStandIn(plan, ledger, std::move(simulatedNow), 0x74656c656772616dULL)
{
    const QByteArray bot = "/bot" + token.toLatin1();
    m_server.route(bot + "/sendMessage", [this](const RecordedRequest& request) { return sendMessage(request); });
    m_server.route(bot + "/getMe", recorded(QStringLiteral("telegram/ok_getme.json"), 200));
    m_server.route(bot + "/getChat", recorded(QStringLiteral("telegram/ok_getchat.json"), 200));
    m_server.setFallback([this](const RecordedRequest&) {
        ++m_wrongToken;
        return recorded(QStringLiteral("telegram/error_401_unauthorized.json"), 401);
    });
}

CannedResponse TelegramStandIn::sendMessage(const RecordedRequest& request)
{
    // The formatter writes "signal <id>" in every message (MarkdownV2 escapes the dashes).
    static const QRegularExpression idPattern(QStringLiteral(R"(signal ([0-9A-Za-z\\_.-]+))"));
    const QString text = QJsonDocument::fromJson(request.body).object().value(u"text").toString();
    QString signalId = idPattern.match(text).captured(1);
    signalId.remove(u'\\');
    DeliveryRequest delivery;
    delivery.channel = DeliveryRequest::Channel::Telegram;
    delivery.signalId = signalId;
    if (failNow(m_plan.telegram500Rate)) {
        m_ledger.record(delivery);
        ++m_answered500;
        return recorded(QStringLiteral("telegram/error_500_internal.json"), 500);
    }
    if (chance(m_random, m_plan.telegram429Rate)) {
        m_ledger.record(delivery);
        ++m_answered429;
        return recorded(QStringLiteral("telegram/error_429_retry_after.json"), 429);
    }
    delivery.accepted = true;
    m_ledger.record(delivery);
    if (ackLostNow("telegram-ack-lost")) {
        // Sabotage: the message reached the chat, the answer says it did not.
        ++m_answered500;
        return recorded(QStringLiteral("telegram/error_500_internal.json"), 500);
    }
    return recorded(QStringLiteral("telegram/ok_sendmessage.json"), 200);
}

QJsonObject TelegramStandIn::stats() const
{
    return {{QStringLiteral("answered_429"), m_answered429},
            {QStringLiteral("answered_500"), m_answered500},
            {QStringLiteral("wrong_token"), m_wrongToken}};
}

// ---- webhook ----------------------------------------------------------------------------------

WebhookReceiver::WebhookReceiver(const FaultPlan& plan, DeliveryLedger& ledger, QByteArray secret, std::function<qint64()> simulatedNow)
    : DeliveryStandIn(plan, ledger, std::move(simulatedNow), 0x776562686f6f6bULL), m_secret(std::move(secret))
{
    m_server.route("/hook", [this](const RecordedRequest& request) { return receive(request); });
}

QUrl WebhookReceiver::url() const
{
    return baseUrl().resolved(QUrl(QStringLiteral("/hook")));
}

CannedResponse WebhookReceiver::receive(const RecordedRequest& request)
{
    DeliveryRequest delivery;
    delivery.channel = DeliveryRequest::Channel::Webhook;
    delivery.idempotencyKey = request.headers.value("idempotency-key");
    delivery.signalId = QJsonDocument::fromJson(request.body).object().value(u"id").toString();
    const QByteArray expected =
        "sha256=" + QMessageAuthenticationCode::hash(request.body, m_secret, QCryptographicHash::Sha256).toHex();
    delivery.signatureValid = request.headers.value("x-sentinel-signature") == expected;
    if (!delivery.signatureValid) {
        m_ledger.record(delivery);
        return CannedResponse::json(R"({"error":"bad signature"})", 401);
    }
    if (failNow(m_plan.webhookErrorRate)) {
        m_ledger.record(delivery);
        ++m_answered503;
        return CannedResponse::json(R"({"error":"unavailable"})", 503);
    }
    delivery.accepted = true;
    m_ledger.record(delivery);
    if (ackLostNow("webhook-ack-lost")) {
        // Sabotage: processed, but the answer says otherwise; the sender retries with the same key.
        ++m_answered503;
        return CannedResponse::json(R"({"error":"unavailable"})", 503);
    }
    return CannedResponse::json(R"({"ok":true})");
}

QJsonObject WebhookReceiver::stats() const
{
    return {{QStringLiteral("answered_503"), m_answered503}};
}

} // namespace sentinel::soak

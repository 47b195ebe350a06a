// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "config/Config.h"
#include "market/MarketSchedule.h"
#include "providers/AlphaVantageParser.h"
#include "providers/MarketDataProvider.h"
#include "providers/RateLimiter.h"

#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkReply;

namespace sentinel {

/// Alpha Vantage over HTTPS. Every request goes through one RateLimiter (the key's limits) and
/// is aborted by a Clock timer after `timeout`; the body is parsed by parseAlphaVantage and
/// errors come back typed (providers/ProviderError.h). The network manager is created lazily
/// in this object's thread, so construct or move the provider into the engine thread first.
/// TLS errors are never ignored. The API key travels in the query string and is never logged:
/// log lines use the URL without it.
class AlphaVantageProvider final : public MarketDataProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlphaVantageProvider)
public:
    AlphaVantageProvider(Clock& clock, AlphaVantageSettings settings, QObject* parent = nullptr);
    ~AlphaVantageProvider() override;

    [[nodiscard]] QString name() const override { return QStringLiteral("alpha_vantage"); }
    void fetchBars(const BarRequest& request, BarsCallback done) override;
    void fetchIndicator(const IndicatorRequest& request, IndicatorCallback done) override;
    void fetchNewsSentiment(const NewsRequest& request, NewsCallback done) override;

    using EconomicSeriesCallback = std::function<void(const Result<AlphaVantageEconomicSeries>&)>;
    /// An economic indicator such as FEDERAL_FUNDS_RATE or CPI at `interval` ("monthly"), through
    /// the same limiter and daily quota as every other request of this key.
    void fetchEconomicSeries(const QString& function, const QString& interval, const QDateTime& dueAt,
                             EconomicSeriesCallback done);
    /// Whether a key is configured; without one every request fails at once and sends nothing.
    [[nodiscard]] bool hasApiKey() const { return !m_settings.apiKey.isEmpty(); }

    /// Tells which intraday bars lie in the regular session (extended-hours flag). Null: the
    /// parser's NYSE default for equities. The schedule must outlive the provider.
    void setSchedule(const MarketSchedule* schedule) { m_schedule = schedule; }

    /// Alpha Vantage serves a bar about a minute after it closes.
    [[nodiscard]] std::chrono::milliseconds publicationDelay() const override { return std::chrono::seconds{60}; }
    [[nodiscard]] ProviderQuota quota() const override;
    /// Desks on one API key share its per-minute window.
    void shareRateBudget(const std::shared_ptr<SharedRateBudget>& shared) override;
    [[nodiscard]] int requestsWaitingForClock() const override { return m_limiter->waitingForClock(); }
    [[nodiscard]] RateLimiter& rateLimiter() { return *m_limiter; }

    /// The largest answer read; the biggest full-history series is a few megabytes.
    static constexpr qint64 maxBodyBytes = qint64{16} * 1024 * 1024;

    /// The URL a log line may show: the request URL without its apikey.
    [[nodiscard]] static QString loggableUrl(const QUrl& url);

private:
    using ParsedCallback = std::function<void(Result<AlphaVantageResponse>)>;
    void send(const QString& function, QUrlQuery query, const QDateTime& dueAt,
              std::function<bool(const QDateTime&)> regularSession, ParsedCallback done);
    void start(const QString& function, const QUrlQuery& query, std::function<bool(const QDateTime&)> regularSession,
               ParsedCallback done);
    void finish(QNetworkReply* reply, const QString& function, bool timedOut,
                const std::function<bool(const QDateTime&)>& regularSession, const ParsedCallback& done);
    [[nodiscard]] Error transportError(QNetworkReply* reply, bool timedOut) const;

    Clock& m_clock;
    AlphaVantageSettings m_settings;
    RateLimiter* m_limiter;
    QNetworkAccessManager* m_network = nullptr;
    const MarketSchedule* m_schedule = nullptr;
};

} // namespace sentinel

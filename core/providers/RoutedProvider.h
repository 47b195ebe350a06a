// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/MarketDataProvider.h"

#include <functional>
#include <memory>
#include <vector>

namespace sentinel {

/// One desk, several feeds: each instrument's requests go to the provider its watchlist row
/// names (`watchlist[i].provider`, ADR 0117), so a desk can watch FX on OANDA and equities on
/// Alpha Vantage. Owns the providers; statistics add up, quotas are the first quota-keeping
/// feed's, alerts pass through. Indicators and news go to the default feed (the first).
class RoutedProvider final : public MarketDataProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoutedProvider)
public:
    /// Index into the providers for an instrument; out of range means the default (0).
    using Route = std::function<std::size_t(const Instrument&)>;

    RoutedProvider(std::vector<std::unique_ptr<MarketDataProvider>> providers, Route route, QObject* parent = nullptr);
    ~RoutedProvider() override;

    [[nodiscard]] QString name() const override;
    void fetchBars(const BarRequest& request, BarsCallback done) override;
    void fetchIndicator(const IndicatorRequest& request, IndicatorCallback done) override;
    void fetchNewsSentiment(const NewsRequest& request, NewsCallback done) override;

    [[nodiscard]] ProviderStats stats() const override;
    [[nodiscard]] std::optional<StreamState> streamStateFor(const Instrument& instrument) const override;
    [[nodiscard]] QString feedNameFor(const Instrument& instrument) const override;
    [[nodiscard]] QList<const MarketDataProvider*> feeds() const override;
    void shareRateBudget(const std::shared_ptr<SharedRateBudget>& shared) override;
    /// The longest of the feeds' delays: a bar is asked for once every feed could have it.
    [[nodiscard]] std::chrono::milliseconds publicationDelay() const override;
    [[nodiscard]] int requestsWaitingForClock() const override;
    [[nodiscard]] ProviderQuota quota() const override;

    [[nodiscard]] MarketDataProvider& providerFor(const Instrument& instrument) const;

private:
    std::vector<std::unique_ptr<MarketDataProvider>> m_providers;
    Route m_route;
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/RoutedProvider.h"

#include <QStringList>

#include <algorithm>
#include <cassert>

namespace sentinel {

RoutedProvider::RoutedProvider(std::vector<std::unique_ptr<MarketDataProvider>> providers, Route route, QObject* parent)
    : MarketDataProvider(parent), m_providers(std::move(providers)), m_route(std::move(route))
{
    assert(!m_providers.empty());
    for (const auto& provider : m_providers)
    {
        connect(provider.get(), &MarketDataProvider::alertRaised, this, &MarketDataProvider::alertRaised);
        connect(provider.get(), &MarketDataProvider::barPublished, this, &MarketDataProvider::barPublished);
        connect(provider.get(), &MarketDataProvider::streamStateChanged, this, &MarketDataProvider::streamStateChanged);
    }
}

RoutedProvider::~RoutedProvider() = default;

QString RoutedProvider::name() const
{
    QStringList names;
    for (const auto& provider : m_providers)
        names << provider->name();
    return names.join(u'+');
}

MarketDataProvider& RoutedProvider::providerFor(const Instrument& instrument) const
{
    const std::size_t index = m_route ? m_route(instrument) : 0;
    return *m_providers[index < m_providers.size() ? index : 0];
}

void RoutedProvider::fetchBars(const BarRequest& request, BarsCallback done)
{
    providerFor(request.instrument).fetchBars(request, std::move(done));
}

void RoutedProvider::fetchIndicator(const IndicatorRequest& request, IndicatorCallback done)
{
    m_providers.front()->fetchIndicator(request, std::move(done));
}

void RoutedProvider::fetchNewsSentiment(const NewsRequest& request, NewsCallback done)
{
    m_providers.front()->fetchNewsSentiment(request, std::move(done));
}

std::optional<StreamState> RoutedProvider::streamStateFor(const Instrument& instrument) const
{
    return providerFor(instrument).streamStateFor(instrument);
}

QString RoutedProvider::feedNameFor(const Instrument& instrument) const
{
    return providerFor(instrument).feedNameFor(instrument);
}

QList<const MarketDataProvider*> RoutedProvider::feeds() const
{
    QList<const MarketDataProvider*> all;
    for (const auto& provider : m_providers)
        all += provider->feeds();
    return all;
}

void RoutedProvider::shareRateBudget(const std::shared_ptr<SharedRateBudget>& shared)
{
    for (const auto& provider : m_providers)
        provider->shareRateBudget(shared);
}

ProviderStats RoutedProvider::stats() const
{
    ProviderStats total;
    for (const auto& provider : m_providers) {
        const ProviderStats one = provider->stats();
        total.requests += one.requests;
        total.failures += one.failures;
        total.streamMessages += one.streamMessages;
        total.streamDrops += one.streamDrops;
        for (auto it = one.requestsByEndpoint.cbegin(); it != one.requestsByEndpoint.cend(); ++it)
            total.requestsByEndpoint[it.key()] += it.value();
    }
    return total;
}

std::chrono::milliseconds RoutedProvider::publicationDelay() const
{
    std::chrono::milliseconds longest{0};
    for (const auto& provider : m_providers)
        longest = std::max(longest, provider->publicationDelay());
    return longest;
}

int RoutedProvider::requestsWaitingForClock() const
{
    int waiting = 0;
    for (const auto& provider : m_providers)
        waiting += provider->requestsWaitingForClock();
    return waiting;
}

ProviderQuota RoutedProvider::quota() const
{
    // The Caches panel shows one quota: the one that can run out (Alpha Vantage's daily budget).
    for (const auto& provider : m_providers) {
        ProviderQuota quota = provider->quota();
        if (quota.dailyLimit > 0)
            return quota;
    }
    return ProviderQuota{int(stats().requests), 0, {}};
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/MarketDataProvider.h"

#include <functional>

namespace sentinel {

/// Sits between the bar cache and the real provider and counts what actually goes upstream:
/// every request, and those made while the instrument's market could not have published a bar
/// (the run summary's api_calls_while_closed). Counting at this boundary measures the whole
/// stack — schedule, cache, watchdog — rather than trusting any one of them.
class MeteredProvider final : public MarketDataProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MeteredProvider)
public:
    /// `marketWasOpen(instrument)` says whether the instrument's market was open at some point
    /// since a bar could last have been published (the engine asks its calendar).
    using OpenCheck = std::function<bool(const Instrument& instrument)>;

    MeteredProvider(MarketDataProvider& upstream, OpenCheck marketWasOpen, QObject* parent = nullptr);

    [[nodiscard]] QString name() const override { return m_upstream.name(); }
    void fetchBars(const BarRequest& request, BarsCallback done) override;
    /// Not bars: passed through uncounted (they are published on no bar schedule).
    void fetchIndicator(const IndicatorRequest& request, IndicatorCallback done) override
    {
        m_upstream.fetchIndicator(request, std::move(done));
    }
    void fetchNewsSentiment(const NewsRequest& request, NewsCallback done) override
    {
        m_upstream.fetchNewsSentiment(request, std::move(done));
    }
    [[nodiscard]] ProviderStats stats() const override { return m_upstream.stats(); }
    [[nodiscard]] std::optional<StreamState> streamStateFor(const Instrument& instrument) const override
    {
        return m_upstream.streamStateFor(instrument);
    }
    [[nodiscard]] QString feedNameFor(const Instrument& instrument) const override { return m_upstream.feedNameFor(instrument); }
    [[nodiscard]] QList<const MarketDataProvider*> feeds() const override { return m_upstream.feeds(); }
    [[nodiscard]] std::chrono::milliseconds publicationDelay() const override { return m_upstream.publicationDelay(); }
    [[nodiscard]] ProviderQuota quota() const override { return m_upstream.quota(); }

    [[nodiscard]] qint64 requestsWhileClosed() const { return m_whileClosed; }

private:
    MarketDataProvider& m_upstream;
    OpenCheck m_marketWasOpen;
    qint64 m_whileClosed = 0;
};

} // namespace sentinel

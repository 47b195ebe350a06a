// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/MeteredProvider.h"

#include "common/Log.h"

namespace sentinel {

MeteredProvider::MeteredProvider(MarketDataProvider& upstream, OpenCheck marketWasOpen, QObject* parent)
    : MarketDataProvider(parent), m_upstream(upstream), m_marketWasOpen(std::move(marketWasOpen))
{
    connect(&m_upstream, &MarketDataProvider::alertRaised, this, &MarketDataProvider::alertRaised);
    connect(&m_upstream, &MarketDataProvider::barPublished, this, &MarketDataProvider::barPublished);
    connect(&m_upstream, &MarketDataProvider::streamStateChanged, this, &MarketDataProvider::streamStateChanged);
}

void MeteredProvider::fetchBars(const BarRequest& request, BarsCallback done)
{
    if (!m_marketWasOpen(request.instrument)) {
        ++m_whileClosed;
        log::net()->debug("{}: request while its market is closed", request.instrument.key());
    }
    m_upstream.fetchBars(request, std::move(done));
}

} // namespace sentinel

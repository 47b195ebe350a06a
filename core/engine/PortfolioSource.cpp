// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/PortfolioSource.h"

#include "engine/EngineContext.h"
#include "engine/PositionCheck.h"
#include "trading/TradingPlatform.h"

namespace sentinel {

PortfolioSource::PortfolioSource(EngineContext& context, TradingPlatform& platform,
                                 TtlCache<quint64, PortfolioSnapshot>& cache)
    : m_context(context), m_platform(platform), m_cache(cache)
{
}

PortfolioSource::~PortfolioSource() = default;

void PortfolioSource::setPositionCheck(std::unique_ptr<PositionCheck> check)
{
    m_positionCheck = std::move(check);
}

void PortfolioSource::withPortfolio(Done done)
{
    const auto cycleId = quint64(m_context.clock.nowMs());
    m_cache.get(
        cycleId,
        [this](PerCycleCache<PortfolioSnapshot>::Cache::Resolve resolve) {
            ++m_context.stats.portfolioCalls;
            m_context.work.begin();
            m_platform.fetchPortfolio([this, resolve = std::move(resolve)](const Result<PortfolioSnapshot>& portfolio) {
                if (portfolio && m_positionCheck)
                    m_positionCheck->compare(*portfolio);
                resolve(portfolio, QDateTime());
                m_context.work.end();
            });
        },
        std::move(done));
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/PerCycleCache.h"
#include "trading/Portfolio.h"

#include <functional>
#include <memory>

namespace sentinel {

class PositionCheck;
class TradingPlatform;
struct EngineContext;

/// The account as the engine's steps read it: one platform read per engine instant, shared by
/// every instrument whose bar closes then, and read afresh after a fill.
class PortfolioSource final
{
public:
    using Done = std::function<void(const Result<PortfolioSnapshot>&)>;

    PortfolioSource(EngineContext& context, TradingPlatform& platform, TtlCache<quint64, PortfolioSnapshot>& cache);
    ~PortfolioSource();
    PortfolioSource(const PortfolioSource&) = delete;
    PortfolioSource& operator=(const PortfolioSource&) = delete;

    void withPortfolio(Done done);
    /// A trade executed or filled: the next read goes to the platform.
    void invalidate() { m_cache.invalidate(); }
    /// Every successful read of the platform is also held against the journal (broker accounts).
    void setPositionCheck(std::unique_ptr<PositionCheck> check);

private:
    EngineContext& m_context;
    TradingPlatform& m_platform;
    PerCycleCache<PortfolioSnapshot> m_cache;
    std::unique_ptr<PositionCheck> m_positionCheck;
};

} // namespace sentinel

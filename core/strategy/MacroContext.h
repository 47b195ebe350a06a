// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "strategy/AdvisorContext.h"
#include "strategy/ContextCache.h"

#include <QPointer>

namespace sentinel {

class AlphaVantageProvider;
struct AlphaVantageEconomicSeries;

/// The "macro" section: the latest monthly value and date of Alpha Vantage's FEDERAL_FUNDS_RATE
/// and CPI, e.g. `macro: federal funds rate 4.33 % (2025-05-01); CPI 320.58 (2025-04-01)`. Each
/// series is kept in the `macro` cache under its function name and asked through the key's one
/// AlphaVantageProvider (its limiter and daily quota); the section is there only when both are,
/// and is left out without a request when no key is configured (ADR 0129).
class MacroContext final : public AdvisorContextSource
{
public:
    /// `cache` must outlive this source; `provider` may be null (no key: always left out).
    MacroContext(ContextTextCache& cache, AlphaVantageProvider* provider);

    [[nodiscard]] QString name() const override;
    void gather(const ContextQuestion& question, Done done) override;

    /// "<label> <latest value>[ %] (<its date>)" for a series in monthly steps; an error for
    /// another interval (an answer to another question).
    [[nodiscard]] static Result<QString> describe(const QString& label, const AlphaVantageEconomicSeries& series);

private:
    ContextTextCache& m_cache;
    QPointer<AlphaVantageProvider> m_provider;
};

} // namespace sentinel

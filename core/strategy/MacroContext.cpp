// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/MacroContext.h"

#include "cache/CacheRegistry.h"
#include "providers/AlphaVantageProvider.h"
#include "strategy/AlphaVantageAccess.h"
#include "strategy/StrategySupport.h"

#include <array>
#include <optional>

namespace sentinel {

namespace {

struct MacroSeries {
    QStringView function; ///< the Alpha Vantage function, also the cache key
    QStringView label;    ///< how the section names it
};

/// In the order the section lists them.
constexpr std::array<MacroSeries, 2> kSeries{{{u"FEDERAL_FUNDS_RATE", u"federal funds rate"}, {u"CPI", u"CPI"}}};
constexpr QStringView kInterval = u"monthly";

/// The answers of one question, one per series, until all are in.
struct Join {
    std::array<std::optional<Result<QString>>, kSeries.size()> parts;
    AdvisorContextSource::Done done;
};

Result<QString> joined(const Join& join)
{
    QStringList texts;
    for (std::size_t i = 0; i < kSeries.size(); ++i) {
        const Result<QString>& part = *join.parts[i];
        if (!part.ok())
            return Error(part.error().kind, kSeries[i].label.toString() + u": " + part.error().message, part.error().remedy);
        texts << part.value();
    }
    return QString(QStringLiteral("macro: ") + texts.join(QStringLiteral("; ")));
}

} // namespace

MacroContext::MacroContext(ContextTextCache& cache, AlphaVantageProvider* provider) : m_cache(cache), m_provider(provider)
{
}

QString MacroContext::name() const
{
    return cachenames::macro.toString();
}

Result<QString> MacroContext::describe(const QString& label, const AlphaVantageEconomicSeries& series)
{
    if (series.interval != kInterval)
        return Error(QString::fromUtf16(contextError::Unexpected),
                     QStringLiteral("asked for %1 %2 values, the answer is in %3 steps")
                         .arg(kInterval.toString(), label, series.interval.isEmpty() ? QStringLiteral("unnamed") : series.interval));
    if (series.points.isEmpty()) // the parser refuses such a series; kept so this never reads past it
        return Error(QString::fromUtf16(contextError::Unexpected), QStringLiteral("the %1 series holds no value").arg(label));
    const EconomicPoint& latest = series.points.last();
    const QString unit = series.unit.compare(u"percent", Qt::CaseInsensitive) == 0 ? QStringLiteral(" %") : QString();
    // formatPrice: up to 8 significant digits and no trailing zeros, as the service wrote it.
    return QStringLiteral("%1 %2%3 (%4)").arg(label, strategy::formatPrice(latest.value), unit,
                                             latest.date.toString(Qt::ISODate));
}

void MacroContext::gather(const ContextQuestion& /*question*/, Done done)
{
    // Without a key the cache can never hold anything: no lookup, no request.
    if (auto why = alphaVantageNotConfigured(m_provider))
        return done(*why);
    auto join = std::make_shared<Join>();
    join->done = std::move(done);
    for (std::size_t i = 0; i < kSeries.size(); ++i) {
        const MacroSeries series = kSeries[i];
        gatherThrough(
            m_cache, series.function.toString(),
            [provider = m_provider, series](const Done& answer) {
                if (auto why = alphaVantageNotConfigured(provider))
                    return answer(*why);
                if (auto why = alphaVantageQuotaUsedUp(*provider))
                    return answer(*why);
                provider->fetchEconomicSeries(series.function.toString(), kInterval.toString(), QDateTime(),
                                              [answer, series](const Result<AlphaVantageEconomicSeries>& result) {
                                                  answer(result ? describe(series.label.toString(), *result)
                                                                : Result<QString>(result.error()));
                                              });
            },
            [join, i](const Result<QString>& text) {
                join->parts[i] = text;
                for (const auto& part : join->parts) {
                    if (!part)
                        return;
                }
                join->done(joined(*join));
            });
    }
}

} // namespace sentinel

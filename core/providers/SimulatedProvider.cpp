// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/SimulatedProvider.h"

#include "providers/ProviderError.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sentinel {

namespace {

constexpr qint64 minuteMs = qint64{60} * 1000;
constexpr qint64 dayMs = 1440 * minuteMs;
constexpr double yearDays = 365.25;

quint64 mix(quint64 x)
{
    // splitmix64 finaliser: a well-spread 64-bit hash of its input.
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

quint64 hashText(const QString& text)
{
    quint64 h = 0xCBF29CE484222325ULL; // FNV-1a over UTF-16 code units
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 0x100000001B3ULL;
    }
    return h;
}

quint64 combine(std::initializer_list<quint64> parts)
{
    quint64 h = 0x2545F4914F6CDD1DULL;
    for (const quint64 part : parts)
        h = mix(h ^ part);
    return h;
}

double uniform(quint64 h)
{
    return (double(h >> 11) + 0.5) / double(1ULL << 53); // (0, 1)
}

double gaussian(quint64 h)
{
    // Box–Muller from two independent uniforms derived from one hash.
    const double u1 = uniform(mix(h ^ 0x1234));
    const double u2 = uniform(mix(h ^ 0x9876));
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

SimulatedProvider::SimulatedProvider(Clock& clock, quint64 seed, QObject* parent)
    : MarketDataProvider(parent), m_clock(clock), m_seed(seed)
{
}

bool SimulatedProvider::inSession(const Instrument& instrument, const QDateTime& barOpen) const
{
    return m_schedule ? m_schedule->barInSession(instrument, barOpen) : defaultSession(instrument, barOpen);
}

bool SimulatedProvider::defaultSession(const Instrument& instrument, const QDateTime& barOpen)
{
    const QDateTime t = barOpen.toUTC();
    const int weekday = t.date().dayOfWeek(); // 1 = Monday
    const int minute = t.time().hour() * 60 + t.time().minute();
    const bool daily = instrument.interval == Interval::Daily;
    switch (instrument.assetClass()) {
    case AssetClass::Crypto:
        return true;
    case AssetClass::Fx:
        if (daily)
            return weekday <= 5;
        if (weekday == 6)
            return false;
        if (weekday == 5)
            return minute < 21 * 60;
        if (weekday == 7)
            return minute >= 21 * 60;
        return true;
    case AssetClass::Equity:
        return weekday <= 5 && (daily || (minute >= 14 * 60 + 30 && minute < 21 * 60));
    }
    return false;
}

double SimulatedProvider::startPrice(const QString& symbol, AssetClass assetClass)
{
    static const QHash<QString, double> known{
        {QStringLiteral("EUR/USD"), 1.08},  {QStringLiteral("GBP/USD"), 1.27},   {QStringLiteral("USD/JPY"), 150.0},
        {QStringLiteral("USD/CHF"), 0.90},  {QStringLiteral("AUD/USD"), 0.66},   {QStringLiteral("USD/CAD"), 1.36},
        {QStringLiteral("BTC/USD"), 65000}, {QStringLiteral("ETH/USD"), 3500},   {QStringLiteral("SOL/USD"), 150},
        {QStringLiteral("AAPL"), 190},      {QStringLiteral("MSFT"), 410},       {QStringLiteral("GOOGL"), 170},
        {QStringLiteral("AMZN"), 180},      {QStringLiteral("NVDA"), 900},       {QStringLiteral("TSLA"), 180},
        {QStringLiteral("IBM"), 170},       {QStringLiteral("SPY"), 520},
    };
    const QString key = symbol.trimmed().toUpper();
    if (const auto it = known.constFind(key); it != known.constEnd())
        return it.value();
    // Log-uniform within the class's usual range, fixed by the symbol.
    const double u = uniform(mix(hashText(key)));
    const auto [low, high] = assetClass == AssetClass::Fx       ? std::pair{0.5, 2.0}
                             : assetClass == AssetClass::Crypto ? std::pair{0.1, 1000.0}
                                                                : std::pair{10.0, 500.0};
    return std::exp(std::log(low) + u * (std::log(high) - std::log(low)));
}

double SimulatedProvider::annualVolatility(AssetClass assetClass)
{
    switch (assetClass) {
    case AssetClass::Fx: return 0.08;
    case AssetClass::Crypto: return 0.65;
    case AssetClass::Equity: return 0.25;
    }
    return 0.2;
}

double SimulatedProvider::dayAnchor(const Instrument& instrument, qint64 day) const
{
    // Sum of interpolated noise at scales of 1, 2, 4, ... 256 days; the amplitude of each
    // scale grows with its square root, like a random walk's spread, so over days and weeks
    // the anchors move like GBM with the class's volatility, but the sum is bounded over years.
    const double dailySigma = annualVolatility(instrument.assetClass()) / std::sqrt(yearDays);
    const quint64 symbolHash = hashText(instrument.symbol.toUpper());
    double logPrice = std::log(startPrice(instrument.symbol, instrument.assetClass()));
    for (int octave = 0; octave < 9; ++octave) {
        const qint64 span = qint64(1) << octave;
        const qint64 knot = floorDiv(day, span);
        const double frac = double(day - knot * span) / double(span);
        const double a = gaussian(combine({m_seed, symbolHash, quint64(octave), quint64(knot)}));
        const double b = gaussian(combine({m_seed, symbolHash, quint64(octave), quint64(knot + 1)}));
        // Weighting keeps the day-to-day variance near dailySigma² in total.
        logPrice += (a + (b - a) * frac) * dailySigma * std::sqrt(double(span)) * 0.55;
    }
    return logPrice;
}

const QVector<double>& SimulatedProvider::dayPath(const Instrument& instrument, qint64 day)
{
    const QString key = instrument.symbol.toUpper() + u'@' + intervalName(instrument.interval) + u'@' + QString::number(day);
    if (const auto it = m_pathCache.constFind(key); it != m_pathCache.constEnd())
        return it.value();
    if (m_pathCache.size() > 256)
        m_pathCache.clear();
    const qint64 lengthMin = intervalLength(instrument.interval).count();
    const int steps = int(1440 / lengthMin);
    const double barSigma = annualVolatility(instrument.assetClass()) * std::sqrt(double(lengthMin) / (1440.0 * yearDays));
    const quint64 base = combine({m_seed, hashText(instrument.symbol.toUpper()), quint64(lengthMin), quint64(day)});
    QVector<double> walk(steps + 1, 0.0);
    for (int i = 0; i < steps; ++i)
        walk[i + 1] = walk[i] + barSigma * gaussian(mix(base ^ quint64(i)));
    // Brownian bridge: keep the steps' texture, end exactly at the next day's anchor.
    const double start = dayAnchor(instrument, day);
    const double end = dayAnchor(instrument, day + 1);
    QVector<double> path(steps + 1);
    for (int j = 0; j <= steps; ++j)
        path[j] = start + walk[j] - (double(j) / steps) * (walk[steps] - (end - start));
    return *m_pathCache.insert(key, path);
}

Bar SimulatedProvider::barAt(const Instrument& instrument, const QDateTime& openTime)
{
    const qint64 openMs = openTime.toMSecsSinceEpoch();
    const qint64 day = floorDiv(openMs, dayMs);
    const qint64 lengthMin = intervalLength(instrument.interval).count();
    const double sigma = annualVolatility(instrument.assetClass()) * std::sqrt(double(lengthMin) / (1440.0 * yearDays));
    double openLog = 0;
    double closeLog = 0;
    if (instrument.interval == Interval::Daily) {
        openLog = dayAnchor(instrument, day);
        closeLog = dayAnchor(instrument, day + 1);
    } else {
        const QVector<double>& path = dayPath(instrument, day);
        const int index = int((openMs - day * dayMs) / (lengthMin * minuteMs));
        openLog = path.at(index);
        closeLog = path.at(index + 1);
    }
    const quint64 h = combine({m_seed, hashText(instrument.symbol.toUpper()), quint64(lengthMin), quint64(openMs), 7});
    Bar bar;
    bar.openTime = QDateTime::fromMSecsSinceEpoch(openMs, Qt::UTC);
    bar.open = std::exp(openLog);
    bar.close = std::exp(closeLog);
    bar.high = std::max(bar.open, bar.close) * std::exp(std::abs(gaussian(h ^ 1)) * sigma * 0.6);
    bar.low = std::min(bar.open, bar.close) * std::exp(-std::abs(gaussian(h ^ 2)) * sigma * 0.6);
    switch (instrument.assetClass()) {
    case AssetClass::Fx: bar.volume = 0; break; // as Alpha Vantage: FX bars carry no volume
    case AssetClass::Crypto:
        bar.volume = std::round(2.0 * double(lengthMin) * std::exp(0.5 * gaussian(h ^ 3)) * 100) / 100;
        break;
    case AssetClass::Equity:
        bar.volume = std::round(8000.0 * double(lengthMin) * std::exp(0.5 * gaussian(h ^ 3)));
        break;
    }
    return bar;
}

void SimulatedProvider::fetchBars(const BarRequest& request, BarsCallback done)
{
    countRequest(barEndpointName(request.instrument));
    const Instrument& instrument = request.instrument;
    const qint64 lengthMs = intervalLength(instrument.interval).count() * minuteMs;
    const qint64 nowMs = m_clock.nowMs();
    const qint64 sinceMs = request.since.isValid() ? request.since.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    // The newest closed bar opened one interval before the last boundary; walk back from it.
    qint64 open = floorDiv(nowMs, lengthMs) * lengthMs - lengthMs;
    // Enough to cross closed periods (weekends, nights) for maxBars bars, but bounded.
    const qint64 oldestScanned = open - std::max<qint64>(21 * dayMs, qint64(m_maxBars) * lengthMs * 2 + 7 * dayMs);
    Bars newestFirst;
    for (; open > sinceMs && open >= oldestScanned && newestFirst.size() < m_maxBars; open -= lengthMs) {
        const QDateTime openTime = QDateTime::fromMSecsSinceEpoch(open, Qt::UTC);
        if (inSession(instrument, openTime))
            newestFirst.append(barAt(instrument, openTime));
    }
    BarSeries series;
    series.instrument = instrument;
    series.bars.reserve(newestFirst.size());
    std::reverse_copy(newestFirst.begin(), newestFirst.end(), std::back_inserter(series.bars));
    deliverLater([done = std::move(done), series = std::move(series)] { done(series); });
}

} // namespace sentinel

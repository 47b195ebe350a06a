// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/Indicators.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sentinel::indicators {

namespace {
bool allFinite(std::span<const double> values)
{
    return std::all_of(values.begin(), values.end(), [](double value) { return std::isfinite(value); });
}

double rsiFrom(double averageGain, double averageLoss)
{
    if (averageLoss == 0)
        return averageGain == 0 ? 50.0 : 100.0;
    return 100.0 - 100.0 / (1.0 + averageGain / averageLoss);
}
} // namespace

std::optional<double> sma(std::span<const double> values, int period)
{
    if (period <= 0 || values.size() < std::size_t(period))
        return std::nullopt;
    const auto window = values.last(std::size_t(period));
    if (!allFinite(window))
        return std::nullopt;
    return std::accumulate(window.begin(), window.end(), 0.0) / period;
}

std::vector<double> wilderRsi(std::span<const double> values, int period)
{
    std::vector<double> series;
    if (period <= 0 || values.size() < std::size_t(period) + 1 || !allFinite(values))
        return series;
    double gain = 0;
    double loss = 0;
    for (std::size_t i = 1; i <= std::size_t(period); ++i) {
        const double change = values[i] - values[i - 1];
        gain += std::max(change, 0.0);
        loss += std::max(-change, 0.0);
    }
    gain /= period;
    loss /= period;
    series.reserve(values.size() - std::size_t(period));
    series.push_back(rsiFrom(gain, loss));
    for (std::size_t i = std::size_t(period) + 1; i < values.size(); ++i) {
        const double change = values[i] - values[i - 1];
        gain = (gain * (period - 1) + std::max(change, 0.0)) / period;
        loss = (loss * (period - 1) + std::max(-change, 0.0)) / period;
        series.push_back(rsiFrom(gain, loss));
    }
    return series;
}

std::optional<double> wilderAtr(const Bars& bars, int period)
{
    if (period <= 0 || bars.size() < qsizetype(period) + 1)
        return std::nullopt;
    double atr = 0;
    for (qsizetype i = 1; i < bars.size(); ++i) {
        const Bar& bar = bars[i];
        const double previousClose = bars[i - 1].close;
        const double trueRange = std::max({bar.high - bar.low, std::abs(bar.high - previousClose),
                                           std::abs(bar.low - previousClose)});
        if (!std::isfinite(trueRange))
            return std::nullopt;
        if (i <= period)
            atr += trueRange / period; // the seed is the plain mean of the first `period` ranges
        else
            atr = (atr * (period - 1) + trueRange) / period;
    }
    return atr;
}

std::optional<std::vector<double>> validCloses(const Bars& bars)
{
    std::vector<double> closes;
    closes.reserve(std::size_t(bars.size()));
    for (const Bar& bar : bars) {
        if (!std::isfinite(bar.close) || bar.close <= 0)
            return std::nullopt;
        closes.push_back(bar.close);
    }
    return closes;
}

} // namespace sentinel::indicators

// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/StreamBarBuilder.h"

#include <QtGlobal>

#include <algorithm>

namespace sentinel {

StreamBarBuilder::StreamBarBuilder(Interval interval)
    : m_lengthMs(std::chrono::duration_cast<std::chrono::milliseconds>(intervalLength(interval)).count())
{
    Q_ASSERT(interval != Interval::Daily);
}

void StreamBarBuilder::watchFrom(qint64 ms)
{
    m_watchedFromMs = ms;
}

void StreamBarBuilder::stopWatching()
{
    m_watchedFromMs.reset();
    m_forming.reset();
}

qint64 StreamBarBuilder::alignedOpenMs(qint64 ms) const
{
    // Floor division: instants before 1970 still align downwards.
    const qint64 quotient = ms / m_lengthMs - ((ms % m_lengthMs) < 0 ? 1 : 0);
    return quotient * m_lengthMs;
}

std::optional<qint64> StreamBarBuilder::formingBarEndMs() const
{
    if (!m_forming)
        return std::nullopt;
    return m_formingOpenMs + m_lengthMs;
}

std::optional<Bar> StreamBarBuilder::addPrice(qint64 ms, double price, double volume)
{
    if (!m_watchedFromMs)
        return std::nullopt;
    const qint64 openMs = alignedOpenMs(ms);
    if (openMs <= m_lastClosedOpenMs || (m_forming && openMs < m_formingOpenMs)) {
        ++m_late;
        return std::nullopt;
    }
    std::optional<Bar> closed;
    if (m_forming && openMs > m_formingOpenMs)
        closed = closeForming();
    if (!m_forming) {
        Bar bar;
        bar.openTime = QDateTime::fromMSecsSinceEpoch(openMs, Qt::UTC);
        bar.open = bar.high = bar.low = bar.close = price;
        bar.volume = volume;
        m_forming = bar;
        m_formingOpenMs = openMs;
        m_formingFirstMs = m_formingLastMs = ms;
        return closed;
    }
    Bar& bar = *m_forming;
    bar.high = std::max(bar.high, price);
    bar.low = std::min(bar.low, price);
    if (ms < m_formingFirstMs) {
        bar.open = price;
        m_formingFirstMs = ms;
    }
    if (ms >= m_formingLastMs) {
        bar.close = price;
        m_formingLastMs = ms;
    }
    bar.volume += volume;
    return closed;
}

std::optional<Bar> StreamBarBuilder::closeUpTo(qint64 nowMs)
{
    if (!m_forming || nowMs < m_formingOpenMs + m_lengthMs)
        return std::nullopt;
    return closeForming();
}

std::optional<Bar> StreamBarBuilder::closeForming()
{
    const Bar bar = *m_forming;
    m_forming.reset();
    m_lastClosedOpenMs = m_formingOpenMs;
    if (!m_watchedFromMs || *m_watchedFromMs > m_formingOpenMs)
        return std::nullopt; // watched for part of its interval only: the broker's candle fills it
    return bar;
}

} // namespace sentinel

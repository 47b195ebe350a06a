// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/ProviderCounters.h"

#include <algorithm>

namespace sentinel::advisor {

void ProviderCounters::recordAdvice(std::chrono::microseconds latency)
{
    ++m_adviceRequests;
    m_latencies.at(std::size_t(m_recorded % qint64(latencyCapacity))) = double(latency.count()) / 1e6;
    ++m_recorded;
}

void ProviderCounters::recordFailure(const QString& kind)
{
    ++m_failures[kind];
}

qint64 ProviderCounters::firstLatencyHeld() const
{
    return std::max<qint64>(0, m_recorded - qint64(latencyCapacity));
}

double ProviderCounters::latencySeconds(qint64 sequence) const
{
    return m_latencies.at(std::size_t(sequence % qint64(latencyCapacity)));
}

} // namespace sentinel::advisor

// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/CycleTimeWindow.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace sentinel {

void CycleTimeWindow::record(double ms)
{
    m_samples[std::size_t(m_recorded % qint64(capacity))] = ms;
    m_max = m_recorded == 0 ? ms : std::max(m_max, ms);
    ++m_recorded;
}

double CycleTimeWindow::at(qint64 sequence) const
{
    Q_ASSERT(sequence >= firstHeld() && sequence < m_recorded);
    return m_samples[std::size_t(sequence % qint64(capacity))];
}

CycleTimeWindow::Summary CycleTimeWindow::summary() const
{
    if (m_recorded == 0)
        return {};
    std::vector<double> sorted(m_samples.cbegin(), m_samples.cbegin() + std::ptrdiff_t(size()));
    std::sort(sorted.begin(), sorted.end());
    const auto nearestRank = [&sorted](double p) {
        const auto rank = std::size_t(std::ceil(p * double(sorted.size())));
        return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
    };
    return {nearestRank(0.50), nearestRank(0.99), m_max};
}

} // namespace sentinel

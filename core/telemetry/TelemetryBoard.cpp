// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/TelemetryBoard.h"

#include <QMutexLocker>

namespace sentinel {

void TelemetryBoard::publish(QByteArray metrics, HealthReport health)
{
    // Built outside the lock: a reader holds it only to copy one pointer.
    auto edition = std::make_shared<const Edition>(Edition{std::move(metrics), std::move(health), Clock::now()});
    const QMutexLocker lock(&m_mutex);
    m_latest = std::move(edition);
}

std::shared_ptr<const TelemetryBoard::Edition> TelemetryBoard::latest() const
{
    const QMutexLocker lock(&m_mutex);
    return m_latest;
}

} // namespace sentinel

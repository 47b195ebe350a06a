// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace sentinel {

/// One named health check, e.g. {"engine", true, "last cycle 2 s ago"}.
struct HealthCheck {
    QString name;
    bool ok = true;
    QString detail;
};

/// What `/healthz` reports: healthy when every check is ok.
struct HealthReport {
    QList<HealthCheck> checks;
    [[nodiscard]] bool healthy() const;
    /// {"status": "ok"|"degraded", "checks": {name: {"status": "ok"|"failing", "detail": ...}}}
    [[nodiscard]] QByteArray toJson() const;
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Severity.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace sentinel {

/// Something the operator must see (stale data, a failing channel, a risk rejection), journalled
/// so it survives a restart until acknowledged. The engine maps it to the UI's AlertView.
struct Alert {
    using Severity = sentinel::Severity;

    QString id;              ///< UUID
    Severity severity = Severity::Warning;
    QString kind;            ///< "stale_data", "delivery_failed", "risk_rejection", ...
    QString instrumentKey;   ///< empty when not about one instrument
    QString message;
    QDateTime at;            ///< UTC
    bool acknowledged = false;
    QDateTime acknowledgedAt;

    /// A new alert with a fresh UUID.
    [[nodiscard]] static Alert create(Severity severity, const QString& kind, const QString& instrumentKey,
                                      const QString& message, const QDateTime& at);
    friend bool operator==(const Alert&, const Alert&) = default;
};

[[nodiscard]] QString alertSeverityName(Alert::Severity severity);
[[nodiscard]] std::optional<Alert::Severity> parseAlertSeverity(QStringView name);

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::Alert)

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sentinel {

/// How an engine instance runs, beyond the configuration file.
struct EngineOptions {
    bool offline = false;     ///< skip live checks (Telegram getMe); the UI says so
    bool autoApprove = false; ///< simulation with the paper platform only: approve every proposal
    QString journalPath;      ///< overrides journal.path; empty: config, else the platform data location
    quint64 seed = 20261122;  ///< simulated feed
    /// Serve /metrics and /healthz on telemetry.listen (the desktop app and a live `sentinel
    /// run`; off for simulations and tests, which would otherwise compete for one port).
    bool serveTelemetry = false;
};

struct Config;

/// The journal an engine with these options opens: --journal, else journal.path, else the
/// platform's data location.
[[nodiscard]] QString journalPathFor(const Config& config, const EngineOptions& options);

} // namespace sentinel

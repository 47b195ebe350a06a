// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/CycleTimeWindow.h"
#include "risk/RiskReport.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace sentinel {

/// Counters for `sentinel run`'s one-object JSON summary (DESIGN.md). The engine fills them as it
/// works; the cache and delivery parts are copied in from those modules' statistics at the end.
struct RunStatistics {
    struct CacheCounts {
        qint64 hits = 0;
        qint64 misses = 0;
    };
    struct SignalCounts {
        qint64 delivered = 0;
        qint64 failed = 0;
        qint64 pending = 0;
    };

    qint64 cycles = 0;
    QMap<QString, qint64> apiCalls;       ///< endpoint → requests sent to the provider
    qint64 apiCallsWhileClosed = 0;
    QMap<QString, CacheCounts> caches;
    qint64 portfolioCalls = 0;
    qint64 staleBlocks = 0;
    qint64 pausedBlocks = 0;  ///< entry signals not proposed while the desk was paused
    QMap<QString, qint64> alerts;         ///< kind → count
    qint64 proposals = 0;
    qint64 approvals = 0;
    qint64 rejections = 0;
    qint64 expired = 0;
    qint64 executions = 0;
    QMap<QString, SignalCounts> signals;  ///< channel → outcome counts
    CycleTimeWindow cycleMs;              ///< compute times of recent cycles, for p50/p99/max
    // Breakdowns the telemetry endpoint exports (not part of the run summary's contract).
    QMap<QString, qint64> apiErrors;           ///< error kind → failed fetches
    QMap<QString, qint64> staleBlocksByMarket; ///< market → entry signals blocked by stale data
    QMap<QString, qint64> riskRejections;      ///< failing check → refusals (a refusal may fail several)
    qint64 streamMessages = 0;                 ///< price-stream lines received (ProviderStats)
    qint64 streamDrops = 0;                    ///< price-stream connections lost
    qint64 zeroBalanceEvents = 0;              ///< entries not sized because the balance was zero or negative
    std::optional<VarMethod> varMethod;        ///< method of the latest VaR estimate; none before the first

    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace sentinel

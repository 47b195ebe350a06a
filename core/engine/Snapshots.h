// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>

namespace sentinel {

/// What the UI shows for one instrument. Immutable value sent from the engine thread.
struct InstrumentSnapshot {
    Instrument instrument;
    double lastPrice = 0;
    QDateTime lastBarOpen;   ///< UTC; invalid until the first bar arrives
    QDateTime updatedAt;     ///< engine clock time of this snapshot
    int barCount = 0;
    QString lastError;       ///< empty when the last fetch succeeded
};

using InstrumentSnapshots = QList<InstrumentSnapshot>;

/// Engine-wide state for the status bar.
struct EngineStatus {
    QString state;           ///< "starting", "running", "stopped"
    QString mode;            ///< approval, signal-only, autonomous
    QString provider;
    qint64 cycles = 0;
    QDateTime clockTime;
};

/// Registers the snapshot types with the meta-type system so queued connections can carry them.
void registerSnapshotTypes();

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::InstrumentSnapshot)
Q_DECLARE_METATYPE(sentinel::EngineStatus)

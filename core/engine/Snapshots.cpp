// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/Snapshots.h"

namespace sentinel {

void registerSnapshotTypes()
{
    qRegisterMetaType<InstrumentSnapshot>();
    qRegisterMetaType<InstrumentSnapshots>();
    qRegisterMetaType<EngineStatus>();
}

} // namespace sentinel

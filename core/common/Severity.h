// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sentinel {

/// How loudly something must reach the operator: one scale for alerts from the engine to the UI.
enum class Severity { Info, Warning, Critical };

} // namespace sentinel

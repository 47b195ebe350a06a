// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sentinel {

/// How log lines are written (`logging.format`): one line of text per message, or one JSON
/// object per line for a log shipper. Chosen in config, applied by telemetry/Logging.
enum class LogFormat { Text, Json };

} // namespace sentinel

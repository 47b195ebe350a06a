// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the config module: it exposes yaml-cpp, which sentinel_core links privately.

#include "config/Config.h"
#include "config/ConfigLoader.h"
#include "config/SchemaReader.h"

namespace sentinel {

/// The configuration schema: which keys each section holds, their types and ranges, and the rules
/// that span keys. Fills `config` from `root` and reports every problem through `reader`. The
/// checks that need the file system (calendars.file, file permissions) are the loader's.
void readConfig(SchemaReader& reader, const YAML::Node& root, const KnownNames& known, Config& config);

} // namespace sentinel

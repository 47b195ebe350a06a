// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the config module: it exposes yaml-cpp, which sentinel_core links privately.

#include "config/Config.h"
#include "config/SchemaReader.h"

namespace sentinel {

/// The `coinbase:` section: key_name, private_key, base_url, ws_url, allow_live, timeout_s,
/// requests_per_second (ADR 0121).
void readCoinbase(SchemaReader& reader, const YAML::Node& root, Config& config);

/// Rules between the Coinbase section, the rows that use the Coinbase feed and `platform:
/// coinbase`: each Coinbase row is a crypto pair Coinbase can name; the platform needs the key
/// and `allow_live: true`, because Coinbase has no practice account and every order is real money.
void checkCoinbase(SchemaReader& reader, const YAML::Node& root, const Config& config);

} // namespace sentinel

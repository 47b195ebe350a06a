// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the config module: it exposes yaml-cpp, which sentinel_core links privately.

#include "config/Config.h"
#include "config/SchemaReader.h"

namespace sentinel {

/// `provider: <feed>` or `watchlist[i].provider: <feed>`: one of the feeds built so far.
void readProviderKind(SchemaReader& reader, const YAML::Node& map, const QString& path, ProviderKind& out);

/// The `oanda:` section: environment, allow_live, account_id, token, base_url, stream_url,
/// timeout_s, requests_per_minute (ADR 0117).
void readOanda(SchemaReader& reader, const YAML::Node& root, Config& config);

/// Rules between the feeds the watchlist uses and the brokers' sections, once both are read:
/// an OANDA instrument is an FX pair OANDA can name, and its account and token are there; live
/// money needs both `environment: live` and `allow_live: true`. Coinbase's rules are
/// config/CoinbaseSchema's.
void checkBrokerFeeds(SchemaReader& reader, const YAML::Node& root, const Config& config);

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the config module: it exposes yaml-cpp, which sentinel_core links privately.

#include "config/Config.h"
#include "config/ConfigLoader.h"
#include "config/SchemaReader.h"

namespace sentinel {

/// The `advisor:` section (issue 15): providers [{kind, base_url, model, weight, timeout_s,
/// api_key}], fallback, fallback_weight, history_bars, max_concurrent, health_interval_s. With
/// `strategy.name: llm_advisor` at least one provider with a model is required. Read after the
/// strategy, whose name decides whether the section is in use.
void readAdvisor(SchemaReader& reader, const YAML::Node& root, const KnownNames& known, Config& config);

} // namespace sentinel

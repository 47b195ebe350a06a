// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the config module: it exposes yaml-cpp, which sentinel_core links privately.
// What ConfigWriter's section writers share to read a draft out of a YAML tree and put it back.

#include "config/ConfigDraft.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

namespace sentinel::draftyaml {

[[nodiscard]] std::string utf8(const QString& text);

/// Shortest decimal that reads back as the same double: 0.05, not 0.050000000000000003.
[[nodiscard]] std::string number(double value);

/// `root[key]`, made a map first when it is missing or something else.
YAML::Node mapAt(YAML::Node& root, const char* key);

/// `root[section][key]` without adding either to `root`.
[[nodiscard]] YAML::Node valueAt(const YAML::Node& root, const char* section, const char* key);

/// How a secret is kept: a `${NAME}` reference (`defaultVariable` when there is none), or a
/// value in clear to move to the keychain under `defaultVariable`.
[[nodiscard]] SecretField readSecret(const YAML::Node& node, const QString& defaultVariable);

/// `map[key]` where it is given, as the loader reads it: nullopt when absent or null; empty text
/// when it is not a single value. (A missing key of a const node throws on anything but
/// IsDefined(), hence that check first.)
[[nodiscard]] std::optional<QString> givenText(const YAML::Node& map, const char* key);

} // namespace sentinel::draftyaml

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Cli.h"
#include "config/Config.h"

#include <chrono>

namespace sentinel::cli {

/// `sentinel notify test`: one test message through every enabled channel, under the rules
/// live signals follow (outbox, retry_after up to 30 s waited out, chat migration followed,
/// back-off on 5xx). Prints one JSON object with each channel's outcome; exit 0 when every
/// enabled channel delivered, 1 otherwise, 2 when nothing is enabled or a setting is malformed.
/// `workDir` holds the scratch outboxes (a temporary folder when empty); the test message never
/// goes through the live journal's outbox, so it cannot push out queued live signals.
/// The whole test ends within `deadline` (`--timeout`, at most 60 s) whatever the servers do;
/// a channel without an outcome by then is reported failed with `deadline_exceeded`.
int runNotifyTestWith(const TelegramSettings& telegram, const WebhookSettings& webhook, const QString& workDir,
                      Invocation& invocation, std::chrono::milliseconds deadline = std::chrono::seconds(60));

} // namespace sentinel::cli

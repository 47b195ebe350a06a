// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sentinel {

/// What a Telegram bot token and chat id look like, checked before anything is sent. The
/// configuration check and the Telegram channel use these same rules, so a file `sentinel config
/// check` accepts is never refused later for its shape.

/// `<bot id>:<secret>`: digits, a colon, then 30 or more letters, digits, '_' or '-'.
[[nodiscard]] bool isBotTokenShaped(const QString& token);
/// A numeric chat id (groups and channels start with -100) or an @channel name of 5 or more
/// characters after the '@' (Telegram's minimum).
[[nodiscard]] bool isChatIdShaped(const QString& chatId);

} // namespace sentinel

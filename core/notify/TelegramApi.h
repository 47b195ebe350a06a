// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "notify/TelegramReply.h"

#include <QString>
#include <QUrl>

#include <optional>

class QNetworkReply;

namespace sentinel {

/// What the Telegram channel (sending) and the poller (receiving) share about talking to the Bot
/// API: the method URL, which carries the token, and reading an answer. One place, so the token
/// is masked the same way everywhere.
namespace telegramApi {

/// `<base>/bot<token>/<method>`; pass "***" as the token for a URL that may be shown.
[[nodiscard]] QUrl methodUrl(const QUrl& baseUrl, const QString& tokenText, const QString& method);

/// The classified answer, or (in `transportError`) why there is none: no HTTP answer, or the
/// request was cut off by its deadline or body cap (net::BoundedReply). `loggableUrl` is the
/// masked URL that errors name.
[[nodiscard]] TelegramReply readReply(QNetworkReply* reply, const QString& loggableUrl, std::optional<Error>* transportError);

} // namespace telegramApi

} // namespace sentinel

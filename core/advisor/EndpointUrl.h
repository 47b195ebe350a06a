// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QString>
#include <QStringView>
#include <QUrl>

namespace sentinel::advisor {

/// The base URL of a model server, checked before anything is sent to it: http or https with a
/// host and no user info, query or fragment; plain http only when the host is loopback
/// (localhost, 127.0.0.0/8, ::1), so a prompt with positions, or an api key, never crosses a
/// network in clear (SECURITY.md). Anything else is advisor_invalid_base_url.
[[nodiscard]] Result<QUrl> checkBaseUrl(const QUrl& url);

/// `path` ("/api/chat", "/v1/models") under the base URL's own path; a base that already ends
/// in "/v1" (as OpenAI's own docs write it) is not given a second one.
[[nodiscard]] QUrl endpointUrl(const QUrl& base, QStringView path);

/// The URL as a message may show it: scheme, host, port and path only.
[[nodiscard]] QString shownUrl(const QUrl& url);

} // namespace sentinel::advisor

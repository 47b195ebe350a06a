// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <mutex>
#include <string>
#include <vector>

namespace sentinel {

/// Process-wide set of secret values that must never appear in clear in any output.
/// Every log sink passes its text through redact(), and so does every Error and Issue when it
/// is made (docs/adr/0103), so no text that leaves the process can carry a secret.
/// Thread-safe: loggers run on every thread.
///
/// Besides the registered values it masks what has the shape of a credential even when nobody
/// registered it (a server may echo a token we never saw, e.g. in an error description):
/// the user info of any URL (`redis://user:pass@host` → `redis://***@host`), a Telegram bot
/// token (`<digits>:<30+ url-safe chars>`, also as the `/bot<token>/` path segment) and the
/// value of secret-named query parameters (`apikey=`, `api_key=`, `token=`, `access_token=`,
/// `secret=`, `password=`).
class Redactor final
{
public:
    static Redactor& instance();

    /// Registers a secret; its raw and percent-encoded forms will be masked.
    void add(const QString& secretValue);
    [[nodiscard]] std::string redact(std::string text) const;
    [[nodiscard]] QString redact(const QString& text) const;
    void clear();

    /// Masks only the credential shapes (no registered values): pure, for callers and tests
    /// that must not depend on what the process registered.
    [[nodiscard]] static QString scrubShapes(const QString& text);

    static constexpr std::string_view mask = "***";

private:
    Redactor() = default;
    [[nodiscard]] std::string maskNeedles(std::string text) const;

    mutable std::mutex m_mutex;
    std::vector<std::string> m_needles; // longest first, so a secret that contains another is masked whole
};

} // namespace sentinel

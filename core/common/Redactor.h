// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <mutex>
#include <string>
#include <vector>

namespace sentinel {

/// Process-wide set of secret values that must never appear in clear in any output.
/// Every log sink passes its text through redact(). Thread-safe: loggers run on every thread.
class Redactor final
{
public:
    static Redactor& instance();

    /// Registers a secret; its raw and percent-encoded forms will be masked.
    void add(const QString& secretValue);
    [[nodiscard]] std::string redact(std::string text) const;
    [[nodiscard]] QString redact(const QString& text) const;
    void clear();

    static constexpr std::string_view mask = "***";

private:
    Redactor() = default;
    mutable std::mutex m_mutex;
    std::vector<std::string> m_needles; // longest first, so a secret that contains another is masked whole
};

} // namespace sentinel

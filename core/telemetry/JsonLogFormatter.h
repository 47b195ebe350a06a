// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <spdlog/formatter.h>

#include <string_view>

namespace sentinel {

/// `logging.format: json`: one JSON object per line,
/// `{"time":"2026-11-24T15:02:30.123Z","level":"info","logger":"engine","message":"..."}`.
/// The time is UTC with milliseconds; the message is escaped as RFC 8259 asks (quote, backslash,
/// every control character), and bytes that are not UTF-8 become U+FFFD, so every line parses.
/// It formats what RedactingSink hands its children, so secrets are already masked.
class JsonLogFormatter final : public spdlog::formatter
{
public:
    void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
    [[nodiscard]] std::unique_ptr<spdlog::formatter> clone() const override;

    /// `text` as the body of a JSON string (without the quotes).
    static void appendEscaped(std::string_view text, spdlog::memory_buf_t& dest);
};

} // namespace sentinel

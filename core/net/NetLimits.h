// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace sentinel::net {

/// The bounds one request lives within (docs/adr/0104). The transfer timeout Qt offers is an
/// inactivity timer: a server that sends one byte a second never trips it. These are totals.
struct Limits {
    /// From sending the request to having the whole answer; the reply is aborted after it.
    std::chrono::milliseconds deadline{std::chrono::seconds(30)};
    /// The most body bytes read; a larger answer (announced or actual) is aborted unread.
    qint64 maxBodyBytes = qint64{8} * 1024 * 1024;
};

// Stable error kinds for a request cut off by its bounds.
inline constexpr char16_t DeadlineExceeded[] = u"deadline_exceeded";
inline constexpr char16_t BodyTooLarge[] = u"body_too_large";

/// The longest wait a server may impose (Telegram's `retry_after`, HTTP `Retry-After`); a
/// larger value is taken as this. 2147483647 s would otherwise mean a 68-year back-off.
inline constexpr std::chrono::seconds maxServerWait{3600};

/// A server-given wait in seconds, clamped to [0, maxServerWait]; negative becomes 0.
[[nodiscard]] std::chrono::seconds clampServerWait(qint64 seconds);
/// The same for a wait read as a JSON number: NaN, infinity and values beyond qint64 are clamped
/// too (the maximum for NaN), never cast.
[[nodiscard]] std::chrono::seconds clampServerWait(double seconds);

/// An HTTP `Retry-After` value (delay-seconds or an HTTP-date, RFC 9110 §10.2.3) as a wait
/// from `now`, clamped by clampServerWait; nullopt when absent or unreadable.
[[nodiscard]] std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray& value, const QDateTime& now);

} // namespace sentinel::net

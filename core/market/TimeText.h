// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace sentinel {

/// Parses an instant written as UTC with a `Z` ("2024-03-10T21:00:00Z", seconds and
/// milliseconds optional) into milliseconds since the epoch. Anything else — no `Z`, an
/// offset, a bare date, an impossible date — gives nothing, so callers can name the argument.
[[nodiscard]] std::optional<qint64> parseUtcInstant(QStringView text);
/// An RFC 3339 instant with a `Z` or a numeric offset, as brokers and model servers write them
/// ("2023-11-26T10:19:47.423220Z", "2023-08-04T08:52:19.385406455-07:00"; a space for the `T`
/// too), in UTC. Fractions beyond milliseconds are dropped. Invalid when the text is no such
/// instant (no zone, an impossible date or offset). Shared by the Coinbase and Ollama readers.
[[nodiscard]] QDateTime parseRfc3339(QStringView text);
/// A strict ISO date "YYYY-MM-DD".
[[nodiscard]] std::optional<QDate> parseIsoDate(QStringView text);
/// "2024-03-10T21:00:00Z".
[[nodiscard]] QString formatUtcInstant(qint64 ms);
/// A duration for people: "1 h 30 min", "45 s", "2 d 3 h".
[[nodiscard]] QString formatDuration(qint64 ms);

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/RoundTrips.h"

#include <QByteArray>
#include <QList>

namespace sentinel {

/// Round trips as CSV (RFC 4180, UTF-8, CRLF): a header row, then one row per trade:
/// closed_at, opened_at (UTC ISO 8601 with ms), instrument, strategy, direction (long|short),
/// quantity, entry_price, exit_price, fees, pnl (shortest text that reads back to the same
/// double), entry_proposal, exit_proposal. A text cell that a spreadsheet would take for a
/// formula (starting with = + - @, tab or CR) is prefixed with an apostrophe.
[[nodiscard]] QByteArray closedTradesCsv(const QList<ClosedTrade>& trades);

} // namespace sentinel

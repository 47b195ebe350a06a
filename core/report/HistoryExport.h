// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/HistoryRecords.h"

#include <QJsonObject>
#include <QString>

namespace sentinel {

class Journal;

enum class HistoryFormat { Csv, Json };

/// "csv" or "json" (any case); nullopt otherwise.
[[nodiscard]] std::optional<HistoryFormat> parseHistoryFormat(QStringView name);

/// The History panel's export (issue 17, ADR 0136): the proposals a filter selects, newest first,
/// with how each ended, who decided and what filled.
/// CSV (RFC 4180, UTF-8, CRLF): a header row, then one row a proposal: created_at, proposal,
/// instrument, symbol, side, exit (0|1), quantity, price, strategy ("unrecorded" before schema 5),
/// outcome, resolution, resolved_at, decided_by, decided_via, decided_at, fill_order, fill_price,
/// fill_quantity, fill_fee, filled_at (instants UTC ISO 8601 with ms; empty cells where there is
/// nothing; numbers the shortest text that reads back to the same double; text cells as
/// csvcell::text). JSON: {"proposals": [one object a row, the same names, null where there is nothing]}.
namespace historyexport {

[[nodiscard]] QString csvHeader();
[[nodiscard]] QString csvRow(const HistoryRow& row);
[[nodiscard]] QJsonObject toJson(const HistoryRow& row);

/// Writes every proposal matching `filter` to `path`, reading the journal a page at a time so a
/// long history never sits in memory whole. The file is replaced only when the whole export
/// succeeded. Returns the number of rows written.
[[nodiscard]] Result<qint64> write(Journal& journal, const HistoryFilter& filter, const QString& path, HistoryFormat format);

} // namespace historyexport

} // namespace sentinel

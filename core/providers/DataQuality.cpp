// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/DataQuality.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace sentinel {

namespace {

DataQualityIssue issue(const QString& row, const char* rule, const QString& message)
{
    return DataQualityIssue{row, QString::fromLatin1(rule), message};
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

} // namespace

bool isFiniteNumber(double value)
{
    return std::isfinite(value);
}

std::optional<DataQualityIssue> checkBarValues(const QString& label, const Bar& bar)
{
    const std::pair<const char*, double> prices[] = {
        {"open", bar.open}, {"high", bar.high}, {"low", bar.low}, {"close", bar.close}};
    for (const auto& [name, value] : prices) {
        if (!isFiniteNumber(value))
            return issue(label, "not_finite", QStringLiteral("%1 is not a finite number").arg(QLatin1String(name)));
    }
    if (!isFiniteNumber(bar.volume))
        return issue(label, "not_finite", QStringLiteral("volume is not a finite number"));
    for (const auto& [name, value] : prices) {
        if (value <= 0)
            return issue(label, "non_positive_price",
                         QStringLiteral("%1 is %2; prices must be positive").arg(QLatin1String(name), number(value)));
    }
    if (bar.volume < 0)
        return issue(label, "negative_volume", QStringLiteral("volume is %1; it cannot be negative").arg(number(bar.volume)));
    if (bar.high < bar.low)
        return issue(label, "high_below_low",
                     QStringLiteral("high %1 is below low %2").arg(number(bar.high), number(bar.low)));
    if (bar.open < bar.low || bar.open > bar.high)
        return issue(label, "open_outside_range",
                     QStringLiteral("open %1 lies outside low–high [%2, %3]")
                         .arg(number(bar.open), number(bar.low), number(bar.high)));
    if (bar.close < bar.low || bar.close > bar.high)
        return issue(label, "close_outside_range",
                     QStringLiteral("close %1 lies outside low–high [%2, %3]")
                         .arg(number(bar.close), number(bar.low), number(bar.high)));
    return std::nullopt;
}

SanitizedBars sanitizeBars(const QList<CandidateBar>& rowsInSourceOrder, const QDateTime& now, RowOrder order)
{
    SanitizedBars result;
    // Issues are gathered in two passes; each remembers its row's position so the report
    // lists them in the order the source did.
    QList<std::pair<qsizetype, DataQualityIssue>> issues;
    auto position = [&rowsInSourceOrder](const CandidateBar* row) { return row - rowsInSourceOrder.constData(); };
    const qint64 nowMs = now.isValid() ? now.toMSecsSinceEpoch() : 0;

    // First pass: value rules, the future, and duplicates (found across the whole input, so a
    // conflicting pair is dropped whole whichever comes first).
    QList<const CandidateBar*> valid;
    QHash<qint64, int> seen; // open instant → number of valid rows with it
    for (const CandidateBar& row : rowsInSourceOrder) {
        if (row.rejection) {
            issues.append({position(&row), *row.rejection});
            continue;
        }
        if (!row.bar.openTime.isValid()) {
            issues.append({position(&row), issue(row.label, "invalid_timestamp", QStringLiteral("the timestamp is not a valid instant"))});
            continue;
        }
        if (auto problem = checkBarValues(row.label, row.bar)) {
            issues.append({position(&row), *problem});
            continue;
        }
        if (now.isValid() && row.bar.openTime.toMSecsSinceEpoch() > nowMs) {
            issues.append({position(&row), issue(row.label, "future_timestamp",
                                                 QStringLiteral("the bar opens at %1, after the current time %2")
                                                     .arg(row.bar.openTime.toString(Qt::ISODate), now.toString(Qt::ISODate)))});
            continue;
        }
        valid.append(&row);
        ++seen[row.bar.openTime.toMSecsSinceEpoch()];
    }

    QHash<qint64, const CandidateBar*> firstOfInstant;
    QHash<qint64, bool> conflicting;
    for (const CandidateBar* row : std::as_const(valid)) {
        const qint64 key = row->bar.openTime.toMSecsSinceEpoch();
        if (seen.value(key) < 2)
            continue;
        if (const CandidateBar* first = firstOfInstant.value(key)) {
            if (!(first->bar == row->bar))
                conflicting[key] = true;
        } else {
            firstOfInstant.insert(key, row);
        }
    }

    // Second pass: order. Direction is the declared one; a row that does not move strictly
    // in that direction from the last accepted row is out of order.
    std::optional<qint64> last;
    for (const CandidateBar* row : std::as_const(valid)) {
        const qint64 key = row->bar.openTime.toMSecsSinceEpoch();
        if (seen.value(key) > 1) {
            const bool conflict = conflicting.value(key);
            if (conflict || firstOfInstant.value(key) != row) {
                issues.append({position(row), issue(
                    row->label, conflict ? "conflicting_duplicate" : "duplicate_timestamp",
                    conflict ? QStringLiteral("another row has the same instant %1 with different values; both are dropped")
                                   .arg(row->bar.openTime.toString(Qt::ISODate))
                             : QStringLiteral("a row with the same instant %1 and the same values came before; this copy is dropped")
                                   .arg(row->bar.openTime.toString(Qt::ISODate)))});
                continue;
            }
        }
        if (last && order != RowOrder::Any) {
            const bool forward = order == RowOrder::OldestFirst ? key > *last : key < *last;
            if (!forward) {
                issues.append({position(row), issue(row->label, "out_of_order",
                                           QStringLiteral("the row is out of order (rows are listed %1)")
                                               .arg(order == RowOrder::OldestFirst ? QStringLiteral("oldest first")
                                                                                   : QStringLiteral("newest first")))});
                continue;
            }
        }
        last = key;
        result.bars.append(row->bar);
    }
    std::stable_sort(issues.begin(), issues.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [index, found] : issues)
        result.issues.append(std::move(found));
    std::sort(result.bars.begin(), result.bars.end(),
              [](const Bar& a, const Bar& b) { return a.openTime < b.openTime; });
    return result;
}

} // namespace sentinel

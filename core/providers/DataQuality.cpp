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

/// The first rule `row` breaks on its own: the reader's rejection, its instant, its values, or
/// an instant after `now`.
std::optional<DataQualityIssue> rowProblem(const CandidateBar& row, const QDateTime& now)
{
    if (row.rejection)
        return row.rejection;
    if (!row.bar.openTime.isValid())
        return issue(row.label, "invalid_timestamp", QStringLiteral("the timestamp is not a valid instant"));
    if (auto problem = checkBarValues(row.label, row.bar))
        return problem;
    if (now.isValid() && row.bar.openTime.toMSecsSinceEpoch() > now.toMSecsSinceEpoch())
        return issue(row.label, "future_timestamp",
                     QStringLiteral("the bar opens at %1, after the current time %2")
                         .arg(row.bar.openTime.toString(Qt::ISODate), now.toString(Qt::ISODate)));
    return std::nullopt;
}

/// Rows that share an open instant, found across the whole input so that a conflicting pair is
/// dropped whole whichever comes first.
struct Duplicates {
    QHash<qint64, int> count;                 ///< open instant → number of valid rows with it
    QHash<qint64, const CandidateBar*> first; ///< the first row of each repeated instant
    QHash<qint64, bool> conflicting;          ///< repeated with different values
};

Duplicates findDuplicates(const QList<const CandidateBar*>& valid)
{
    Duplicates duplicates;
    for (const CandidateBar* row : valid)
        ++duplicates.count[row->bar.openTime.toMSecsSinceEpoch()];
    for (const CandidateBar* row : valid) {
        const qint64 key = row->bar.openTime.toMSecsSinceEpoch();
        if (duplicates.count.value(key) < 2)
            continue;
        if (const CandidateBar* first = duplicates.first.value(key)) {
            if (!(first->bar == row->bar))
                duplicates.conflicting[key] = true;
        } else {
            duplicates.first.insert(key, row);
        }
    }
    return duplicates;
}

/// Equal copies keep the first; copies that disagree are all dropped.
std::optional<DataQualityIssue> duplicateProblem(const CandidateBar& row, const Duplicates& duplicates)
{
    const qint64 key = row.bar.openTime.toMSecsSinceEpoch();
    if (duplicates.count.value(key) < 2)
        return std::nullopt;
    const bool conflict = duplicates.conflicting.value(key);
    if (!conflict && duplicates.first.value(key) == &row)
        return std::nullopt;
    const QString instant = row.bar.openTime.toString(Qt::ISODate);
    return conflict ? issue(row.label, "conflicting_duplicate",
                            QStringLiteral("another row has the same instant %1 with different values; both are dropped").arg(instant))
                    : issue(row.label, "duplicate_timestamp",
                            QStringLiteral("a row with the same instant %1 and the same values came before; this copy is dropped").arg(instant));
}

/// Direction is the declared one; a row that does not move strictly in that direction from the
/// last accepted row is out of order.
std::optional<DataQualityIssue> orderProblem(const CandidateBar& row, std::optional<qint64> last, RowOrder order)
{
    if (!last || order == RowOrder::Any)
        return std::nullopt;
    const qint64 key = row.bar.openTime.toMSecsSinceEpoch();
    const bool forward = order == RowOrder::OldestFirst ? key > *last : key < *last;
    if (forward)
        return std::nullopt;
    return issue(row.label, "out_of_order",
                 QStringLiteral("the row is out of order (rows are listed %1)")
                     .arg(order == RowOrder::OldestFirst ? QStringLiteral("oldest first") : QStringLiteral("newest first")));
}

} // namespace

SanitizedBars sanitizeBars(const QList<CandidateBar>& rowsInSourceOrder, const QDateTime& now, RowOrder order)
{
    // Issues are gathered in two passes; each remembers its row's position so the report
    // lists them in the order the source did.
    QList<std::pair<qsizetype, DataQualityIssue>> issues;
    auto position = [&rowsInSourceOrder](const CandidateBar* row) { return row - rowsInSourceOrder.constData(); };

    // First pass: each row on its own.
    QList<const CandidateBar*> valid;
    for (const CandidateBar& row : rowsInSourceOrder) {
        if (auto problem = rowProblem(row, now))
            issues.append({position(&row), std::move(*problem)});
        else
            valid.append(&row);
    }

    // Second pass: the rows together, duplicates then order.
    const Duplicates duplicates = findDuplicates(valid);
    SanitizedBars result;
    std::optional<qint64> last;
    for (const CandidateBar* row : std::as_const(valid)) {
        auto problem = duplicateProblem(*row, duplicates);
        if (!problem)
            problem = orderProblem(*row, last, order);
        if (problem) {
            issues.append({position(row), std::move(*problem)});
            continue;
        }
        last = row->bar.openTime.toMSecsSinceEpoch();
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

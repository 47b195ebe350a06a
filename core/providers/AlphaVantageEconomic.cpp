// SPDX-License-Identifier: GPL-3.0-or-later
// Economic indicators (FEDERAL_FUNDS_RATE, CPI, ...): a "data" array of {"date", "value"} rows,
// newest first. The service passes on the source's "." for a period without a value; such a
// row is dropped with its reason like any other bad row, never read as zero.
#include "providers/AlphaVantagePayloads.h"

#include "common/Excerpt.h"
#include "providers/AlphaVantageFields.h"
#include "providers/ProviderError.h"

#include <QHash>

#include <algorithm>
#include <variant>

namespace sentinel {
namespace alphaVantage {

namespace pe = providerError;

namespace {

using PointOrIssue = std::variant<EconomicPoint, DataQualityIssue>;

PointOrIssue readRow(const QString& label, const QJsonObject& row, const QDate& today)
{
    const QString dateText = row.value(QStringLiteral("date")).toString().trimmed();
    const QDate date = QDate::fromString(dateText, Qt::ISODate);
    if (!date.isValid())
        return rowIssue(label, QStringLiteral("invalid_timestamp"),
                        QStringLiteral("'%1' is not a date (expected YYYY-MM-DD)").arg(excerpt(dateText)));
    if (today.isValid() && date > today)
        return rowIssue(label, QStringLiteral("future_timestamp"),
                        QStringLiteral("the value is dated %1, after the current date %2")
                            .arg(date.toString(Qt::ISODate), today.toString(Qt::ISODate)));
    const Number number = readNumber(row.value(QStringLiteral("value")));
    if (number.problem == NumberProblem::Missing)
        return rowIssue(label, QStringLiteral("missing_field"), QStringLiteral("the row has no value"));
    if (number.problem == NumberProblem::NotANumber)
        return rowIssue(label, QStringLiteral("not_a_number"),
                        QStringLiteral("the value '%1' is not a number").arg(excerpt(row.value(QStringLiteral("value")).toString())));
    if (!isFiniteNumber(number.value))
        return rowIssue(label, QStringLiteral("not_finite"), QStringLiteral("the value is not a finite number"));
    return EconomicPoint{date, number.value};
}

} // namespace

Result<AlphaVantageResponse> parseEconomicSeries(const QJsonObject& root, const AlphaVantageParseContext& context)
{
    AlphaVantageEconomicSeries result;
    result.name = root.value(QStringLiteral("name")).toString().trimmed();
    result.interval = root.value(QStringLiteral("interval")).toString().trimmed().toLower();
    result.unit = root.value(QStringLiteral("unit")).toString().trimmed();
    const QJsonArray data = root.value(QStringLiteral("data")).toArray();

    // A date listed twice leaves no way to tell which value is right: every copy goes.
    QHash<QString, int> occurrences;
    for (const QJsonValue row : data)
        ++occurrences[row.toObject().value(QStringLiteral("date")).toString().trimmed()];

    const QDate today = context.now.isValid() ? context.now.toUTC().date() : QDate();
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QString label = QStringLiteral("data[%1]").arg(i);
        const QJsonObject row = data.at(i).toObject();
        const int copies = occurrences.value(row.value(QStringLiteral("date")).toString().trimmed());
        const PointOrIssue read = copies > 1 ? PointOrIssue(duplicateKeyIssue(label, copies)) : readRow(label, row, today);
        if (const auto* issue = std::get_if<DataQualityIssue>(&read))
            result.issues.append(*issue);
        else
            result.points.append(std::get<EconomicPoint>(read));
    }
    std::sort(result.points.begin(), result.points.end(),
              [](const EconomicPoint& a, const EconomicPoint& b) { return a.date < b.date; });
    if (result.points.isEmpty())
        return pe::make(pe::NoUsableRows,
                        QStringLiteral("no usable value in the %1 series (%2 rows)")
                            .arg(result.name.isEmpty() ? QStringLiteral("economic") : excerpt(result.name))
                            .arg(data.size()),
                        QStringLiteral("retry later; the provider sent no usable value"));
    return AlphaVantageResponse{std::move(result)};
}

} // namespace alphaVantage
} // namespace sentinel

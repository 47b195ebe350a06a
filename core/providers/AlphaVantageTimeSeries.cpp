// SPDX-License-Identifier: GPL-3.0-or-later
// Time series (TIME_SERIES_*, FX_*, DIGITAL_CURRENCY_*, CRYPTO_*): rows of OHLCV bars.
#include "providers/AlphaVantagePayloads.h"

#include "providers/AlphaVantageFields.h"
#include "providers/ProviderError.h"

#include <QRegularExpression>
#include <QSet>

namespace sentinel {
namespace alphaVantage {

namespace pe = providerError;

namespace {

enum class SeriesKind { Equity, Fx, Crypto };

SeriesKind seriesKindOf(const Meta& meta, const QString& seriesKey, const QString& function)
{
    const QString seriesLower = seriesKey.toLower();
    if (function.startsWith(u"FX_") || seriesLower.contains(u" fx") || !meta.text(u"from symbol").isEmpty())
        return SeriesKind::Fx;
    if (function.startsWith(u"DIGITAL_") || function.startsWith(u"CRYPTO_") || seriesLower.contains(u"digital")
        || seriesLower.contains(u"crypto") || !meta.text(u"digital currency code").isEmpty())
        return SeriesKind::Crypto;
    return SeriesKind::Equity;
}

QString symbolFor(SeriesKind kind, const Meta& meta, const QString& marketCode)
{
    switch (kind) {
    case SeriesKind::Fx: return meta.text(u"from symbol").toUpper() + u'/' + meta.text(u"to symbol").toUpper();
    case SeriesKind::Crypto: return meta.text(u"digital currency code").toUpper() + u'/' + marketCode;
    case SeriesKind::Equity: break;
    }
    return meta.text(u"symbol").toUpper();
}

QString defaultZoneFor(SeriesKind kind)
{
    return kind == SeriesKind::Equity ? QStringLiteral("US/Eastern") : QStringLiteral("UTC");
}

QString intervalFrom(const QString& metaInterval, const QString& seriesKey)
{
    if (!metaInterval.isEmpty())
        return metaInterval.toLower();
    const QString lower = seriesKey.toLower();
    static const QRegularExpression minutes(QStringLiteral(R"((\d+min))"));
    const auto match = minutes.match(lower);
    if (match.hasMatch())
        return match.captured(1);
    if (lower.contains(u"weekly"))
        return QStringLiteral("weekly");
    if (lower.contains(u"monthly"))
        return QStringLiteral("monthly");
    return QStringLiteral("daily");
}

QString functionFor(SeriesKind kind, bool daily)
{
    switch (kind) {
    case SeriesKind::Fx: return daily ? QStringLiteral("FX_DAILY") : QStringLiteral("FX_INTRADAY");
    case SeriesKind::Crypto: return daily ? QStringLiteral("DIGITAL_CURRENCY_DAILY") : QStringLiteral("CRYPTO_INTRADAY");
    case SeriesKind::Equity: break;
    }
    return daily ? QStringLiteral("TIME_SERIES_DAILY") : QStringLiteral("TIME_SERIES_INTRADAY");
}

/// A row's fields by name, then by unit: "1a. open (CNY)" is fields["open"]["CNY"].
using RowFields = QHash<QString, QHash<QString, QJsonValue>>;

/// Picks the price among "1a. open (CNY)" / "1b. open (USD)" / "1. open": the market's own
/// currency first, then a plain field, then USD.
QJsonValue priceField(const RowFields& fields, const QString& name, const QString& marketCode)
{
    const auto units = fields.value(name);
    if (units.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    for (const QString& unit : {marketCode, QString(), QStringLiteral("USD")}) {
        if (units.contains(unit))
            return units.value(unit);
    }
    return units.begin().value();
}

/// Reads series rows into candidate bars; the sanitiser (providers/DataQuality.h) judges them.
class BarRowReader
{
public:
    BarRowReader(SeriesKind kind, const QTimeZone& zone, QString marketCode, bool intraday,
                 const AlphaVantageParseContext& context)
        : m_kind(kind), m_zone(zone), m_marketCode(std::move(marketCode)), m_intraday(intraday),
          m_context(context)
    {
    }

    [[nodiscard]] CandidateBar read(const QString& key, const QJsonValue& rowValue)
    {
        CandidateBar candidate;
        candidate.label = key;
        const Timestamp stamp = readTimestamp(key, m_zone);
        if (!stamp.problem.isEmpty()) {
            candidate.rejection = rowIssue(key, stamp.problem, stamp.detail);
            return candidate;
        }
        if (!rowValue.isObject()) {
            candidate.rejection = rowIssue(key, QStringLiteral("not_an_object"), QStringLiteral("the row is not an object of fields"));
            return candidate;
        }
        candidate.bar.openTime = stamp.utc;
        candidate.rejection = readValues(key, fieldsOf(rowValue.toObject()), candidate.bar);
        if (!candidate.rejection && m_intraday)
            candidate.bar.extendedHours = isExtendedHours(stamp.utc);
        return candidate;
    }

private:
    RowFields fieldsOf(const QJsonObject& row)
    {
        RowFields fields;
        for (auto it = row.begin(); it != row.end(); ++it) {
            // Every row repeats the same few field names: split each once.
            auto known = m_fieldNames.constFind(it.key());
            if (known == m_fieldNames.constEnd())
                known = m_fieldNames.insert(it.key(), splitFieldName(it.key()));
            fields[known->name].insert(known->unit, it.value());
        }
        return fields;
    }

    /// Fills open, high, low, close and volume; the first one missing or not a number rejects the row.
    std::optional<DataQualityIssue> readValues(const QString& key, const RowFields& fields, Bar& bar) const
    {
        double* targets[] = {&bar.open, &bar.high, &bar.low, &bar.close, &bar.volume};
        const QString names[] = {QStringLiteral("open"), QStringLiteral("high"), QStringLiteral("low"),
                                 QStringLiteral("close"), QStringLiteral("volume")};
        const bool volumeRequired = m_kind != SeriesKind::Fx;
        for (int i = 0; i < 5; ++i) {
            const bool isVolume = i == 4;
            const QJsonValue value = isVolume ? priceField(fields, names[i], QString()) : priceField(fields, names[i], m_marketCode);
            const Number number = readNumber(value);
            if (number.problem == NumberProblem::Missing && isVolume && !volumeRequired)
                continue; // FX has no volume: Alpha Vantage sends none, we report 0
            if (number.problem == NumberProblem::Missing)
                return rowIssue(key, QStringLiteral("missing_field"), QStringLiteral("the row has no %1").arg(names[i]));
            if (number.problem == NumberProblem::NotANumber)
                return rowIssue(key, QStringLiteral("not_a_number"), QStringLiteral("%1 is not a number").arg(names[i]));
            *targets[i] = number.value;
        }
        return std::nullopt;
    }

    bool isExtendedHours(const QDateTime& barOpenUtc) const
    {
        if (m_context.isRegularSession)
            return !m_context.isRegularSession(barOpenUtc);
        return m_kind == SeriesKind::Equity ? !isNyseRegularHours(barOpenUtc) : false;
    }

    SeriesKind m_kind;
    QTimeZone m_zone;
    QString m_marketCode;
    bool m_intraday;
    const AlphaVantageParseContext& m_context;
    QHash<QString, FieldName> m_fieldNames;
};

/// One candidate per row in `keys` order; a label the body repeats becomes one rejected candidate.
QList<CandidateBar> readCandidates(const QJsonObject& series, const QStringList& keys,
                                   const QHash<QString, int>& occurrences, BarRowReader& reader)
{
    QList<CandidateBar> candidates;
    candidates.reserve(keys.size());
    QSet<QString> reportedDuplicates;
    for (const QString& key : keys) {
        const int count = occurrences.value(key);
        if (count <= 1) {
            candidates.append(reader.read(key, series.value(key)));
        } else if (!reportedDuplicates.contains(key)) {
            reportedDuplicates.insert(key);
            candidates.append(CandidateBar{key, Bar{}, duplicateKeyIssue(key, count)});
        }
    }
    return candidates;
}

Error noUsableBars(qsizetype rows, const QList<DataQualityIssue>& issues)
{
    QString reason = rows == 0 ? QStringLiteral("the series has no rows") : QStringLiteral("all %1 rows were rejected").arg(rows);
    if (!issues.isEmpty())
        reason += QStringLiteral("; first: ") + issues.first().toString();
    return pe::make(pe::NoUsableRows, QStringLiteral("no usable bar in the response: ") + reason,
                    QStringLiteral("check the symbol and interval; the data cannot be used"));
}

} // namespace

Result<AlphaVantageResponse> parseBars(const QJsonObject& root, const QString& seriesKey,
                                       const QStringList& orderedKeys, const AlphaVantageParseContext& context)
{
    const Meta meta{root.value(QStringLiteral("Meta Data")).toObject()};
    const QString fn = context.function.toUpper();
    const SeriesKind kind = seriesKindOf(meta, seriesKey, fn);
    AlphaVantageBars result;
    result.interval = intervalFrom(meta.text(u"interval"), seriesKey);
    const bool daily = !result.interval.endsWith(u"min");
    result.function = fn.isEmpty() ? functionFor(kind, daily) : fn;
    const QString marketCode = meta.text(u"market code").toUpper();
    result.symbol = symbolFor(kind, meta, marketCode);
    auto zone = zoneFromMeta(meta, defaultZoneFor(kind), result.timeZone, result.issues);
    if (!zone)
        return zone.error();

    const QJsonObject series = root.value(seriesKey).toObject();
    const QStringList keys = orderedKeys.isEmpty() ? series.keys() : orderedKeys;
    BarRowReader reader(kind, *zone, marketCode, !daily, context);
    const QList<CandidateBar> candidates = readCandidates(series, keys, countOccurrences(orderedKeys), reader);
    const RowOrder order = orderedKeys.isEmpty() ? RowOrder::Any : RowOrder::NewestFirst;
    SanitizedBars clean = sanitizeBars(candidates, context.now, order);
    result.bars = std::move(clean.bars);
    result.issues += clean.issues;
    if (result.bars.isEmpty())
        return noUsableBars(keys.size(), clean.issues);
    return AlphaVantageResponse{std::move(result)};
}

} // namespace alphaVantage
} // namespace sentinel

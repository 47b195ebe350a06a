// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/AlphaVantageParser.h"

#include "providers/ProviderError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <cmath>
#include <limits>

namespace sentinel {

namespace pe = providerError;

namespace {

// ---------------------------------------------------------------------------------------------
// Names: Alpha Vantage numbers its fields ("1. open", "1a. open (USD)", "01. symbol",
// "1: Symbol") and the numbering changed over the years; the words did not. Match on words.

struct FieldName {
    QString name; ///< lower-case words, underscores as spaces: "open", "from currency code"
    QString unit; ///< text in trailing parentheses, upper-case: "USD"; empty when none
};

FieldName splitFieldName(const QString& key)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\s*(?:\d+[a-z]?\s*[.:]\s*)?(.*?)\s*(?:\(([^()]*)\))?\s*$)"));
    const QRegularExpressionMatch match = pattern.match(key);
    FieldName field;
    if (!match.hasMatch()) {
        field.name = key.trimmed().toLower();
        return field;
    }
    field.name = match.captured(1).toLower().replace(u'_', u' ').simplified();
    field.unit = match.captured(2).trimmed().toUpper();
    return field;
}

/// The value of the first member whose name (without numbering) is `name`.
QJsonValue findField(const QJsonObject& object, QStringView name)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (splitFieldName(it.key()).name == name)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString findText(const QJsonObject& object, QStringView name)
{
    const QJsonValue value = findField(object, name);
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return {};
}

// ---------------------------------------------------------------------------------------------
// Numbers arrive as strings ("121.7900", "0.5100%") or as JSON numbers.

enum class NumberProblem { None, Missing, NotANumber };

struct Number {
    double value = 0;
    NumberProblem problem = NumberProblem::None;
};

Number readNumber(const QJsonValue& value, bool allowPercent = false)
{
    if (value.isUndefined() || value.isNull())
        return {0, NumberProblem::Missing};
    if (value.isDouble())
        return {value.toDouble(), NumberProblem::None};
    if (!value.isString())
        return {0, NumberProblem::NotANumber};
    QString text = value.toString().trimmed();
    if (allowPercent && text.endsWith(u'%'))
        text.chop(1);
    bool ok = false;
    // QString::toDouble uses the C locale and accepts "nan"/"inf": the finite check rejects
    // those with their own reason. "Infinity" and overflowing numbers get the same treatment.
    const double parsed = text.toDouble(&ok);
    if (!ok) {
        const QString lower = text.toLower();
        if (lower == u"infinity" || lower == u"+infinity" || lower == u"-infinity" || std::isinf(parsed))
            return {std::numeric_limits<double>::infinity(), NumberProblem::None};
        return {0, NumberProblem::NotANumber};
    }
    return {parsed, NumberProblem::None};
}

// ---------------------------------------------------------------------------------------------
// Time: the metadata names the zone; bars are labelled in local wall time, with or without
// seconds, or as dates only.

std::optional<QTimeZone> zoneNamed(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.compare(u"UTC", Qt::CaseInsensitive) == 0 || trimmed.compare(u"GMT", Qt::CaseInsensitive) == 0)
        return QTimeZone(QByteArrayLiteral("UTC"));
    // The US/ aliases moved to tzdata's "legacy" package on some systems: map them ourselves.
    static const QHash<QString, QByteArray> aliases{
        {QStringLiteral("us/eastern"), "America/New_York"},
        {QStringLiteral("us/central"), "America/Chicago"},
        {QStringLiteral("us/mountain"), "America/Denver"},
        {QStringLiteral("us/pacific"), "America/Los_Angeles"},
    };
    const QByteArray id = aliases.value(trimmed.toLower(), trimmed.toLatin1());
    if (id.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(id))
        return std::nullopt;
    return QTimeZone(id);
}

struct Timestamp {
    QDateTime utc;
    bool dateOnly = false;
    QString problem; ///< rule code when the text is no valid instant
    QString detail;
};

Timestamp readTimestamp(const QString& text, const QTimeZone& zone)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*$)"));
    static const QRegularExpression compact(
        QStringLiteral(R"(^\s*(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?\s*$)"));
    QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        match = compact.match(text);
    Timestamp result;
    if (!match.hasMatch()) {
        result.problem = QStringLiteral("invalid_timestamp");
        result.detail = QStringLiteral("'%1' is not a timestamp (expected YYYY-MM-DD[ HH:MM[:SS]])").arg(text.left(40));
        return result;
    }
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    result.dateOnly = match.captured(4).isEmpty();
    const QTime time = result.dateOnly
                           ? QTime(0, 0)
                           : QTime(match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt());
    if (!date.isValid() || !time.isValid()) {
        result.problem = QStringLiteral("invalid_timestamp");
        result.detail = QStringLiteral("'%1' is not a calendar date and time").arg(text.left(40));
        return result;
    }
    const QDateTime local(date, time, zone);
    // A wall time inside a daylight-saving gap does not exist; Qt moves it, we refuse it.
    if (!local.isValid() || local.date() != date || local.time() != time) {
        result.problem = QStringLiteral("nonexistent_local_time");
        result.detail = QStringLiteral("'%1' does not exist in %2 (it falls in a daylight-saving gap)")
                            .arg(text, QString::fromLatin1(zone.id()));
        return result;
    }
    result.utc = local.toUTC();
    return result;
}

bool isNyseRegularHours(const QDateTime& utc)
{
    static const QTimeZone newYork(QByteArrayLiteral("America/New_York"));
    const QDateTime local = utc.toTimeZone(newYork);
    const int weekday = local.date().dayOfWeek();
    const QTime t = local.time();
    return weekday <= 5 && t >= QTime(9, 30) && t < QTime(16, 0);
}

// ---------------------------------------------------------------------------------------------
// Duplicate keys: QJsonObject keeps one value per key and sorts keys, so it hides both a
// duplicated timestamp and the order rows came in. This scan reads the raw text of a
// well-formed body and lists, for each object directly under the root, its keys in document
// order (duplicates included).

QString decodeJsonString(const QByteArray& raw, bool hasEscapes)
{
    if (!hasEscapes)
        return QString::fromUtf8(raw);
    const QJsonDocument doc = QJsonDocument::fromJson("[\"" + raw + "\"]");
    return doc.array().at(0).toString();
}

QHash<QString, QStringList> keysInDocumentOrder(const QByteArray& body)
{
    struct Frame {
        bool isObject;
        bool expectKey;
        QString parentKey; ///< for depth-2 objects: their key in the root object
    };
    QHash<QString, QStringList> keys;
    QList<Frame> stack;
    QString lastRootKey;
    const qsizetype size = body.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = body.at(i);
        if (c == '"') {
            const qsizetype start = ++i;
            bool escapes = false;
            while (i < size && body.at(i) != '"') {
                if (body.at(i) == '\\') {
                    escapes = true;
                    ++i;
                }
                ++i;
            }
            if (stack.isEmpty() || !stack.last().isObject || !stack.last().expectKey)
                continue;
            stack.last().expectKey = false;
            const QString key = decodeJsonString(body.mid(start, i - start), escapes);
            if (stack.size() == 1)
                lastRootKey = key;
            else if (stack.size() == 2 && stack.first().isObject)
                keys[stack.last().parentKey].append(key);
        } else if (c == '{' || c == '[') {
            stack.append(Frame{c == '{', c == '{', stack.size() == 1 ? lastRootKey : QString()});
        } else if (c == '}' || c == ']') {
            if (!stack.isEmpty())
                stack.removeLast();
        } else if (c == ',') {
            if (!stack.isEmpty() && stack.last().isObject)
                stack.last().expectKey = true;
        }
    }
    return keys;
}

/// How often each key appears; a key missing from the scan counts as appearing once.
QHash<QString, int> countOccurrences(const QStringList& keysInOrder)
{
    QHash<QString, int> occurrences;
    for (const QString& key : keysInOrder)
        ++occurrences[key];
    return occurrences;
}

// ---------------------------------------------------------------------------------------------
// Errors in the body: Alpha Vantage answers HTTP 200 with one of three keys.

QString maskEchoedKey(QString text)
{
    // "We have detected your API key as ABC123 and ..." — never pass the key on.
    static const QRegularExpression echoed(QStringLiteral(R"((API key as )\S+)"), QRegularExpression::CaseInsensitiveOption);
    text.replace(echoed, QStringLiteral("\\1***"));
    return text;
}

Error classifyInformation(const QString& text)
{
    const QString lower = text.toLower();
    const QString message = QStringLiteral("Alpha Vantage: ") + maskEchoedKey(text);
    if (lower.contains(u"apikey is invalid") || lower.contains(u"api key is invalid")
        || lower.contains(u"invalid or missing") || lower.contains(u"demo api key")
        || lower.contains(u"**demo**"))
        return pe::make(pe::InvalidApiKey, message,
                        QStringLiteral("set providers.alpha_vantage.api_key to your own free key"));
    // The burst notice also mentions "premium endpoints" and "per day": test it first.
    if (lower.contains(u"spreading out") || lower.contains(u"per second") || lower.contains(u"burst"))
        return pe::make(pe::BurstLimited, message, QStringLiteral("send requests further apart; retry in a few seconds"));
    if (lower.contains(u"premium endpoint") || lower.contains(u"premium-only") || lower.contains(u"premium only"))
        return pe::make(pe::PremiumEndpoint, message,
                        QStringLiteral("this endpoint needs a paid plan; choose another endpoint or provider"));
    if (lower.contains(u"per day") || lower.contains(u"daily"))
        return pe::make(pe::QuotaExhausted, message,
                        QStringLiteral("the daily quota is used up; requests resume after the provider's daily reset"));
    if (lower.contains(u"per minute") || lower.contains(u"call frequency"))
        return pe::make(pe::RateLimited, message, QStringLiteral("back off for a minute"));
    return pe::make(pe::ProviderNotice, message, QStringLiteral("read the provider's notice; the request was not answered"));
}

std::optional<Error> errorInBody(const QJsonObject& root)
{
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString name = it.key().trimmed().toLower();
        const QString text = it.value().isString() ? it.value().toString() : QString();
        if (name == u"error message") {
            const QString lower = text.toLower();
            if (lower.contains(u"apikey") && (lower.contains(u"invalid") || lower.contains(u"missing")))
                return pe::make(pe::InvalidApiKey, QStringLiteral("Alpha Vantage: ") + maskEchoedKey(text),
                                QStringLiteral("set providers.alpha_vantage.api_key to a valid key"));
            return pe::make(pe::InvalidCall, QStringLiteral("Alpha Vantage rejected the call: ") + maskEchoedKey(text),
                            QStringLiteral("check the symbol, interval and function; retrying will not help"));
        }
        if (name == u"note")
            return pe::make(pe::RateLimited, QStringLiteral("Alpha Vantage: ") + maskEchoedKey(text),
                            QStringLiteral("back off for a minute before the next request"));
        if (name == u"information")
            return classifyInformation(text);
    }
    return std::nullopt;
}

Error classifyNonJson(const QByteArray& body, const QJsonParseError& parseError)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return pe::make(pe::EmptyBody, QStringLiteral("the response body is empty"),
                        QStringLiteral("retry later; the service sent nothing"));
    if (trimmed.startsWith('<')) {
        static const QRegularExpression title(QStringLiteral("<title>\\s*([^<]{0,80})"),
                                              QRegularExpression::CaseInsensitiveOption);
        const QString titleText = title.match(QString::fromUtf8(trimmed.left(4096))).captured(1).trimmed();
        return pe::make(pe::HtmlBody,
                        titleText.isEmpty() ? QStringLiteral("the response is an HTML page, not JSON")
                                            : QStringLiteral("the response is an HTML page, not JSON (\"%1\")").arg(titleText),
                        QStringLiteral("the service or a proxy is failing; retry later and check the base URL"));
    }
    const bool atEnd = parseError.offset >= trimmed.size() - 1;
    const bool unterminated = parseError.error == QJsonParseError::UnterminatedObject
                              || parseError.error == QJsonParseError::UnterminatedArray
                              || parseError.error == QJsonParseError::UnterminatedString;
    if (trimmed.startsWith('{') && (atEnd || unterminated))
        return pe::make(pe::TruncatedBody,
                        QStringLiteral("the JSON body ends early after %1 bytes (%2)")
                            .arg(body.size())
                            .arg(parseError.errorString()),
                        QStringLiteral("the connection was cut; retry"));
    return pe::make(pe::MalformedBody,
                    QStringLiteral("the body is not valid JSON: %1 at byte %2")
                        .arg(parseError.errorString())
                        .arg(parseError.offset),
                    QStringLiteral("retry later; report it if it persists"));
}

DataQualityIssue rowIssue(const QString& row, const QString& rule, const QString& message)
{
    return DataQualityIssue{row, rule, message};
}

// ---------------------------------------------------------------------------------------------
// Payload kinds.

enum class SeriesKind { Equity, Fx, Crypto };

struct Meta {
    QJsonObject object;
    QString text(QStringView name) const { return findText(object, name); }
};

QString defaultZoneFor(SeriesKind kind)
{
    return kind == SeriesKind::Equity ? QStringLiteral("US/Eastern") : QStringLiteral("UTC");
}

/// Chooses a zone: the metadata's, else the function's documented default with an issue.
Result<QTimeZone> zoneFromMeta(const Meta& meta, const QString& fallback, QString& zoneName,
                               QList<DataQualityIssue>& issues)
{
    zoneName = meta.text(u"time zone");
    if (zoneName.isEmpty()) {
        zoneName = fallback;
        issues.append(rowIssue(QStringLiteral("Meta Data"), QStringLiteral("assumed_time_zone"),
                               QStringLiteral("the metadata names no time zone; assumed %1, the documented default").arg(fallback)));
    }
    const auto zone = zoneNamed(zoneName);
    if (!zone)
        return pe::make(pe::UnknownTimeZone, QStringLiteral("the metadata names an unknown time zone '%1'").arg(zoneName.left(60)),
                        QStringLiteral("report this response; timestamps cannot be converted to UTC"));
    return *zone;
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

/// Picks the price among "1a. open (CNY)" / "1b. open (USD)" / "1. open": the market's own
/// currency first, then a plain field, then USD.
QJsonValue priceField(const QHash<QString, QHash<QString, QJsonValue>>& fields, const QString& name,
                      const QString& marketCode)
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

Result<AlphaVantageResponse> parseBars(const QJsonObject& root, const QString& seriesKey,
                                       const QStringList& orderedKeys, const AlphaVantageParseContext& context)
{
    Meta meta{root.value(QStringLiteral("Meta Data")).toObject()};
    const QString seriesLower = seriesKey.toLower();
    const QString fn = context.function.toUpper();
    SeriesKind kind = SeriesKind::Equity;
    if (fn.startsWith(u"FX_") || seriesLower.contains(u" fx") || !meta.text(u"from symbol").isEmpty())
        kind = SeriesKind::Fx;
    else if (fn.startsWith(u"DIGITAL_") || fn.startsWith(u"CRYPTO_") || seriesLower.contains(u"digital")
             || seriesLower.contains(u"crypto") || !meta.text(u"digital currency code").isEmpty())
        kind = SeriesKind::Crypto;

    AlphaVantageBars result;
    result.interval = intervalFrom(meta.text(u"interval"), seriesKey);
    const bool daily = !result.interval.endsWith(u"min");
    result.function = fn.isEmpty() ? functionFor(kind, daily) : fn;
    const QString marketCode = meta.text(u"market code").toUpper();
    switch (kind) {
    case SeriesKind::Fx:
        result.symbol = meta.text(u"from symbol").toUpper() + u'/' + meta.text(u"to symbol").toUpper();
        break;
    case SeriesKind::Crypto:
        result.symbol = meta.text(u"digital currency code").toUpper() + u'/' + marketCode;
        break;
    case SeriesKind::Equity:
        result.symbol = meta.text(u"symbol").toUpper();
        break;
    }
    auto zone = zoneFromMeta(meta, defaultZoneFor(kind), result.timeZone, result.issues);
    if (!zone)
        return zone.error();

    const QJsonObject series = root.value(seriesKey).toObject();
    const QHash<QString, int> occurrences = countOccurrences(orderedKeys);
    const QStringList keys = orderedKeys.isEmpty() ? series.keys() : orderedKeys;
    const RowOrder order = orderedKeys.isEmpty() ? RowOrder::Any : RowOrder::NewestFirst;
    const bool intraday = !daily;
    const bool volumeRequired = kind != SeriesKind::Fx;

    QList<CandidateBar> candidates;
    candidates.reserve(keys.size());
    QSet<QString> reportedDuplicates;
    QHash<QString, FieldName> fieldNames;
    for (const QString& key : keys) {
        CandidateBar candidate;
        candidate.label = key;
        if (occurrences.value(key) > 1) {
            // The body lists this label more than once and the JSON reader kept only one of
            // the values: neither can be trusted.
            if (!reportedDuplicates.contains(key)) {
                reportedDuplicates.insert(key);
                candidate.rejection = rowIssue(key, QStringLiteral("duplicate_timestamp"),
                                               QStringLiteral("the timestamp appears %1 times in the body; all copies are dropped")
                                                   .arg(occurrences.value(key)));
                candidates.append(candidate);
            }
            continue;
        }
        const Timestamp stamp = readTimestamp(key, *zone);
        if (!stamp.problem.isEmpty()) {
            candidate.rejection = rowIssue(key, stamp.problem, stamp.detail);
            candidates.append(candidate);
            continue;
        }
        const QJsonValue rowValue = series.value(key);
        if (!rowValue.isObject()) {
            candidate.rejection = rowIssue(key, QStringLiteral("not_an_object"), QStringLiteral("the row is not an object of fields"));
            candidates.append(candidate);
            continue;
        }
        QHash<QString, QHash<QString, QJsonValue>> fields;
        const QJsonObject row = rowValue.toObject();
        for (auto it = row.begin(); it != row.end(); ++it) {
            // Every row repeats the same few field names: split each once.
            auto known = fieldNames.constFind(it.key());
            if (known == fieldNames.constEnd())
                known = fieldNames.insert(it.key(), splitFieldName(it.key()));
            fields[known->name].insert(known->unit, it.value());
        }
        candidate.bar.openTime = stamp.utc;
        double* targets[] = {&candidate.bar.open, &candidate.bar.high, &candidate.bar.low, &candidate.bar.close,
                             &candidate.bar.volume};
        const QString names[] = {QStringLiteral("open"), QStringLiteral("high"), QStringLiteral("low"),
                                 QStringLiteral("close"), QStringLiteral("volume")};
        for (int i = 0; i < 5 && !candidate.rejection; ++i) {
            const bool isVolume = i == 4;
            const QJsonValue value = isVolume ? priceField(fields, names[i], QString()) : priceField(fields, names[i], marketCode);
            const Number number = readNumber(value);
            if (number.problem == NumberProblem::Missing && isVolume && !volumeRequired)
                continue; // FX has no volume: Alpha Vantage sends none, we report 0
            if (number.problem == NumberProblem::Missing)
                candidate.rejection = rowIssue(key, QStringLiteral("missing_field"), QStringLiteral("the row has no %1").arg(names[i]));
            else if (number.problem == NumberProblem::NotANumber)
                candidate.rejection = rowIssue(key, QStringLiteral("not_a_number"),
                                               QStringLiteral("%1 is not a number").arg(names[i]));
            else
                *targets[i] = number.value;
        }
        if (!candidate.rejection && intraday) {
            candidate.bar.extendedHours = context.isRegularSession ? !context.isRegularSession(stamp.utc)
                                          : kind == SeriesKind::Equity ? !isNyseRegularHours(stamp.utc)
                                                                       : false;
        }
        candidates.append(candidate);
    }

    SanitizedBars clean = sanitizeBars(candidates, context.now, order);
    result.bars = std::move(clean.bars);
    result.issues += clean.issues;
    if (result.bars.isEmpty()) {
        QString reason = keys.isEmpty() ? QStringLiteral("the series has no rows")
                                        : QStringLiteral("all %1 rows were rejected").arg(keys.size());
        if (!clean.issues.isEmpty())
            reason += QStringLiteral("; first: ") + clean.issues.first().toString();
        return pe::make(pe::NoUsableRows, QStringLiteral("no usable bar in the response: ") + reason,
                        QStringLiteral("check the symbol and interval; the data cannot be used"));
    }
    return AlphaVantageResponse{std::move(result)};
}

Result<AlphaVantageResponse> parseIndicator(const QJsonObject& root, const QString& seriesKey,
                                            const QStringList& orderedKeys, const AlphaVantageParseContext& context)
{
    Meta meta{root.value(QStringLiteral("Meta Data")).toObject()};
    IndicatorSeries result;
    result.symbol = meta.text(u"symbol").toUpper();
    // "Technical Analysis: RSI" names the indicator; the metadata's "2: Indicator" is prose
    // ("Relative Strength Index (RSI)") and only a fallback.
    const QString keyIndicator = seriesKey.section(u':', 1).trimmed();
    result.indicator = (keyIndicator.isEmpty() ? meta.text(u"indicator") : keyIndicator).toUpper();
    result.interval = meta.text(u"interval").toLower();
    QString zoneName;
    auto zone = zoneFromMeta(meta, QStringLiteral("US/Eastern"), zoneName, result.qualityIssues);
    if (!zone)
        return zone.error();

    const QJsonObject series = root.value(seriesKey).toObject();
    const QHash<QString, int> occurrences = countOccurrences(orderedKeys);
    const QStringList keys = series.keys();
    QSet<qint64> seen;
    for (const QString& key : keys) {
        if (occurrences.value(key) > 1) {
            result.qualityIssues.append(rowIssue(key, QStringLiteral("duplicate_timestamp"),
                                                 QStringLiteral("the timestamp appears %1 times in the body; all copies are dropped")
                                                     .arg(occurrences.value(key))));
            continue;
        }
        const Timestamp stamp = readTimestamp(key, *zone);
        if (!stamp.problem.isEmpty()) {
            result.qualityIssues.append(rowIssue(key, stamp.problem, stamp.detail));
            continue;
        }
        if (context.now.isValid() && stamp.utc > context.now) {
            result.qualityIssues.append(rowIssue(key, QStringLiteral("future_timestamp"),
                                                 QStringLiteral("the point is at %1, after the current time %2")
                                                     .arg(stamp.utc.toString(Qt::ISODate), context.now.toString(Qt::ISODate))));
            continue;
        }
        if (seen.contains(stamp.utc.toMSecsSinceEpoch())) {
            result.qualityIssues.append(rowIssue(key, QStringLiteral("duplicate_timestamp"),
                                                 QStringLiteral("another row names the same instant %1").arg(stamp.utc.toString(Qt::ISODate))));
            continue;
        }
        IndicatorPoint point;
        point.time = stamp.utc;
        const QJsonObject row = series.value(key).toObject();
        std::optional<DataQualityIssue> problem;
        for (auto it = row.begin(); it != row.end() && !problem; ++it) {
            const Number number = readNumber(it.value());
            const QString name = it.key().trimmed();
            if (number.problem != NumberProblem::None)
                problem = rowIssue(key, QStringLiteral("not_a_number"), QStringLiteral("%1 is not a number").arg(name.left(40)));
            else if (!isFiniteNumber(number.value))
                problem = rowIssue(key, QStringLiteral("not_finite"), QStringLiteral("%1 is not a finite number").arg(name.left(40)));
            else
                point.values.insert(name, number.value);
        }
        if (!problem && point.values.isEmpty())
            problem = rowIssue(key, QStringLiteral("missing_field"), QStringLiteral("the row has no values"));
        if (problem) {
            result.qualityIssues.append(*problem);
            continue;
        }
        seen.insert(stamp.utc.toMSecsSinceEpoch());
        result.points.append(point);
    }
    std::sort(result.points.begin(), result.points.end(),
              [](const IndicatorPoint& a, const IndicatorPoint& b) { return a.time < b.time; });
    if (result.points.isEmpty())
        return pe::make(pe::NoUsableRows,
                        QStringLiteral("no usable %1 point in the response (%2 rows)").arg(result.indicator).arg(keys.size()),
                        QStringLiteral("check the symbol, interval and time period"));
    return AlphaVantageResponse{std::move(result)};
}

std::optional<double> optionalPositive(const QJsonObject& object, QStringView name)
{
    const Number number = readNumber(findField(object, name));
    if (number.problem != NumberProblem::None || !isFiniteNumber(number.value) || number.value <= 0)
        return std::nullopt;
    return number.value;
}

std::optional<double> optionalFinite(const QJsonObject& object, QStringView name, bool percent = false)
{
    const Number number = readNumber(findField(object, name), percent);
    if (number.problem != NumberProblem::None || !isFiniteNumber(number.value))
        return std::nullopt;
    return number.value;
}

Result<AlphaVantageResponse> parseQuote(const QJsonObject& object)
{
    if (object.isEmpty())
        return pe::make(pe::InvalidCall, QStringLiteral("Alpha Vantage returned an empty quote; the symbol is probably unknown"),
                        QStringLiteral("check the symbol"));
    Quote quote;
    quote.symbol = findText(object, u"symbol").toUpper();
    const Number price = readNumber(findField(object, u"price"));
    if (price.problem != NumberProblem::None || !isFiniteNumber(price.value) || price.value <= 0)
        return pe::make(pe::NoUsableRows, QStringLiteral("the quote for %1 has no usable price").arg(quote.symbol),
                        QStringLiteral("retry later; the provider sent an invalid price"));
    quote.price = price.value;
    quote.open = optionalPositive(object, u"open");
    quote.high = optionalPositive(object, u"high");
    quote.low = optionalPositive(object, u"low");
    quote.previousClose = optionalPositive(object, u"previous close");
    quote.change = optionalFinite(object, u"change");
    quote.changePercent = optionalFinite(object, u"change percent", true);
    quote.volume = optionalFinite(object, u"volume");
    if (quote.volume && *quote.volume < 0)
        quote.volume.reset();
    quote.latestTradingDay = QDate::fromString(findText(object, u"latest trading day"), Qt::ISODate);
    if (quote.high && quote.low && *quote.high < *quote.low)
        return pe::make(pe::NoUsableRows, QStringLiteral("the quote for %1 has high below low").arg(quote.symbol),
                        QStringLiteral("retry later; the provider sent inconsistent data"));
    return AlphaVantageResponse{quote};
}

Result<AlphaVantageResponse> parseExchangeRate(const QJsonObject& object, const AlphaVantageParseContext& context)
{
    AlphaVantageExchangeRate rate;
    rate.from = findText(object, u"from currency code").toUpper();
    rate.to = findText(object, u"to currency code").toUpper();
    const Number value = readNumber(findField(object, u"exchange rate"));
    if (value.problem != NumberProblem::None || !isFiniteNumber(value.value) || value.value <= 0)
        return pe::make(pe::NoUsableRows, QStringLiteral("the exchange rate %1/%2 is not a positive number").arg(rate.from, rate.to),
                        QStringLiteral("retry later; the provider sent an invalid rate"));
    rate.rate = value.value;
    rate.bid = optionalPositive(object, u"bid price");
    rate.ask = optionalPositive(object, u"ask price");
    if (rate.bid && rate.ask && *rate.bid > *rate.ask) {
        rate.bid.reset();
        rate.ask.reset();
    }
    const QString zoneName = findText(object, u"time zone");
    const auto zone = zoneNamed(zoneName.isEmpty() ? QStringLiteral("UTC") : zoneName);
    if (!zone)
        return pe::make(pe::UnknownTimeZone, QStringLiteral("the exchange rate names an unknown time zone '%1'").arg(zoneName.left(60)));
    const Timestamp stamp = readTimestamp(findText(object, u"last refreshed"), *zone);
    if (stamp.problem.isEmpty())
        rate.refreshedAt = stamp.utc;
    if (rate.refreshedAt.isValid() && context.now.isValid() && rate.refreshedAt > context.now)
        return pe::make(pe::NoUsableRows,
                        QStringLiteral("the exchange rate is stamped %1, after the current time").arg(rate.refreshedAt.toString(Qt::ISODate)),
                        QStringLiteral("check the system clock"));
    return AlphaVantageResponse{rate};
}

Result<AlphaVantageResponse> parseNews(const QJsonArray& feed, const AlphaVantageParseContext& context)
{
    NewsSentiment result;
    const QTimeZone utc(QByteArrayLiteral("UTC"));
    int index = 0;
    for (const QJsonValue& value : feed) {
        const QString label = QStringLiteral("feed[%1]").arg(index++);
        const QJsonObject object = value.toObject();
        NewsItem item;
        item.title = object.value(QStringLiteral("title")).toString();
        item.url = object.value(QStringLiteral("url")).toString();
        item.source = object.value(QStringLiteral("source")).toString();
        item.sentimentLabel = object.value(QStringLiteral("overall_sentiment_label")).toString();
        const Timestamp stamp = readTimestamp(object.value(QStringLiteral("time_published")).toString(), utc);
        if (!stamp.problem.isEmpty()) {
            result.qualityIssues.append(rowIssue(label, stamp.problem, stamp.detail));
            continue;
        }
        item.publishedAt = stamp.utc;
        if (context.now.isValid() && item.publishedAt > context.now) {
            result.qualityIssues.append(rowIssue(label, QStringLiteral("future_timestamp"),
                                                 QStringLiteral("published %1, after the current time").arg(item.publishedAt.toString(Qt::ISODate))));
            continue;
        }
        const Number score = readNumber(object.value(QStringLiteral("overall_sentiment_score")));
        if (score.problem != NumberProblem::None || !isFiniteNumber(score.value) || std::abs(score.value) > 1) {
            result.qualityIssues.append(rowIssue(label, QStringLiteral("score_out_of_range"),
                                                 QStringLiteral("the sentiment score is missing or outside [-1, 1]")));
            continue;
        }
        item.sentimentScore = score.value;
        for (const QJsonValue& tickerValue : object.value(QStringLiteral("ticker_sentiment")).toArray()) {
            const QJsonObject t = tickerValue.toObject();
            const Number relevance = readNumber(t.value(QStringLiteral("relevance_score")));
            const Number tickerScore = readNumber(t.value(QStringLiteral("ticker_sentiment_score")));
            if (relevance.problem != NumberProblem::None || tickerScore.problem != NumberProblem::None
                || !isFiniteNumber(relevance.value) || !isFiniteNumber(tickerScore.value) || relevance.value < 0
                || relevance.value > 1 || std::abs(tickerScore.value) > 1) {
                result.qualityIssues.append(rowIssue(label, QStringLiteral("score_out_of_range"),
                                                     QStringLiteral("ticker %1 has a missing or out-of-range score; that ticker is dropped")
                                                         .arg(t.value(QStringLiteral("ticker")).toString().left(20))));
                continue;
            }
            item.tickers.append(TickerSentiment{t.value(QStringLiteral("ticker")).toString(), relevance.value,
                                                tickerScore.value, t.value(QStringLiteral("ticker_sentiment_label")).toString()});
        }
        result.items.append(item);
    }
    if (result.items.isEmpty() && !feed.isEmpty())
        return pe::make(pe::NoUsableRows, QStringLiteral("none of the %1 news items is usable").arg(feed.size()),
                        QStringLiteral("retry later"));
    return AlphaVantageResponse{std::move(result)};
}

QJsonValue optionalJson(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString isoUtc(const QDateTime& instant)
{
    return instant.isValid() ? instant.toUTC().toString(Qt::ISODate) : QString();
}

QJsonArray issuesJson(const QList<DataQualityIssue>& issues)
{
    QJsonArray array;
    for (const DataQualityIssue& issue : issues)
        array.append(QJsonObject{{QStringLiteral("row"), issue.row},
                                 {QStringLiteral("rule"), issue.rule},
                                 {QStringLiteral("message"), issue.message}});
    return array;
}

} // namespace

Result<AlphaVantageResponse> parseAlphaVantage(const QByteArray& body, const AlphaVantageParseContext& context)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return classifyNonJson(body, parseError);
    if (!document.isObject())
        return pe::make(pe::UnexpectedShape, QStringLiteral("the JSON body is not an object"),
                        QStringLiteral("check the base URL points at Alpha Vantage"));
    const QJsonObject root = document.object();

    QString seriesKey;
    QString indicatorKey;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString lower = it.key().toLower();
        if (lower.startsWith(u"time series") && it.value().isObject())
            seriesKey = it.key();
        else if (lower.startsWith(u"technical analysis") && it.value().isObject())
            indicatorKey = it.key();
    }
    if (!seriesKey.isEmpty() || !indicatorKey.isEmpty()) {
        const QHash<QString, QStringList> ordered = keysInDocumentOrder(body);
        return seriesKey.isEmpty() ? parseIndicator(root, indicatorKey, ordered.value(indicatorKey), context)
                                   : parseBars(root, seriesKey, ordered.value(seriesKey), context);
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString lower = it.key().toLower();
        if (lower == u"global quote" && it.value().isObject())
            return parseQuote(it.value().toObject());
        if (lower == u"realtime currency exchange rate" && it.value().isObject())
            return parseExchangeRate(it.value().toObject(), context);
    }
    if (root.value(QStringLiteral("feed")).isArray())
        return parseNews(root.value(QStringLiteral("feed")).toArray(), context);
    if (auto error = errorInBody(root))
        return *error;
    return pe::make(pe::UnexpectedShape,
                    QStringLiteral("the response has none of the expected members (keys: %1)")
                        .arg(root.keys().mid(0, 5).join(QStringLiteral(", ")).left(200)),
                    QStringLiteral("check the function name; the provider may have changed its format"));
}

QJsonObject toNormalisedJson(const AlphaVantageResponse& response)
{
    return std::visit(
        [](const auto& payload) -> QJsonObject {
            using T = std::decay_t<decltype(payload)>;
            if constexpr (std::is_same_v<T, AlphaVantageBars>) {
                QJsonArray bars;
                for (const Bar& bar : payload.bars)
                    bars.append(QJsonObject{{QStringLiteral("open_time"), isoUtc(bar.openTime)},
                                            {QStringLiteral("open"), bar.open},
                                            {QStringLiteral("high"), bar.high},
                                            {QStringLiteral("low"), bar.low},
                                            {QStringLiteral("close"), bar.close},
                                            {QStringLiteral("volume"), bar.volume},
                                            {QStringLiteral("extended_hours"), bar.extendedHours}});
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("bars")},
                                   {QStringLiteral("function"), payload.function},
                                   {QStringLiteral("symbol"), payload.symbol},
                                   {QStringLiteral("interval"), payload.interval},
                                   {QStringLiteral("time_zone"), payload.timeZone},
                                   {QStringLiteral("bars"), bars},
                                   {QStringLiteral("issues"), issuesJson(payload.issues)}};
            } else if constexpr (std::is_same_v<T, Quote>) {
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("quote")},
                                   {QStringLiteral("symbol"), payload.symbol},
                                   {QStringLiteral("price"), payload.price},
                                   {QStringLiteral("open"), optionalJson(payload.open)},
                                   {QStringLiteral("high"), optionalJson(payload.high)},
                                   {QStringLiteral("low"), optionalJson(payload.low)},
                                   {QStringLiteral("previous_close"), optionalJson(payload.previousClose)},
                                   {QStringLiteral("change"), optionalJson(payload.change)},
                                   {QStringLiteral("change_percent"), optionalJson(payload.changePercent)},
                                   {QStringLiteral("volume"), optionalJson(payload.volume)},
                                   {QStringLiteral("latest_trading_day"), payload.latestTradingDay.toString(Qt::ISODate)}};
            } else if constexpr (std::is_same_v<T, AlphaVantageExchangeRate>) {
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("exchange_rate")},
                                   {QStringLiteral("from"), payload.from},
                                   {QStringLiteral("to"), payload.to},
                                   {QStringLiteral("rate"), payload.rate},
                                   {QStringLiteral("bid"), optionalJson(payload.bid)},
                                   {QStringLiteral("ask"), optionalJson(payload.ask)},
                                   {QStringLiteral("refreshed_at"), isoUtc(payload.refreshedAt)}};
            } else if constexpr (std::is_same_v<T, IndicatorSeries>) {
                QJsonArray points;
                for (const IndicatorPoint& point : payload.points) {
                    QJsonObject values;
                    for (auto it = point.values.begin(); it != point.values.end(); ++it)
                        values.insert(it.key(), it.value());
                    points.append(QJsonObject{{QStringLiteral("time"), isoUtc(point.time)}, {QStringLiteral("values"), values}});
                }
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("indicator")},
                                   {QStringLiteral("symbol"), payload.symbol},
                                   {QStringLiteral("indicator"), payload.indicator},
                                   {QStringLiteral("interval"), payload.interval},
                                   {QStringLiteral("points"), points},
                                   {QStringLiteral("issues"), issuesJson(payload.qualityIssues)}};
            } else {
                QJsonArray items;
                for (const NewsItem& item : payload.items) {
                    QJsonArray tickers;
                    for (const TickerSentiment& t : item.tickers)
                        tickers.append(QJsonObject{{QStringLiteral("ticker"), t.ticker},
                                                   {QStringLiteral("relevance"), t.relevance},
                                                   {QStringLiteral("score"), t.score},
                                                   {QStringLiteral("label"), t.label}});
                    items.append(QJsonObject{{QStringLiteral("title"), item.title},
                                             {QStringLiteral("url"), item.url},
                                             {QStringLiteral("source"), item.source},
                                             {QStringLiteral("published_at"), isoUtc(item.publishedAt)},
                                             {QStringLiteral("sentiment_score"), item.sentimentScore},
                                             {QStringLiteral("sentiment_label"), item.sentimentLabel},
                                             {QStringLiteral("tickers"), tickers}});
                }
                return QJsonObject{{QStringLiteral("type"), QStringLiteral("news_sentiment")},
                                   {QStringLiteral("items"), items},
                                   {QStringLiteral("issues"), issuesJson(payload.qualityIssues)}};
            }
        },
        response.payload);
}

QJsonObject errorToJson(const Error& error)
{
    return QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("kind"), error.kind},
                                                             {QStringLiteral("message"), error.message},
                                                             {QStringLiteral("remedy"), error.remedy}}}};
}

} // namespace sentinel

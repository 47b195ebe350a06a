// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/AlphaVantageFields.h"

#include "common/Excerpt.h"
#include "providers/ProviderError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace sentinel {
namespace alphaVantage {

namespace pe = providerError;

namespace {

QString decodeJsonString(const QByteArray& raw, bool hasEscapes)
{
    if (!hasEscapes)
        return QString::fromUtf8(raw);
    const QJsonDocument doc = QJsonDocument::fromJson("[\"" + raw + "\"]");
    return doc.array().at(0).toString();
}

} // namespace

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

Number readNumber(const QJsonValue& value, bool allowPercent)
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

std::optional<double> optionalPositive(const QJsonObject& object, QStringView name)
{
    const Number number = readNumber(findField(object, name));
    if (number.problem != NumberProblem::None || !isFiniteNumber(number.value) || number.value <= 0)
        return std::nullopt;
    return number.value;
}

std::optional<double> optionalFinite(const QJsonObject& object, QStringView name, bool percent)
{
    const Number number = readNumber(findField(object, name), percent);
    if (number.problem != NumberProblem::None || !isFiniteNumber(number.value))
        return std::nullopt;
    return number.value;
}

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
        result.detail = QStringLiteral("'%1' is not a timestamp (expected YYYY-MM-DD[ HH:MM[:SS]])").arg(excerpt(text));
        return result;
    }
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    result.dateOnly = match.captured(4).isEmpty();
    const QTime time = result.dateOnly
                           ? QTime(0, 0)
                           : QTime(match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt());
    if (!date.isValid() || !time.isValid()) {
        result.problem = QStringLiteral("invalid_timestamp");
        result.detail = QStringLiteral("'%1' is not a calendar date and time").arg(excerpt(text));
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

QHash<QString, int> countOccurrences(const QStringList& keysInOrder)
{
    QHash<QString, int> occurrences;
    for (const QString& key : keysInOrder)
        ++occurrences[key];
    return occurrences;
}

DataQualityIssue rowIssue(const QString& row, const QString& rule, const QString& message)
{
    return DataQualityIssue{row, rule, message};
}

DataQualityIssue duplicateKeyIssue(const QString& row, int occurrences)
{
    return rowIssue(row, QStringLiteral("duplicate_timestamp"),
                    QStringLiteral("the timestamp appears %1 times in the body; all copies are dropped").arg(occurrences));
}

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
        return pe::make(pe::UnknownTimeZone, QStringLiteral("the metadata names an unknown time zone '%1'").arg(excerpt(zoneName)),
                        QStringLiteral("report this response; timestamps cannot be converted to UTC"));
    return *zone;
}

} // namespace alphaVantage
} // namespace sentinel

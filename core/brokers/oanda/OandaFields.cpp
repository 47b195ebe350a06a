// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaFields.h"

#include "brokers/oanda/OandaDecimal.h"
#include "brokers/oanda/OandaErrors.h"
#include "common/Excerpt.h"

#include <QJsonDocument>

#include <cmath>

namespace sentinel::oanda {

namespace oe = oandaError;

namespace {

constexpr double kMaxCount = 9007199254740992.0; // 2^53: every whole number up to it is exact

const QString kRemedy = QStringLiteral("the body is not a valid OANDA answer; check the base URL, report it if it persists");

QString quoted(const QString& text)
{
    return u'\'' + excerpt(text) + u'\'';
}

} // namespace

Result<QJsonObject> readObjectBody(const QByteArray& body)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return classifyNonJsonBody(body, parseError, QStringLiteral("OANDA"));
    if (!document.isObject())
        return oe::make(oe::UnexpectedShape, QStringLiteral("the JSON body is not an object"), kRemedy);
    return document.object();
}

Result<FieldReader> readAnswer(const QByteArray& body, QStringView key)
{
    const auto object = readObjectBody(body);
    if (!object)
        return object.error();
    if (!object.value().contains(key) && object.value().contains(u"errorMessage"))
        return oe::fromErrorAnswer(0, object.value());
    return FieldReader(object.value(), QString());
}

namespace {

/// The value of the `count` ASCII digits at `from`, or -1 when any is not a digit.
qint64 digitsAt(QStringView text, qsizetype from, qsizetype count)
{
    qint64 value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

/// Milliseconds of the fraction's first three digits ("5" is 500 ms); -1 unless 1-9 digits.
int fractionMillis(QStringView fraction)
{
    if (fraction.isEmpty() || fraction.size() > 9 || digitsAt(fraction, 0, fraction.size()) < 0)
        return -1;
    int millis = 0;
    for (qsizetype i = 0; i < 3; ++i)
        millis = millis * 10 + (i < fraction.size() ? fraction[i].unicode() - u'0' : 0);
    return millis;
}

/// "2017-01-03T00:00:00.000000000Z" (fraction optional) read by position: a candle answer has
/// thousands of them, and a regular expression per instant cost more than the rest of a candle.
std::optional<qint64> rfc3339Millis(QStringView text)
{
    if (text.size() < 20 || text.back() != u'Z' || text[4] != u'-' || text[7] != u'-' || text[10] != u'T'
        || text[13] != u':' || text[16] != u':')
        return std::nullopt;
    const auto year = int(digitsAt(text, 0, 4));
    const auto month = int(digitsAt(text, 5, 2));
    const auto day = int(digitsAt(text, 8, 2));
    const auto hour = int(digitsAt(text, 11, 2));
    const auto minute = int(digitsAt(text, 14, 2));
    const auto second = int(digitsAt(text, 17, 2));
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    int millis = 0;
    if (text.size() > 20) {
        if (text[19] != u'.')
            return std::nullopt;
        millis = fractionMillis(text.sliced(20, text.size() - 21));
        if (millis < 0)
            return std::nullopt;
    }
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    constexpr qint64 unixEpochJulianDay = 2'440'588;
    constexpr qint64 dayMs = 86'400'000;
    return (date.toJulianDay() - unixEpochJulianDay) * dayMs + ((hour * 60 + minute) * 60 + second) * qint64{1000} + millis;
}

} // namespace

std::optional<QDateTime> parseOandaTime(QStringView text)
{
    if (const std::optional<qint64> ms = rfc3339Millis(text))
        return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
    // Unix seconds with an optional fraction, as OANDA sends when asked for UNIX instants.
    const qsizetype point = text.indexOf(u'.');
    const QStringView whole = point < 0 ? text : text.first(point);
    if (whole.isEmpty() || whole.size() > 11 || digitsAt(whole, 0, whole.size()) < 0)
        return std::nullopt;
    int millis = 0;
    if (point >= 0 && (millis = fractionMillis(text.sliced(point + 1))) < 0)
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(digitsAt(whole, 0, whole.size()) * 1000 + millis, Qt::UTC);
}

FieldReader::FieldReader(QJsonObject object, QString path) : m_object(std::move(object)), m_path(std::move(path)) {}

bool FieldReader::has(QStringView key) const
{
    return m_object.contains(key);
}

QString FieldReader::pathOf(QStringView key) const
{
    return m_path.isEmpty() ? key.toString() : m_path + u'.' + key;
}

Error FieldReader::missing(QStringView key) const
{
    return oe::make(oe::MissingField, QStringLiteral("%1 is missing").arg(pathOf(key)), kRemedy);
}

Error FieldReader::invalid(QStringView key, const QString& what) const
{
    return oe::make(oe::InvalidField, pathOf(key) + u' ' + what, kRemedy);
}

Result<QString> FieldReader::string(QStringView key, const char* expected) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return missing(key);
    if (!value.isString())
        return invalid(key, QStringLiteral("is %1, not %2").arg(jsonTypeName(value), QLatin1String(expected)));
    return value.toString();
}

Result<QString> FieldReader::text(QStringView key) const
{
    auto value = string(key, "a string");
    if (value && value.value().isEmpty())
        return invalid(key, QStringLiteral("is empty"));
    return value;
}

Result<QString> FieldReader::optionalText(QStringView key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return QString();
    if (!value.isString())
        return invalid(key, QStringLiteral("is %1, not a string").arg(jsonTypeName(value)));
    return value.toString();
}

Result<double> FieldReader::decimal(QStringView key) const
{
    const auto text = string(key, "a decimal string");
    if (!text)
        return text.error();
    const Decimal parsed = parseDecimal(text.value());
    if (parsed.problem != DecimalProblem::None)
        return invalid(key, quoted(text.value()) + u' ' + describeDecimalProblem(parsed.problem));
    return parsed.value;
}

Result<std::optional<double>> FieldReader::optionalDecimal(QStringView key) const
{
    if (!has(key))
        return std::optional<double>();
    auto value = decimal(key);
    if (!value)
        return value.error();
    return std::optional<double>(value.value());
}

Result<qint64> FieldReader::count(QStringView key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return missing(key);
    double number = 0;
    if (value.isDouble()) {
        number = value.toDouble();
    } else if (value.isString()) {
        const Decimal parsed = parseDecimal(value.toString());
        if (parsed.problem != DecimalProblem::None)
            return invalid(key, quoted(value.toString()) + u' ' + describeDecimalProblem(parsed.problem));
        number = parsed.value;
    } else {
        return invalid(key, QStringLiteral("is %1, not a whole number").arg(jsonTypeName(value)));
    }
    if (!std::isfinite(number) || number < 0 || number > kMaxCount || std::floor(number) != number)
        return invalid(key, QStringLiteral("is %1, not a whole number from 0 to 2^53").arg(QString::number(number, 'g', 17)));
    return qint64(number);
}

Result<bool> FieldReader::boolean(QStringView key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return missing(key);
    if (!value.isBool())
        return invalid(key, QStringLiteral("is %1, not a boolean")
                                .arg(value.isString() ? quoted(value.toString()) : jsonTypeName(value)));
    return value.toBool();
}

Result<QDateTime> FieldReader::time(QStringView key) const
{
    const auto text = string(key, "a time string");
    if (!text)
        return text.error();
    const auto instant = parseOandaTime(text.value());
    if (!instant)
        return invalid(key, quoted(text.value()) + QStringLiteral(" is not an RFC 3339 UTC instant or UNIX seconds"));
    return *instant;
}

Result<FieldReader> FieldReader::child(QStringView key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return missing(key);
    if (!value.isObject())
        return invalid(key, QStringLiteral("is %1, not an object").arg(jsonTypeName(value)));
    return FieldReader(value.toObject(), pathOf(key));
}

Result<QJsonArray> FieldReader::array(QStringView key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return missing(key);
    if (!value.isArray())
        return invalid(key, QStringLiteral("is %1, not an array").arg(jsonTypeName(value)));
    return value.toArray();
}

Result<FieldReader> FieldReader::element(QStringView key, const QJsonArray& array, qsizetype index) const
{
    const QString path = QStringLiteral("%1[%2]").arg(pathOf(key)).arg(index);
    const QJsonValue value = array.at(index);
    if (!value.isObject())
        return oe::make(oe::InvalidField, QStringLiteral("%1 is %2, not an object").arg(path, jsonTypeName(value)), kRemedy);
    return FieldReader(value.toObject(), path);
}

} // namespace sentinel::oanda

// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaFields.h"

#include "brokers/oanda/OandaDecimal.h"
#include "brokers/oanda/OandaErrors.h"
#include "common/Excerpt.h"

#include <QJsonDocument>
#include <QRegularExpression>

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

std::optional<QDateTime> parseOandaTime(QStringView text)
{
    static const QRegularExpression rfc3339(
        QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$)"));
    static const QRegularExpression unixSeconds(QStringLiteral(R"(^(\d{1,11})(?:\.(\d{1,9}))?$)"));
    auto millis = [](QStringView fraction) { return fraction.isEmpty() ? 0 : fraction.left(3).toString().leftJustified(3, u'0').toInt(); };
    if (const auto match = rfc3339.match(text); match.hasMatch()) {
        const QDate date(match.capturedView(1).toInt(), match.capturedView(2).toInt(), match.capturedView(3).toInt());
        const QTime time(match.capturedView(4).toInt(), match.capturedView(5).toInt(), match.capturedView(6).toInt(),
                         millis(match.capturedView(7)));
        if (!date.isValid() || !time.isValid())
            return std::nullopt;
        return QDateTime(date, time, Qt::UTC);
    }
    if (const auto match = unixSeconds.match(text); match.hasMatch()) {
        const qint64 ms = match.capturedView(1).toLongLong() * 1000 + millis(match.capturedView(2));
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    }
    return std::nullopt;
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

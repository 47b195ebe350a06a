// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseFields.h"

#include "brokers/coinbase/CoinbaseError.h"
#include "common/Excerpt.h"
#include "common/JsonBody.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace sentinel::coinbase {

namespace ce = coinbaseError;

namespace {

QString typeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("missing");
}

/// Largest integer a JSON number (a double) carries exactly.
constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

} // namespace

Result<QJsonObject> parseObjectBody(const QByteArray& body, qsizetype maxBytes, const QString& what)
{
    if (body.size() > maxBytes)
        return ce::make(ce::BodyTooLarge, QStringLiteral("%1 is %2 bytes; at most %3 are read").arg(what).arg(body.size()).arg(maxBytes),
                        QStringLiteral("ask for a smaller page or window"));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return classifyNonJsonBody(body, parseError, QStringLiteral("Coinbase"));
    if (!document.isObject())
        return ce::make(ce::UnexpectedShape, QStringLiteral("%1 is JSON but not an object").arg(what),
                        QStringLiteral("check the URL points at the Coinbase Advanced Trade API"));
    return document.object();
}

void FieldReader::fail(Error error)
{
    if (!m_error)
        m_error = std::move(error);
}

std::optional<QJsonValue> FieldReader::member(QStringView name, QJsonValue::Type type, bool required)
{
    if (m_error)
        return std::nullopt;
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || (value.isNull() && type != QJsonValue::Null)) {
        if (required)
            fail(ce::make(ce::MissingField, QStringLiteral("%1 is missing").arg(path(name)),
                          QStringLiteral("the answer lacks a field Coinbase always sends; report this body")));
        return std::nullopt;
    }
    if (value.type() != type) {
        fail(ce::make(ce::WrongType, QStringLiteral("%1 is %2, expected %3").arg(path(name), typeName(value.type()), typeName(type)),
                      QStringLiteral("the answer does not have Coinbase's shape; report this body")));
        return std::nullopt;
    }
    return value;
}

QString FieldReader::string(QStringView name)
{
    const auto value = member(name, QJsonValue::String, true);
    return value ? value->toString() : QString();
}

QString FieldReader::optionalString(QStringView name)
{
    const auto value = member(name, QJsonValue::String, false);
    return value ? value->toString() : QString();
}

std::optional<Decimal> FieldReader::toDecimal(QStringView name, const QString& text)
{
    // The path is built only for a bad value: a candle has five good ones, an answer thousands.
    QString why;
    std::optional<Decimal> decimal = tryParseDecimal(text, why);
    if (!decimal)
        fail(parseDecimal(text, path(name)).error());
    return decimal;
}

Decimal FieldReader::decimal(QStringView name)
{
    const auto value = member(name, QJsonValue::String, true);
    return value ? toDecimal(name, value->toString()).value_or(Decimal{}) : Decimal{};
}

std::optional<Decimal> FieldReader::optionalDecimal(QStringView name)
{
    const auto value = member(name, QJsonValue::String, false);
    if (!value || value->toString().isEmpty())
        return std::nullopt;
    return toDecimal(name, value->toString());
}

QDateTime FieldReader::time(QStringView name)
{
    const auto value = member(name, QJsonValue::String, true);
    if (!value)
        return {};
    const QString text = value->toString();
    QDateTime instant = parseRfc3339(text);
    if (!instant.isValid())
        fail(ce::make(ce::InvalidTimestamp, QStringLiteral("%1 '%2' is not an RFC 3339 instant").arg(path(name), excerpt(text)),
                      QStringLiteral("Coinbase writes instants like 2023-11-26T10:19:47.423220Z; report this body")));
    return instant;
}

QDateTime FieldReader::optionalTime(QStringView name)
{
    const auto value = member(name, QJsonValue::String, false);
    if (!value || value->toString().isEmpty())
        return {};
    return time(name);
}

qint64 FieldReader::unixSeconds(QStringView name)
{
    const auto value = member(name, QJsonValue::String, true);
    if (!value)
        return 0;
    const QString text = value->toString();
    // Digits only (no sign, no blanks), and no later than 9999-12-31.
    bool ok = !text.isEmpty() && text.size() <= 12
              && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    const qint64 seconds = ok ? text.toLongLong(&ok) : 0;
    if (!ok || seconds > 253402300799) {
        fail(ce::make(ce::InvalidTimestamp, QStringLiteral("%1 '%2' is not unix seconds").arg(path(name), excerpt(text)),
                      QStringLiteral("Coinbase writes candle starts as a string of digits, e.g. \"1712192400\"; report this body")));
        return 0;
    }
    return seconds;
}

qint64 FieldReader::counter(QStringView name)
{
    if (m_error)
        return 0;
    const QJsonValue value = m_object.value(name);
    if (value.isString()) {
        static const QRegularExpression digits(QStringLiteral("^\\d{1,15}$"));
        if (digits.match(value.toString()).hasMatch())
            return value.toString().toLongLong();
    } else if (value.isDouble()) {
        const double number = value.toDouble();
        if (number >= 0 && number <= kMaxExactInteger && number == std::floor(number))
            return qint64(number);
    } else if (value.isUndefined() || value.isNull()) {
        (void)member(name, QJsonValue::Double, true);
        return 0;
    }
    fail(ce::make(ce::InvalidNumber,
                  QStringLiteral("%1 is not a non-negative whole number (%2)")
                      .arg(path(name), excerpt(QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)))),
                  QStringLiteral("report this message; a counter must be a whole number")));
    return 0;
}

bool FieldReader::boolean(QStringView name)
{
    const auto value = member(name, QJsonValue::Bool, true);
    return value && value->toBool();
}

bool FieldReader::optionalBoolean(QStringView name)
{
    const auto value = member(name, QJsonValue::Bool, false);
    return value && value->toBool();
}

Side FieldReader::side(QStringView name)
{
    const QString text = string(name);
    if (!ok())
        return Side::Buy;
    if (const auto side = parseSide(text.toLower()))
        return *side;
    fail(ce::make(ce::UnexpectedShape, QStringLiteral("%1 '%2' is neither BUY nor SELL").arg(path(name), excerpt(text)),
                  QStringLiteral("report this body; the side of an order must be known")));
    return Side::Buy;
}

QJsonArray FieldReader::array(QStringView name)
{
    const auto value = member(name, QJsonValue::Array, true);
    return value ? value->toArray() : QJsonArray();
}

QJsonObject FieldReader::object(QStringView name)
{
    const auto value = member(name, QJsonValue::Object, true);
    return value ? value->toObject() : QJsonObject();
}

Error notAnObject(const QString& path)
{
    return ce::make(ce::WrongType, QStringLiteral("%1 is not an object").arg(path),
                    QStringLiteral("the answer does not have Coinbase's shape; report this body"));
}

} // namespace sentinel::coinbase

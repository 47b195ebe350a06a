// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/WireFields.h"

#include "advisor/AdvisorError.h"
#include "advisor/JsonDuplicateKeys.h"
#include "common/Excerpt.h"
#include "common/JsonBody.h"
#include "market/TimeText.h"

#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace sentinel::advisor {

namespace ae = advisorError;

namespace {

constexpr double kMaxCount = 9007199254740992.0; // 2^53: every whole number up to it is exact

QString shapeRemedy(ProviderKind provider)
{
    return QStringLiteral("the answer is not what %1 sends; check base_url and the provider's kind, and report it "
                          "if it persists").arg(providerName(provider));
}

QString expectedName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        break;
    }
    return QStringLiteral("null");
}

} // namespace

Result<QJsonObject> readWireObject(QByteArrayView body, qsizetype maxBytes, ProviderKind provider, const QString& what)
{
    if (body.size() > maxBytes)
        return ae::make(ae::ResponseTooLarge,
                        QStringLiteral("%1 has %2 bytes, more than the %3 the advisor reads").arg(what).arg(body.size()).arg(maxBytes),
                        QStringLiteral("check base_url points at %1; a real answer is far smaller").arg(providerName(provider)));
    const QByteArray bytes = body.toByteArray();
    QJsonParseError parseError{};
    // QJsonDocument reads a raw NUL inside a string; JSON has none, and the house calls it binary.
    const QJsonDocument document = bytes.contains('\0') ? QJsonDocument() : QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || document.isNull())
        return classifyNonJsonBody(bytes, parseError, providerName(provider));
    if (!document.isObject())
        return ae::make(ae::UnexpectedShape, QStringLiteral("%1 is JSON but not an object").arg(what), shapeRemedy(provider));
    if (const auto duplicate = firstDuplicateKey(bytes))
        return ae::make(ae::UnexpectedShape,
                        QStringLiteral("%1 gives the key %2 twice").arg(what, ae::printable(excerpt(*duplicate))),
                        shapeRemedy(provider));
    return document.object();
}

WireFields::WireFields(QJsonObject object, ProviderKind provider)
    : WireFields(std::move(object), QString(), provider, std::make_shared<std::optional<Error>>())
{
}

WireFields::WireFields(QJsonObject object, QString path, ProviderKind provider, std::shared_ptr<std::optional<Error>> problem)
    : m_object(std::move(object)), m_path(std::move(path)), m_provider(provider), m_problem(std::move(problem))
{
}

QString WireFields::pathOf(QStringView key) const
{
    return m_path.isEmpty() ? key.toString() : m_path + u'.' + key;
}

void WireFields::fail(const QString& message)
{
    if (ok())
        *m_problem = ae::make(ae::UnexpectedShape, message, shapeRemedy(m_provider));
}

void WireFields::invalid(QStringView key, const QString& what)
{
    fail(pathOf(key) + u' ' + what);
}

std::optional<QJsonValue> WireFields::member(QStringView key, QJsonValue::Type type, bool required, bool nullIsAbsent)
{
    if (!ok())
        return std::nullopt;
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || (nullIsAbsent && value.isNull())) {
        if (required)
            fail(QStringLiteral("%1 is missing").arg(pathOf(key)));
        return std::nullopt;
    }
    if (value.type() != type) {
        invalid(key, QStringLiteral("is %1, not %2").arg(jsonTypeName(value), expectedName(type)));
        return std::nullopt;
    }
    return value;
}

QString WireFields::text(QStringView key)
{
    const auto value = member(key, QJsonValue::String, true, false);
    if (value && value->toString().isEmpty())
        invalid(key, QStringLiteral("is empty"));
    return value && ok() ? value->toString() : QString();
}

QString WireFields::string(QStringView key)
{
    const auto value = member(key, QJsonValue::String, true, false);
    return value ? value->toString() : QString();
}

QString WireFields::optionalString(QStringView key)
{
    const auto value = member(key, QJsonValue::String, false, true);
    return value ? value->toString() : QString();
}

std::optional<qint64> WireFields::optionalCount(QStringView key)
{
    const auto value = member(key, QJsonValue::Double, false, true);
    if (!value)
        return std::nullopt;
    const double number = value->toDouble();
    if (!std::isfinite(number) || number < 0 || number > kMaxCount || std::floor(number) != number) {
        invalid(key, QStringLiteral("is %1, not a whole number from 0 to 2^53").arg(QString::number(number, 'g', QLocale::FloatingPointShortest)));
        return std::nullopt;
    }
    return qint64(number);
}

qint64 WireFields::count(QStringView key)
{
    if (ok() && (!has(key) || m_object.value(key).isNull())) {
        fail(QStringLiteral("%1 is missing").arg(pathOf(key)));
        return 0;
    }
    return optionalCount(key).value_or(0);
}

bool WireFields::boolean(QStringView key)
{
    const auto value = member(key, QJsonValue::Bool, true, false);
    return value && value->toBool();
}

QDateTime WireFields::optionalTime(QStringView key)
{
    const auto value = member(key, QJsonValue::String, false, true);
    if (!value)
        return {};
    QDateTime instant = parseRfc3339(value->toString());
    if (!instant.isValid())
        invalid(key, QStringLiteral("'%1' is not an RFC 3339 instant").arg(ae::printable(excerpt(value->toString()))));
    return instant;
}

WireFields WireFields::child(QStringView key)
{
    const auto value = member(key, QJsonValue::Object, true, false);
    return WireFields(value ? value->toObject() : QJsonObject(), pathOf(key), m_provider, m_problem);
}

std::optional<WireFields> WireFields::optionalChild(QStringView key)
{
    const auto value = member(key, QJsonValue::Object, false, true);
    if (!value)
        return std::nullopt;
    return WireFields(value->toObject(), pathOf(key), m_provider, m_problem);
}

QJsonArray WireFields::array(QStringView key, bool nullIsEmpty)
{
    if (nullIsEmpty && m_object.value(key).isNull())
        return {};
    const auto value = member(key, QJsonValue::Array, true, false);
    return value ? value->toArray() : QJsonArray();
}

WireFields WireFields::element(QStringView key, const QJsonArray& array, qsizetype index)
{
    const QString path = QStringLiteral("%1[%2]").arg(pathOf(key)).arg(index);
    const QJsonValue value = array.at(index);
    if (!value.isObject())
        fail(QStringLiteral("%1 is %2, not an object").arg(path, jsonTypeName(value)));
    return WireFields(value.toObject(), path, m_provider, m_problem);
}

} // namespace sentinel::advisor

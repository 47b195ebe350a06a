// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/AdviceSchema.h"

#include "advisor/AdvisorError.h"
#include "advisor/AdvisorLimits.h"
#include "advisor/JsonDuplicateKeys.h"
#include "common/Excerpt.h"
#include "common/JsonBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace sentinel::advisor {

namespace ae = advisorError;

namespace {

const QString kRemedy = QStringLiteral("the advice counts as hold; if it keeps happening, use a model that supports "
                                       "structured output, or a lower temperature");

Error invalid(const QString& message)
{
    return ae::make(ae::InvalidOutput, u"the model's answer " + message, kRemedy);
}

/// A short quote of the answer for a message: printable, at most an excerpt.
QString quote(const QString& text)
{
    return u'\'' + ae::printable(excerpt(text)) + u'\'';
}

/// `text` trimmed, or the reason it is not acceptable for `key`.
Result<QString> readText(const QJsonObject& object, const QString& key, qsizetype maxChars, bool allowLineBreaks)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return invalid(QStringLiteral("has %1 as %2, not a string").arg(key, jsonTypeName(value)));
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return invalid(QStringLiteral("has an empty %1").arg(key));
    if (text.size() > maxChars)
        return invalid(QStringLiteral("has a %1 of %2 characters, more than %3").arg(key).arg(text.size()).arg(maxChars));
    for (const QChar c : text) {
        const bool lineBreak = c == u'\n' || c == u'\t';
        if (c.category() == QChar::Other_Control && !(allowLineBreaks && lineBreak))
            return invalid(QStringLiteral("has a control character (U+%1) in %2").arg(uint(c.unicode()), 4, 16, QChar(u'0')).arg(key));
    }
    return text;
}

Result<Advice> readFields(const QJsonObject& object)
{
    Advice advice;
    const QJsonValue action = object.value(QStringLiteral("action"));
    const auto parsedAction = action.isString() ? parseAction(action.toString()) : std::nullopt;
    if (!parsedAction)
        return invalid(QStringLiteral("has action %1; it must be \"buy\", \"sell\" or \"hold\"")
                           .arg(action.isString() ? quote(action.toString()) : jsonTypeName(action)));
    advice.action = *parsedAction;

    const QJsonValue confidence = object.value(QStringLiteral("confidence"));
    if (!confidence.isDouble())
        return invalid(QStringLiteral("has confidence as %1, not a number").arg(jsonTypeName(confidence)));
    advice.confidence = confidence.toDouble();
    if (!std::isfinite(advice.confidence) || advice.confidence < 0 || advice.confidence > 1)
        return invalid(QStringLiteral("has confidence %1, outside 0 to 1").arg(QString::number(advice.confidence, 'g', QLocale::FloatingPointShortest)));

    const auto horizon = readText(object, QStringLiteral("horizon"), kMaxHorizonChars, false);
    if (!horizon)
        return horizon.error();
    advice.horizon = horizon.value();

    const QJsonValue stop = object.value(QStringLiteral("stop"));
    if (!stop.isNull()) {
        if (!stop.isDouble())
            return invalid(QStringLiteral("has stop as %1, not a number or null")
                               .arg(stop.isString() ? u"the string " + quote(stop.toString()) : jsonTypeName(stop)));
        const double price = stop.toDouble();
        if (!std::isfinite(price) || price <= 0)
            return invalid(QStringLiteral("has stop %1; a stop is a positive price or null").arg(QString::number(price, 'g', QLocale::FloatingPointShortest)));
        advice.stop = price;
    }

    const auto reason = readText(object, QStringLiteral("reason"), kMaxReasonChars, true);
    if (!reason)
        return reason.error();
    advice.reason = reason.value();
    return advice;
}

} // namespace

const QStringList& adviceKeys()
{
    static const QStringList keys{QStringLiteral("action"), QStringLiteral("confidence"), QStringLiteral("horizon"),
                                  QStringLiteral("stop"), QStringLiteral("reason")};
    return keys;
}

QJsonObject adviceJsonSchema()
{
    // Only keywords OpenAI's strict mode accepts; lengths and control characters are the validator's.
    const QJsonObject properties{
        {QStringLiteral("action"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                               {QStringLiteral("enum"), QJsonArray{QStringLiteral("buy"), QStringLiteral("sell"),
                                                                                   QStringLiteral("hold")}}}},
        {QStringLiteral("confidence"), QJsonObject{{QStringLiteral("type"), QStringLiteral("number")},
                                                   {QStringLiteral("minimum"), 0},
                                                   {QStringLiteral("maximum"), 1}}},
        {QStringLiteral("horizon"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                {QStringLiteral("description"), QStringLiteral("how long the advice holds, e.g. 4h or 1d")}}},
        {QStringLiteral("stop"), QJsonObject{{QStringLiteral("type"), QJsonArray{QStringLiteral("number"), QStringLiteral("null")}},
                                             {QStringLiteral("description"), QStringLiteral("a stop-loss price, or null")}}},
        {QStringLiteral("reason"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                               {QStringLiteral("description"), QStringLiteral("one or two sentences for the trader")}}},
    };
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties},
                       {QStringLiteral("required"), QJsonArray::fromStringList(adviceKeys())},
                       {QStringLiteral("additionalProperties"), false}};
}

QJsonObject openAiResponseFormat()
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("json_schema")},
                       {QStringLiteral("json_schema"), QJsonObject{{QStringLiteral("name"), QStringLiteral("trade_advice")},
                                                                   {QStringLiteral("strict"), true},
                                                                   {QStringLiteral("schema"), adviceJsonSchema()}}}};
}

Result<Advice> parseAdvice(QByteArrayView content)
{
    if (content.size() > kMaxAdviceBytes)
        return invalid(QStringLiteral("has %1 bytes, more than the %2 an advice object may have").arg(content.size()).arg(kMaxAdviceBytes));
    const QByteArray bytes = content.toByteArray();
    const QByteArray trimmed = bytes.trimmed();
    if (trimmed.isEmpty())
        return invalid(QStringLiteral("is empty"));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError && !trimmed.startsWith('{'))
        return invalid(QStringLiteral("is not a JSON object but text: %1").arg(quote(QString::fromUtf8(trimmed))));
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("is not valid JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return invalid(QStringLiteral("is JSON but not an object: %1").arg(quote(QString::fromUtf8(trimmed))));
    if (const auto duplicate = firstDuplicateKey(bytes))
        return invalid(QStringLiteral("gives the key %1 twice").arg(quote(*duplicate)));
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!adviceKeys().contains(it.key()))
            return invalid(QStringLiteral("has the key %1, which the advice schema does not allow (only %2)")
                               .arg(quote(it.key()), adviceKeys().join(QStringLiteral(", "))));
    }
    for (const QString& key : adviceKeys()) {
        if (!object.contains(key))
            return invalid(QStringLiteral("has no %1%2").arg(key, key == u"stop" ? QStringLiteral(" (null when there is none)") : QString()));
    }
    return readFields(object);
}

Result<Advice> parseAdvice(const QString& content)
{
    return parseAdvice(QByteArrayView(content.toUtf8()));
}

} // namespace sentinel::advisor

// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/ErrorAnswer.h"

#include "advisor/AdvisorError.h"
#include "advisor/AdvisorLimits.h"

#include <QJsonDocument>

#include <algorithm>

namespace sentinel::advisor {

namespace {

/// How much of a body that is not an error object is worth reading for its text.
constexpr qsizetype kPlainTextBytes = 4096;

} // namespace

std::optional<QString> errorAnswerText(const QJsonObject& object)
{
    const QJsonValue error = object.value(QStringLiteral("error"));
    if (error.isUndefined())
        return std::nullopt;
    if (error.isString())
        return error.toString();
    if (error.isObject()) {
        const QJsonObject envelope = error.toObject();
        const QString message = envelope.value(QStringLiteral("message")).toString();
        return message.isEmpty() ? envelope.value(QStringLiteral("type")).toString() : message;
    }
    return QString();
}

Error parseErrorAnswer(ProviderKind provider, int httpStatus, QByteArrayView body, const QString& model)
{
    if (body.size() <= kMaxSmallBodyBytes) {
        const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray());
        if (document.isObject()) {
            if (const auto text = errorAnswerText(document.object()))
                return advisorError::fromServerError(provider, httpStatus, *text, model);
        }
    }
    const QByteArrayView head = body.first(std::min(body.size(), kPlainTextBytes));
    return advisorError::fromServerError(provider, httpStatus, QString::fromUtf8(head).simplified(), model);
}

} // namespace sentinel::advisor

// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/ProviderAnswers.h"

#include "advisor/AdviceSchema.h"
#include "advisor/ErrorAnswer.h"

#include <QJsonObject>

namespace sentinel::advisor {

Result<QByteArray> successBody(const Result<ServerAnswer>& answer, ProviderKind kind, const QString& model)
{
    if (!answer)
        return answer.error();
    const ServerAnswer& reply = answer.value();
    if (reply.status < 200 || reply.status > 299)
        return parseErrorAnswer(kind, reply.status, reply.body, model);
    return reply.body;
}

AdviceOutcome adviceOutcome(const Result<ServerAnswer>& answer, ProviderKind kind, const QString& model, const ReadModelText& read)
{
    const std::chrono::microseconds latency = answer ? answer.value().latency : std::chrono::microseconds(0);
    const auto body = successBody(answer, kind, model);
    if (!body)
        return AdviceOutcome{body.error(), latency, {}};
    const auto text = read(body.value());
    if (!text)
        return AdviceOutcome{text.error(), latency, {}};
    return AdviceOutcome{parseAdvice(text.value().content), latency, text.value().modelVersion};
}

QJsonArray chatMessages(const AdviceRequest& request)
{
    return QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), request.system}},
                      QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), request.user}}};
}

} // namespace sentinel::advisor

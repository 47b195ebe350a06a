// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/OpenAiModels.h"

#include "advisor/AdvisorError.h"
#include "advisor/AdvisorLimits.h"
#include "advisor/ErrorAnswer.h"
#include "advisor/WireFields.h"

#include <algorithm>

namespace sentinel::advisor {

namespace {

constexpr ProviderKind kProvider = ProviderKind::OpenAiCompatible;
constexpr qsizetype kMaxIdChars = 256;

bool hasControl(const QString& text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

} // namespace

Result<QList<OpenAiModel>> parseOpenAiModels(QByteArrayView body)
{
    const auto object = readWireObject(body, kMaxListBodyBytes, kProvider, QStringLiteral("the /v1/models answer"));
    if (!object)
        return object.error();
    if (const auto error = errorAnswerText(object.value()))
        return advisorError::fromServerError(kProvider, 200, *error, QString());
    WireFields root(object.value(), kProvider);
    const QJsonArray data = root.array(u"data", true);
    QList<OpenAiModel> models;
    for (qsizetype i = 0; i < data.size() && root.ok(); ++i) {
        WireFields entry = root.element(u"data", data, i);
        OpenAiModel model;
        model.id = entry.text(u"id");
        if (entry.ok() && (model.id.size() > kMaxIdChars || hasControl(model.id)))
            entry.invalid(u"id", QStringLiteral("is longer than %1 characters or holds a control character").arg(kMaxIdChars));
        model.ownedBy = entry.optionalString(u"owned_by");
        model.created = entry.optionalCount(u"created").value_or(0);
        models.append(model);
    }
    if (!root.ok())
        return root.error();
    return models;
}

} // namespace sentinel::advisor

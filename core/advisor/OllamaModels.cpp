// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/OllamaModels.h"

#include "advisor/AdvisorError.h"
#include "advisor/AdvisorLimits.h"
#include "advisor/ErrorAnswer.h"
#include "advisor/ModelName.h"
#include "advisor/WireFields.h"

#include <QRegularExpression>

namespace sentinel::advisor {

namespace ae = advisorError;

namespace {

void readDetails(WireFields& entry, OllamaModelDetails& details)
{
    auto reader = entry.optionalChild(u"details");
    if (!reader)
        return;
    details.parentModel = reader->optionalString(u"parent_model");
    details.format = reader->optionalString(u"format");
    details.family = reader->optionalString(u"family");
    details.parameterSize = reader->optionalString(u"parameter_size");
    details.quantizationLevel = reader->optionalString(u"quantization_level");
    const QJsonArray families = reader->has(u"families") ? reader->array(u"families", true) : QJsonArray();
    for (qsizetype i = 0; i < families.size() && reader->ok(); ++i) {
        if (!families.at(i).isString())
            reader->invalid(u"families", QStringLiteral("[%1] is not a string").arg(i));
        details.families.append(families.at(i).toString());
    }
}

OllamaModel readModel(WireFields& entry)
{
    static const QRegularExpression hexDigest(QStringLiteral("^[0-9a-f]{64}$"));
    OllamaModel model;
    model.name = entry.text(u"name");
    if (entry.ok()) {
        if (const auto name = ModelName::parse(model.name); !name)
            entry.invalid(u"name", QStringLiteral("is no model name: ") + name.error().message);
    }
    model.model = entry.optionalString(u"model");
    model.sizeBytes = entry.count(u"size");
    model.digest = entry.text(u"digest");
    if (entry.ok() && !hexDigest.match(model.digest).hasMatch())
        entry.invalid(u"digest", QStringLiteral("is not 64 lower-case hex digits"));
    model.modifiedAt = entry.optionalTime(u"modified_at");
    model.expiresAt = entry.optionalTime(u"expires_at");
    model.sizeVramBytes = entry.optionalCount(u"size_vram");
    readDetails(entry, model.details);
    return model;
}

Result<QList<OllamaModel>> parseModelList(QByteArrayView body, const QString& what)
{
    const auto object = readWireObject(body, kMaxListBodyBytes, ProviderKind::Ollama, what);
    if (!object)
        return object.error();
    if (const auto error = errorAnswerText(object.value()))
        return ae::fromServerError(ProviderKind::Ollama, 200, *error, QString());
    WireFields root(object.value(), ProviderKind::Ollama);
    const QJsonArray list = root.array(u"models", true);
    QList<OllamaModel> models;
    for (qsizetype i = 0; i < list.size() && root.ok(); ++i) {
        WireFields entry = root.element(u"models", list, i);
        models.append(readModel(entry));
    }
    if (!root.ok())
        return root.error();
    return models;
}

} // namespace

Result<QList<OllamaModel>> parseOllamaTags(QByteArrayView body)
{
    return parseModelList(body, QStringLiteral("the /api/tags answer"));
}

Result<QList<OllamaModel>> parseOllamaPs(QByteArrayView body)
{
    return parseModelList(body, QStringLiteral("the /api/ps answer"));
}

} // namespace sentinel::advisor

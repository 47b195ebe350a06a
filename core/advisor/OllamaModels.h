// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sentinel::advisor {

/// What Ollama says about a model's build (all optional, shown only).
struct OllamaModelDetails {
    QString parentModel;
    QString format;            ///< "gguf"
    QString family;            ///< "llama"
    QStringList families;
    QString parameterSize;     ///< "7.2B"
    QString quantizationLevel; ///< "Q4_0"
    friend bool operator==(const OllamaModelDetails&, const OllamaModelDetails&) = default;
};

/// One model of /api/tags (installed) or /api/ps (loaded in memory).
struct OllamaModel {
    QString name;        ///< a valid model name with its tag ("llama3.2:latest"; ModelName.h)
    QString model;       ///< the same as Ollama repeats it; empty when absent
    qint64 sizeBytes = 0;
    QString digest;      ///< 64 lower-case hex digits
    QDateTime modifiedAt; ///< /api/tags; UTC, invalid when absent
    QDateTime expiresAt;  ///< /api/ps: when it is unloaded; UTC, invalid when absent
    std::optional<qint64> sizeVramBytes; ///< /api/ps
    OllamaModelDetails details;
    friend bool operator==(const OllamaModel&, const OllamaModel&) = default;
};

/// GET /api/tags: the installed models, in the server's order. `{"models": null}` (an empty
/// list as Go writes it) is no models. A name that is no valid model name, a digest that is not
/// 64 hex digits, or a size that is not a whole number is advisor_unexpected_shape with its path.
[[nodiscard]] Result<QList<OllamaModel>> parseOllamaTags(QByteArrayView body);
/// GET /api/ps: the models loaded now, read the same way.
[[nodiscard]] Result<QList<OllamaModel>> parseOllamaPs(QByteArrayView body);

} // namespace sentinel::advisor

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/LlmProvider.h"
#include "advisor/ModelServerClient.h"

#include <QJsonArray>

#include <functional>

// What both providers do with a server's answer, whatever its protocol: a non-2xx answer is the
// error it describes, a 2xx body goes to the protocol's reader, and the model's text to the
// answer schema.

namespace sentinel::advisor {

/// The body of a 2xx answer, or the transport error, or the typed error answer (ErrorAnswer.h)
/// whose remedy names `model`.
[[nodiscard]] Result<QByteArray> successBody(const Result<ServerAnswer>& answer, ProviderKind kind, const QString& model);

/// What a protocol's reader takes out of a 2xx chat answer.
struct ModelText {
    QString content;      ///< the model's own text, for the answer schema
    QString modelVersion; ///< AdviceOutcome::modelVersion
};
using ReadModelText = std::function<Result<ModelText>(const QByteArray& body)>;

/// The advice an answer comes to: its latency, and the validated advice or why there is none.
[[nodiscard]] AdviceOutcome adviceOutcome(const Result<ServerAnswer>& answer, ProviderKind kind, const QString& model,
                                          const ReadModelText& read);

/// The chat messages of a request: the system instruction, then the user's text.
[[nodiscard]] QJsonArray chatMessages(const AdviceRequest& request);

} // namespace sentinel::advisor

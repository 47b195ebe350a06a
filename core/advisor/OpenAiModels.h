// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace sentinel::advisor {

/// One model of GET /v1/models.
struct OpenAiModel {
    QString id;      ///< the name to send as `model`, exactly as listed
    QString ownedBy; ///< empty when absent
    qint64 created = 0; ///< UNIX seconds; 0 when absent
    friend bool operator==(const OpenAiModel&, const OpenAiModel&) = default;
};

/// Parses `{"object": "list", "data": [{"id", "object": "model", "created", "owned_by"}]}`.
/// An id that is empty, longer than 256 characters or holds a control character is
/// advisor_unexpected_shape: ids are shown and sent back as names, nothing else.
[[nodiscard]] Result<QList<OpenAiModel>> parseOpenAiModels(QByteArrayView body);

} // namespace sentinel::advisor

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArrayView>
#include <QString>

namespace sentinel::advisor {

/// GET /api/version: the server's version, kept as text for reports and as numbers to compare.
struct OllamaVersion {
    QString text; ///< "0.5.1", "0.6.0-rc1"
    int major = 0;
    int minor = 0;
    int patch = 0;
    friend bool operator==(const OllamaVersion&, const OllamaVersion&) = default;
};

/// Parses `{"version": "0.5.1"}`: major.minor.patch, each at most five digits, with an optional
/// "-" or "+" suffix of letters, digits, '.' and '-'. Anything else is advisor_unexpected_shape.
[[nodiscard]] Result<OllamaVersion> parseOllamaVersion(QByteArrayView body);

} // namespace sentinel::advisor

// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/OllamaVersion.h"

#include "advisor/AdvisorError.h"
#include "advisor/AdvisorLimits.h"
#include "advisor/WireFields.h"
#include "common/Excerpt.h"

#include <QRegularExpression>

namespace sentinel::advisor {

Result<OllamaVersion> parseOllamaVersion(QByteArrayView body)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^(\d{1,5})\.(\d{1,5})\.(\d{1,5})(?:[-+][0-9A-Za-z.-]{1,64})?$)"));
    const auto object = readWireObject(body, kMaxSmallBodyBytes, ProviderKind::Ollama, QStringLiteral("the /api/version answer"));
    if (!object)
        return object.error();
    WireFields root(object.value(), ProviderKind::Ollama);
    OllamaVersion version;
    version.text = root.text(u"version");
    const QRegularExpressionMatch match = pattern.match(version.text);
    if (root.ok() && !match.hasMatch())
        root.invalid(u"version", QStringLiteral("'%1' is not a version like 0.5.1").arg(advisorError::printable(excerpt(version.text))));
    if (!root.ok())
        return root.error();
    version.major = match.capturedView(1).toInt();
    version.minor = match.capturedView(2).toInt();
    version.patch = match.capturedView(3).toInt();
    return version;
}

} // namespace sentinel::advisor

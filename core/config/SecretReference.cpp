// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/SecretReference.h"

#include <QRegularExpression>

namespace sentinel {

std::optional<QString> secretReferenceName(const QString& text)
{
    static const QRegularExpression reference(QStringLiteral(R"(^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$)"));
    const QRegularExpressionMatch match = reference.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1);
}

QString secretReference(const QString& name)
{
    return QStringLiteral("${%1}").arg(name);
}

} // namespace sentinel

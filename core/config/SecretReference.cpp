// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/SecretReference.h"

#include <QRegularExpression>

namespace sentinel {

namespace {
/// `${NAME}` with NAME spelt as an environment variable is; group 1 is NAME.
QString referencePattern()
{
    return QStringLiteral(R"(\$\{([A-Za-z_][A-Za-z0-9_]*)\})");
}
} // namespace

std::optional<QString> secretReferenceName(const QString& text)
{
    static const QRegularExpression reference(u'^' + referencePattern() + u'$');
    const QRegularExpressionMatch match = reference.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1);
}

QString secretReference(const QString& name)
{
    return QStringLiteral("${%1}").arg(name);
}

QStringList secretReferenceNames(const QByteArray& yaml)
{
    static const QRegularExpression reference(referencePattern());
    QStringList names;
    auto it = reference.globalMatch(QString::fromUtf8(yaml));
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names << name;
    }
    return names;
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/ModelName.h"

#include "advisor/AdvisorError.h"
#include "common/Excerpt.h"

#include <QList>


namespace sentinel::advisor {

namespace ae = advisorError;

namespace {

const QString kRemedy = QStringLiteral("write the name as `ollama list` shows it, e.g. llama3.2 or llama3.1:8b");

Error refused(QStringView text, const QString& why)
{
    return ae::make(ae::InvalidModelName,
                    QStringLiteral("the model name '%1' %2").arg(ae::printable(excerpt(text)), why), kRemedy);
}

bool isPartChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.' || u == u'_'
           || u == u'-';
}

/// Checks one '/'-separated part; `mayHavePort` for the host part, `isLast` for the model:tag part.
std::optional<QString> partProblem(QStringView part, bool mayHavePort)
{
    if (part.isEmpty())
        return QStringLiteral("has an empty part");
    if (part == u"." || part == u"..")
        return QStringLiteral("has a '%1' part").arg(part);
    const qsizetype colon = part.indexOf(u':');
    if (colon >= 0 && !mayHavePort)
        return QStringLiteral("has a ':' before its last '/'");
    const QStringView host = colon >= 0 ? part.first(colon) : part;
    if (host.isEmpty())
        return QStringLiteral("has an empty part");
    if (colon >= 0) {
        const QStringView port = part.mid(colon + 1);
        bool ok = false;
        const int number = port.toInt(&ok);
        if (!ok || number < 1 || number > 65535 || port.size() > 5)
            return QStringLiteral("has a host port that is not a number from 1 to 65535");
    }
    return std::nullopt;
}

} // namespace

Result<ModelName> ModelName::parse(QStringView text)
{
    if (text.isEmpty())
        return ae::make(ae::InvalidModelName, QStringLiteral("the model name is empty"), kRemedy);
    if (text.size() > maxChars)
        return refused(text, QStringLiteral("has %1 characters, more than the %2 a name may have").arg(text.size()).arg(maxChars));
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return refused(text, QStringLiteral("contains the control character U+%1").arg(uint(c.unicode()), 4, 16, QChar(u'0')));
        if (c.isSpace())
            return refused(text, QStringLiteral("contains whitespace"));
        if (!isPartChar(c) && c != u'/' && c != u':')
            return refused(text, QStringLiteral("contains '%1', which a model name may not").arg(c));
    }
    const qsizetype lastSlash = text.lastIndexOf(u'/');
    const QStringView last = text.mid(lastSlash + 1);
    const QList<QStringView> leading = lastSlash >= 0 ? text.first(lastSlash).split(u'/') : QList<QStringView>();
    for (qsizetype i = 0; i < leading.size(); ++i) {
        // Only the first of at least two leading parts is a registry host, which may carry a port.
        if (const auto problem = partProblem(leading.at(i), i == 0 && leading.size() >= 2))
            return refused(text, *problem);
    }
    const qsizetype colon = last.indexOf(u':');
    if (colon >= 0 && last.indexOf(u':', colon + 1) >= 0)
        return refused(text, QStringLiteral("has more than one ':' after its last '/'"));
    const QStringView model = colon >= 0 ? last.first(colon) : last;
    if (const auto problem = partProblem(model, false))
        return refused(text, *problem);
    if (colon >= 0) {
        const QStringView tag = last.mid(colon + 1);
        if (tag.isEmpty())
            return refused(text, QStringLiteral("ends its tag with nothing after ':'"));
        if (tag == u"." || tag == u"..")
            return refused(text, QStringLiteral("has the tag '%1'").arg(tag));
        return ModelName(text.toString(), lastSlash + 1 + colon);
    }
    if (text.size() + 7 > maxChars)
        return refused(text, QStringLiteral("is too long to carry the tag ':latest'"));
    return ModelName(text.toString() + QStringLiteral(":latest"), text.size());
}

bool ModelName::matches(QStringView listed) const
{
    const auto other = parse(listed);
    return other.ok() && other.value().full().compare(m_full, Qt::CaseInsensitive) == 0;
}

} // namespace sentinel::advisor

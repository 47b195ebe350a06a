// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/AdvisorCheckReport.h"

#include "advisor/AdvisorError.h"

#include <algorithm>

namespace sentinel {

AdvisorCheckReport::Verdict AdvisorCheckReport::verdict() const
{
    const auto refused = [](const AdvisorServerCheck& server) { return server.refused; };
    if (blocker || servers.isEmpty() || std::any_of(servers.cbegin(), servers.cend(), refused))
        return Verdict::BadConfig;
    const auto failed = [](const AdvisorServerCheck& server) { return !server.passed(); };
    return std::any_of(servers.cbegin(), servers.cend(), failed) ? Verdict::ServerFailed : Verdict::AllGood;
}

bool blocksAdvisorCheck(const Issue& issue)
{
    if (issue.severity != Issue::Severity::Error)
        return false;
    const QString& where = issue.location;
    const QString section = QStringLiteral("advisor");
    const bool inSection = where.startsWith(section)
                           && (where.size() == section.size() || where.at(section.size()) == u'.' || where.at(section.size()) == u'[');
    return inSection || where == u"(file)";
}

std::optional<Error> advisorCheckBlocker(const AdvisorSettings& settings)
{
    if (!settings.providers.isEmpty())
        return std::nullopt;
    return Error(QStringLiteral("invalid_config"), QStringLiteral("no advisor model server is configured"),
                 QStringLiteral("add advisor.providers, e.g. advisor: {providers: [{kind: ollama, base_url: "
                                "\"http://127.0.0.1:11434\", model: \"llama3.2\"}]}"));
}

QString modelServerName(ModelServerKind kind, const QString& model, const QUrl& baseUrl)
{
    const QString where = baseUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    return QStringLiteral("%1 %2 at %3").arg(modelServerKindName(kind), advisor::advisorError::printable(model), where);
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/EndpointUrl.h"

#include "advisor/AdvisorError.h"
#include "common/Excerpt.h"

#include <QHostAddress>

namespace sentinel::advisor {

namespace ae = advisorError;

namespace {

bool isLoopback(const QString& host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Error refused(const QUrl& url, const QString& why, const QString& remedy)
{
    return ae::make(ae::InvalidBaseUrl, QStringLiteral("the base URL '%1' %2").arg(ae::printable(excerpt(shownUrl(url))), why), remedy);
}

} // namespace

Result<QUrl> checkBaseUrl(const QUrl& url)
{
    const QString example = QStringLiteral("write it as http://127.0.0.1:11434 or https://host[:port]");
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return refused(url, QStringLiteral("is not an http(s) URL with a host"), example);
    if (!url.userInfo().isEmpty())
        return refused(url, QStringLiteral("carries user info"), QStringLiteral("put an api key in the provider's api_key, not in the URL"));
    if (url.hasQuery() || url.hasFragment())
        return refused(url, QStringLiteral("has a query or fragment"), example);
    if (url.scheme() == u"http" && !isLoopback(url.host()))
        return refused(url, QStringLiteral("is plain http to a host that is not loopback: prompts and keys would cross the network in clear"),
                       QStringLiteral("use https://, or http:// only for 127.0.0.1, ::1 or localhost"));
    return url;
}

QUrl endpointUrl(const QUrl& base, QStringView path)
{
    QString prefix = base.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    if (prefix.endsWith(u"/v1") && path.startsWith(u"/v1/"))
        prefix.chop(3);
    QUrl url = base;
    url.setPath(prefix + path);
    return url;
}

QString shownUrl(const QUrl& url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

} // namespace sentinel::advisor

// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Redactor.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace sentinel {

namespace {
// Secrets shorter than this would mask ordinary words; config validation refuses secrets
// shorter than 8 characters anyway (ConfigSchema), so every configured secret is masked.
constexpr std::size_t minimumSecretLength = 4;

/// Whether the text can hold one of the shapes scrubShapes() masks; most log lines cannot,
/// and they skip the regular expressions.
bool mayHoldShape(std::string_view text)
{
    return text.find("://") != std::string_view::npos || text.find('=') != std::string_view::npos
           || text.find(':') != std::string_view::npos;
}
} // namespace

Redactor& Redactor::instance()
{
    static Redactor redactor;
    return redactor;
}

void Redactor::add(const QString& secretValue)
{
    if (std::size_t(secretValue.size()) < minimumSecretLength)
        return;
    std::vector<std::string> forms{secretValue.toStdString(),
                                   QString::fromUtf8(QUrl::toPercentEncoding(secretValue)).toStdString()};
    // A bot token's id half is public; its secret half must not leak on its own either.
    static const QRegularExpression botToken(QStringLiteral(R"(^\d+:([A-Za-z0-9_\-]{20,})$)"));
    if (const auto match = botToken.match(secretValue); match.hasMatch())
        forms.push_back(match.captured(1).toStdString());
    std::lock_guard lock(m_mutex);
    for (auto& form : forms) {
        if (std::find(m_needles.begin(), m_needles.end(), form) == m_needles.end())
            m_needles.push_back(std::move(form));
    }
    std::sort(m_needles.begin(), m_needles.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string Redactor::maskNeedles(std::string text) const
{
    std::lock_guard lock(m_mutex);
    for (const std::string& needle : m_needles) {
        for (std::size_t pos = text.find(needle); pos != std::string::npos;
             pos = text.find(needle, pos + mask.size())) {
            text.replace(pos, needle.size(), mask);
        }
    }
    return text;
}

QString Redactor::scrubShapes(const QString& text)
{
    // The user info of a URL: everything between "scheme://" and the '@' before the host.
    static const QRegularExpression userInfo(QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.\-]*://)[^/\s@"'<>]+@)"));
    // A Telegram bot token: <bot id>:<secret> (ConfigSchema's shape, with some slack).
    static const QRegularExpression botToken(QStringLiteral(R"((?<!\d)\d{3,}(?::|%3A)[A-Za-z0-9_\-]{20,})"),
                                             QRegularExpression::CaseInsensitiveOption);
    // The value of a query or form parameter whose name says it is a secret.
    static const QRegularExpression querySecret(
        QStringLiteral(R"(\b(\w*(?:api_?key|token|secret|password|passwd)=)[^&\s"'<>#]+)"),
        QRegularExpression::CaseInsensitiveOption);
    const std::string probe = text.toStdString();
    if (!mayHoldShape(probe))
        return text;
    QString clean = text;
    const QString masked = QString::fromLatin1(mask.data(), qsizetype(mask.size()));
    clean.replace(userInfo, QStringLiteral("\\1") + masked + QLatin1Char('@'));
    clean.replace(botToken, masked);
    clean.replace(querySecret, QStringLiteral("\\1") + masked);
    return clean;
}

std::string Redactor::redact(std::string text) const
{
    text = maskNeedles(std::move(text));
    if (!mayHoldShape(text))
        return text;
    return scrubShapes(QString::fromStdString(text)).toStdString();
}

QString Redactor::redact(const QString& text) const
{
    if (text.isEmpty())
        return text;
    return QString::fromStdString(redact(text.toStdString()));
}

void Redactor::clear()
{
    std::lock_guard lock(m_mutex);
    m_needles.clear();
}

} // namespace sentinel

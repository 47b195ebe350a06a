// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Redactor.h"

#include <QUrl>

#include <algorithm>

namespace sentinel {

namespace {
// Secrets shorter than this would mask ordinary words; such values are rejected by config
// validation anyway.
constexpr std::size_t minimumSecretLength = 4;
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
    std::lock_guard lock(m_mutex);
    for (auto& form : forms) {
        if (std::find(m_needles.begin(), m_needles.end(), form) == m_needles.end())
            m_needles.push_back(std::move(form));
    }
    std::sort(m_needles.begin(), m_needles.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string Redactor::redact(std::string text) const
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

QString Redactor::redact(const QString& text) const
{
    return QString::fromStdString(redact(text.toStdString()));
}

void Redactor::clear()
{
    std::lock_guard lock(m_mutex);
    m_needles.clear();
}

} // namespace sentinel

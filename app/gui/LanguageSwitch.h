// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>

class QTranslator;

namespace sentinel {

/// The user interface's language: Qt's own strings (dialog buttons) and ours, installed at start
/// and swapped while the application runs. Installing a translator makes Qt send LanguageChange to
/// every widget, and each retranslates itself: a language chosen in Settings applies at once.
class LanguageSwitch final
{
public:
    LanguageSwitch();
    ~LanguageSwitch();
    LanguageSwitch(const LanguageSwitch&) = delete;
    LanguageSwitch& operator=(const LanguageSwitch&) = delete;

    /// Applies `language` ("de", "es", "en"; empty for the system's). Numbers and dates follow it.
    /// Returns false, and changes nothing, for a language the application has no translation for.
    bool apply(const QString& language);
    [[nodiscard]] QString language() const { return m_language; }

private:
    std::unique_ptr<QTranslator> m_qt;
    std::unique_ptr<QTranslator> m_own;
    QString m_language;
    bool m_applied = false;
};

} // namespace sentinel

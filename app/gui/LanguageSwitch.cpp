// SPDX-License-Identifier: GPL-3.0-or-later
#include "LanguageSwitch.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace sentinel {

namespace {

/// Our catalogues are embedded; English is the source language and needs none.
std::unique_ptr<QTranslator> loaded(const QLocale& locale, const QString& name, const QString& folder)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, name, QStringLiteral("_"), folder))
        return nullptr;
    return translator;
}

bool isEnglish(const QLocale& locale)
{
    return locale.language() == QLocale::English || locale.language() == QLocale::C;
}

} // namespace

LanguageSwitch::LanguageSwitch() = default;

LanguageSwitch::~LanguageSwitch()
{
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    if (m_own)
        QCoreApplication::removeTranslator(m_own.get());
}

bool LanguageSwitch::apply(const QString& language)
{
    if (m_applied && language == m_language)
        return true;
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    std::unique_ptr<QTranslator> own = loaded(locale, QStringLiteral("sentinel"), QStringLiteral(":/i18n"));
    // A named language we cannot show would leave the window in the previous one while Settings
    // says otherwise; the system's language simply falls back to English.
    if (!own && !language.isEmpty() && !isEnglish(locale))
        return false;
    std::unique_ptr<QTranslator> qt = loaded(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));

    // The default locale first: the panels format numbers and dates while they retranslate.
    QLocale::setDefault(locale);
    if (m_own)
        QCoreApplication::removeTranslator(m_own.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_own = std::move(own);
    m_qt = std::move(qt);
    if (m_qt)
        QCoreApplication::installTranslator(m_qt.get());
    if (m_own)
        QCoreApplication::installTranslator(m_own.get());
    m_language = language;
    m_applied = true;
    return true;
}

} // namespace sentinel

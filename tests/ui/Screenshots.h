// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/Theme.h"

#include <QApplication>
#include <QDir>
#include <QWidget>

namespace sentinel::test {

/// The folder README screenshots go to (SENTINEL_SCREENSHOT_DIR), empty when none is asked for.
inline QString screenshotDir()
{
    return qEnvironmentVariable("SENTINEL_SCREENSHOT_DIR");
}

/// Saves `widget` as <name>-light.png and <name>-dark.png in screenshotDir(), with the
/// application's own light and dark themes applied as trade-sentinel applies them; the light
/// theme stays on afterwards. False when a file could not be written.
inline bool saveThemedScreenshots(QWidget* widget, const QString& name)
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    if (!app)
        return false;
    const QPalette before = QApplication::palette();
    bool saved = true;
    for (const auto& [choice, suffix] : {std::pair{ThemeChoice::Dark, "dark"}, std::pair{ThemeChoice::Light, "light"}}) {
        Theme::apply(*app, choice, before);
        QCoreApplication::processEvents();
        saved = widget->grab().save(QDir(screenshotDir()).filePath(QStringLiteral("%1-%2.png").arg(name, QLatin1String(suffix))))
            && saved;
    }
    return saved;
}

} // namespace sentinel::test

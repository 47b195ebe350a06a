// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

class QApplication;

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace sentinel {

enum class ThemeChoice { System, Light, Dark };

[[nodiscard]] QString themeChoiceName(ThemeChoice choice);
[[nodiscard]] ThemeChoice parseThemeChoice(const QString& name);

/// Light and dark Fusion palettes and the state colours the panels use. Qt 6.4 has no
/// QStyleHints::colorScheme, so "follow the system" means: dark when the platform palette's window
/// colour is darker than its text. State colours are tints chosen per palette so they read in both;
/// every coloured cell also carries text, so colour is never the only cue.
class Theme final
{
public:
    /// Applies the Fusion style with the palette `choice` resolves to against `systemPalette`
    /// (the palette the platform gave the application before any theme was applied).
    static void apply(QApplication& app, ThemeChoice choice, const QPalette& systemPalette);

    [[nodiscard]] static bool isDark(const QPalette& palette);
    [[nodiscard]] static QPalette lightPalette();
    [[nodiscard]] static QPalette darkPalette();

    /// Background tint for a freshness cell; the text colour stays the palette's.
    [[nodiscard]] static QColor freshnessBackground(Freshness state, const QPalette& palette);
    [[nodiscard]] static QColor severityBackground(AlertView::Severity severity, const QPalette& palette);
    /// Foreground for good/bad/neutral figures (buy/sell, ok/failing).
    [[nodiscard]] static QColor positiveColor(const QPalette& palette);
    [[nodiscard]] static QColor negativeColor(const QPalette& palette);
    [[nodiscard]] static QColor warningColor(const QPalette& palette);

    /// Gives a chart the palette's background, text and grid colours (Qt Charts themes do not
    /// follow the widget palette on their own). Series colours are the caller's.
    static void styleChart(QChart* chart, const QPalette& palette);

    /// An SVG icon from the resources (":/sentinel/icons/<name>.svg"), sharp at any device pixel ratio.
    [[nodiscard]] static QIcon icon(const QString& name);
};

} // namespace sentinel

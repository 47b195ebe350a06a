// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Theme.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QLegend>
#include <QStyleFactory>

namespace sentinel {

QString themeChoiceName(ThemeChoice choice)
{
    switch (choice) {
    case ThemeChoice::Light: return QStringLiteral("light");
    case ThemeChoice::Dark: return QStringLiteral("dark");
    case ThemeChoice::System: break;
    }
    return QStringLiteral("system");
}

ThemeChoice parseThemeChoice(const QString& name)
{
    if (name == u"light")
        return ThemeChoice::Light;
    if (name == u"dark")
        return ThemeChoice::Dark;
    return ThemeChoice::System;
}

bool Theme::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightnessF() < palette.color(QPalette::WindowText).lightnessF();
}

QPalette Theme::lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::WindowText, QColor(0x1d, 0x21, 0x27));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf3, 0xf7));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xfb, 0xe6));
    p.setColor(QPalette::ToolTipText, QColor(0x1d, 0x21, 0x27));
    p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x80));
    p.setColor(QPalette::Text, QColor(0x1d, 0x21, 0x27));
    p.setColor(QPalette::Button, QColor(0xe8, 0xea, 0xee));
    p.setColor(QPalette::ButtonText, QColor(0x1d, 0x21, 0x27));
    p.setColor(QPalette::BrightText, QColor(0xc0, 0x20, 0x20));
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xdc, 0xdf, 0xe4));
    p.setColor(QPalette::Mid, QColor(0xb4, 0xb9, 0xc1));
    p.setColor(QPalette::Dark, QColor(0x8a, 0x91, 0x9c));
    p.setColor(QPalette::Shadow, QColor(0x50, 0x55, 0x5c));
    p.setColor(QPalette::Highlight, QColor(0x1f, 0x5f, 0xa8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1f, 0x5f, 0xa8));
    p.setColor(QPalette::LinkVisited, QColor(0x6a, 0x3f, 0xa0));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x9a, 0xa0, 0xa8));
    return p;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x25, 0x28, 0x2d));
    p.setColor(QPalette::WindowText, QColor(0xe3, 0xe6, 0xea));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1d, 0x21));
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x34, 0x3a));
    p.setColor(QPalette::ToolTipText, QColor(0xe3, 0xe6, 0xea));
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x91, 0x9c));
    p.setColor(QPalette::Text, QColor(0xe3, 0xe6, 0xea));
    p.setColor(QPalette::Button, QColor(0x31, 0x35, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xe3, 0xe6, 0xea));
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x4a, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3e, 0x45));
    p.setColor(QPalette::Mid, QColor(0x2c, 0x2f, 0x35));
    p.setColor(QPalette::Dark, QColor(0x16, 0x18, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd1));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb3, 0xf0));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x93, 0xe0));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6e, 0x74, 0x7c));
    return p;
}

void Theme::apply(QApplication& app, ThemeChoice choice, const QPalette& systemPalette)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    bool dark = choice == ThemeChoice::Dark;
    if (choice == ThemeChoice::System)
        dark = isDark(systemPalette);
    app.setPalette(dark ? darkPalette() : lightPalette());
}

QColor Theme::freshnessBackground(Freshness state, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (state) {
    case Freshness::Fresh: return dark ? QColor(0x1e, 0x5a, 0x32) : QColor(0xc9, 0xee, 0xd3);
    case Freshness::Warn: return dark ? QColor(0x6b, 0x4e, 0x0e) : QColor(0xff, 0xe3, 0xa3);
    case Freshness::Stale: return dark ? QColor(0x7a, 0x24, 0x22) : QColor(0xf9, 0xc9, 0xc6);
    case Freshness::Unknown: break;
    }
    return dark ? QColor(0x3a, 0x3e, 0x45) : QColor(0xe1, 0xe4, 0xe8);
}

QColor Theme::severityBackground(AlertView::Severity severity, const QPalette& palette)
{
    switch (severity) {
    case AlertView::Severity::Critical: return freshnessBackground(Freshness::Stale, palette);
    case AlertView::Severity::Warning: return freshnessBackground(Freshness::Warn, palette);
    case AlertView::Severity::Info: break;
    }
    return isDark(palette) ? QColor(0x1f, 0x3d, 0x63) : QColor(0xd4, 0xe5, 0xf8);
}

QColor Theme::positiveColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0x5f, 0xd0, 0x7a) : QColor(0x16, 0x7a, 0x36);
}

QColor Theme::negativeColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xb4, 0x23, 0x18);
}

QColor Theme::warningColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xf0, 0xb4, 0x3c) : QColor(0x94, 0x5c, 0x00);
}

void Theme::styleChart(QChart* chart, const QPalette& palette)
{
    chart->setTheme(isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.base());
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(palette.text());
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    QColor grid = palette.color(QPalette::Text);
    grid.setAlphaF(0.12f);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
}

QIcon Theme::icon(const QString& name)
{
    return QIcon(QStringLiteral(":/sentinel/icons/%1.svg").arg(name));
}

} // namespace sentinel

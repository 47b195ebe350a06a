// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Theme.h"

#include <QApplication>
#include <QIcon>
#include <QTest>

using namespace sentinel;

class TestTheme final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followingTheSystemMeansItsBrightness_data();
    void followingTheSystemMeansItsBrightness();
    void stateColoursKeepTheTextReadable_data();
    void stateColoursKeepTheTextReadable();
    void iconsAreScalableSvg();
};

namespace {
double luminance(const QColor& c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
} // namespace

void TestTheme::followingTheSystemMeansItsBrightness_data()
{
    QTest::addColumn<QString>("choice");
    QTest::addColumn<bool>("systemDark");
    QTest::addColumn<bool>("expectDark");
    QTest::newRow("system on a dark desktop is dark") << QStringLiteral("system") << true << true;
    QTest::newRow("system on a light desktop is light") << QStringLiteral("system") << false << false;
    QTest::newRow("forced light wins over a dark desktop") << QStringLiteral("light") << true << false;
    QTest::newRow("forced dark wins over a light desktop") << QStringLiteral("dark") << false << true;
}

void TestTheme::followingTheSystemMeansItsBrightness()
{
    QFETCH(QString, choice);
    QFETCH(bool, systemDark);
    QFETCH(bool, expectDark);
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    Theme::apply(*app, parseThemeChoice(choice), systemDark ? Theme::darkPalette() : Theme::lightPalette());
    QCOMPARE(Theme::isDark(QApplication::palette()), expectDark);
    QCOMPARE(themeChoiceName(parseThemeChoice(choice)), choice);
}

void TestTheme::stateColoursKeepTheTextReadable_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light palette") << false;
    QTest::newRow("dark palette") << true;
}

void TestTheme::stateColoursKeepTheTextReadable()
{
    QFETCH(bool, dark);
    const QPalette palette = dark ? Theme::darkPalette() : Theme::lightPalette();
    const QColor text = palette.color(QPalette::Text);
    QSet<QRgb> seen;
    for (const Freshness state : {Freshness::Unknown, Freshness::Fresh, Freshness::Warn, Freshness::Stale}) {
        const QColor background = Theme::freshnessBackground(state, palette);
        // WCAG AA for normal text.
        QVERIFY2(contrast(text, background) >= 4.5, qPrintable(background.name()));
        seen.insert(background.rgb());
    }
    QCOMPARE(seen.size(), 4);
    for (const QColor& figure : {Theme::positiveColor(palette), Theme::negativeColor(palette), Theme::warningColor(palette)})
        QVERIFY2(contrast(figure, palette.color(QPalette::Base)) >= 4.5, qPrintable(figure.name()));
}

void TestTheme::iconsAreScalableSvg()
{
    for (const char* name : {"approve", "reject", "alert", "critical", "info", "acknowledge", "send", "settings",
                             "zoom-reset", "sentinel", "pause", "resume", "flatten", "kill-switch"}) {
        const QIcon icon = Theme::icon(QString::fromLatin1(name));
        QVERIFY2(!icon.isNull(), name);
        // An SVG renders crisply at twice the size (a high-DPI screen), not as a scaled bitmap.
        const QPixmap big = icon.pixmap(QSize(64, 64));
        QCOMPARE(big.size(), QSize(64, 64));
    }
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/Format.h"
#include "ui/MainWindow.h"
#include "ui/WatchlistModel.h"

#include <QDockWidget>
#include <QTest>
#include <QTranslator>

using namespace sentinel;
using namespace sentinel::test;

class TestTranslations final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theEmbeddedTranslationsReachTheWindow_data();
    void theEmbeddedTranslationsReachTheWindow();
};

void TestTranslations::theEmbeddedTranslationsReachTheWindow_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("watchlist");
    QTest::addColumn<QString>("stale");
    QTest::addColumn<QString>("cacheDegraded");
    QTest::newRow("German") << QStringLiteral("de") << QStringLiteral("Beobachtungsliste") << QStringLiteral("Veraltet")
                            << QStringLiteral("Cache eingeschränkt");
    QTest::newRow("Spanish") << QStringLiteral("es") << QStringLiteral("Lista de seguimiento") << QStringLiteral("Obsoleto")
                             << QStringLiteral("Caché degradada");
}

void TestTranslations::theEmbeddedTranslationsReachTheWindow()
{
    QFETCH(QString, language);
    QFETCH(QString, watchlist);
    QFETCH(QString, stale);
    QFETCH(QString, cacheDegraded);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(language), QStringLiteral("sentinel"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&translator);
    MainWindow window;
    window.onSnapshotsChanged({snapshot("AAPL", Freshness::Stale)});
    // A class context (sentinel::WatchlistPanel) and a Q_DECLARE_TR_FUNCTIONS context (Format).
    QCOMPARE(window.findChild<QDockWidget*>(QStringLiteral("watchlistDock"))->windowTitle(), watchlist);
    QCOMPARE(window.watchlistModel()->index(0, WatchlistModel::FreshnessColumn).data().toString(), stale);
    // Alert kinds are named in the operator's language, not shown as codes.
    QCOMPARE(Format::alertKind(QStringLiteral("cache_degraded")), cacheDegraded);
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17: a language chosen in Settings applies at once. A window switched live must show
// exactly what a window built in that language shows: every title, label, button, action, tool
// tip, accessible name, table header and cell. One missed text is a failure that names it.
#include "DeskSamples.h"
#include "LanguageSwitch.h"
#include "ui/SimulateDialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTabBar>
#include <QTest>

using namespace sentinel;

namespace {

QString name(const QObject* object)
{
    return QString::fromLatin1(object->metaObject()->className()) + u'#' + object->objectName();
}

void addModelTexts(const QAbstractItemModel* model, const QString& owner, QStringList& texts)
{
    for (int column = 0; column < model->columnCount(); ++column) {
        texts << owner + QStringLiteral(" header %1: ").arg(column) + model->headerData(column, Qt::Horizontal).toString();
        texts << owner + QStringLiteral(" header tip %1: ").arg(column) + model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, column);
            texts << owner + QStringLiteral(" [%1,%2]: ").arg(row).arg(column) + index.data().toString();
            texts << owner + QStringLiteral(" tip [%1,%2]: ").arg(row).arg(column) + index.data(Qt::ToolTipRole).toString();
        }
    }
}

/// Every text the operator can see or hear under `root`, each prefixed with where it is.
QStringList visibleTexts(QWidget* root)
{
    QStringList texts;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* widget : widgets) {
        const QString at = name(widget);
        texts << at + QStringLiteral(" title: ") + widget->windowTitle() << at + QStringLiteral(" tip: ") + widget->toolTip()
              << at + QStringLiteral(" accessible: ") + widget->accessibleName() + u'/' + widget->accessibleDescription();
        if (auto* label = qobject_cast<QLabel*>(widget))
            texts << at + QStringLiteral(" text: ") + label->text();
        if (auto* button = qobject_cast<QAbstractButton*>(widget))
            texts << at + QStringLiteral(" text: ") + button->text();
        if (auto* edit = qobject_cast<QLineEdit*>(widget))
            texts << at + QStringLiteral(" placeholder: ") + edit->placeholderText();
        if (auto* group = qobject_cast<QGroupBox*>(widget))
            texts << at + QStringLiteral(" group: ") + group->title();
        if (auto* menu = qobject_cast<QMenu*>(widget))
            texts << at + QStringLiteral(" menu: ") + menu->title();
        if (auto* combo = qobject_cast<QComboBox*>(widget)) {
            for (int item = 0; item < combo->count(); ++item)
                texts << at + QStringLiteral(" item %1: ").arg(item) + combo->itemText(item);
        }
        if (auto* tabs = qobject_cast<QTabBar*>(widget)) {
            for (int tab = 0; tab < tabs->count(); ++tab)
                texts << at + QStringLiteral(" tab %1: ").arg(tab) + tabs->tabText(tab) + u'/' + tabs->tabToolTip(tab);
        }
        if (auto* view = qobject_cast<QAbstractItemView*>(widget); view && view->model())
            addModelTexts(view->model(), at, texts);
        if (auto* chart = qobject_cast<QChartView*>(widget); chart && chart->chart()) {
            texts << at + QStringLiteral(" chart: ") + chart->chart()->title();
            for (const QAbstractAxis* axis : chart->chart()->axes())
                texts << at + QStringLiteral(" axis: ") + axis->titleText();
            for (const QAbstractSeries* series : chart->chart()->series())
                texts << at + QStringLiteral(" series: ") + series->name();
        }
    }
    for (const QAction* action : root->findChildren<QAction*>()) {
        if (!action->isSeparator())
            texts << name(action) + QStringLiteral(" action: ") + action->text() + u'/' + action->toolTip() + u'/'
                         + action->statusTip();
    }
    texts.sort();
    return texts;
}

/// What one list has and the other has not, for a failure message that names the missed texts.
QString difference(const QStringList& live, const QStringList& fresh)
{
    QStringList lines;
    QStringList onlyLive = live;
    QStringList onlyFresh = fresh;
    for (const QString& text : fresh)
        onlyLive.removeOne(text);
    for (const QString& text : live)
        onlyFresh.removeOne(text);
    for (const QString& text : std::as_const(onlyLive).mid(0, 20))
        lines << QStringLiteral("  switched live: ") + text;
    for (const QString& text : std::as_const(onlyFresh).mid(0, 20))
        lines << QStringLiteral("  built fresh:   ") + text;
    return QStringLiteral("%1 texts differ:\n").arg(onlyLive.size() + onlyFresh.size()) + lines.join(u'\n');
}

/// A window at work, shown, with the Simulate dialog open (it stays open across a change).
std::unique_ptr<MainWindow> deskWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1728, 936);
    window->show();
    test::fillDesk(*window, test::at("2026-11-24T15:05:00Z"));
    window->openSimulation();
    return window;
}

} // namespace

class TestLiveLanguage final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aWindowSwitchedLiveShowsWhatAFreshOneShows_data();
    void aWindowSwitchedLiveShowsWhatAFreshOneShows();
    void aLanguageWithoutATranslationIsRefused();
};

void TestLiveLanguage::aWindowSwitchedLiveShowsWhatAFreshOneShows_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("watchlistTitle");
    QTest::newRow("English to German") << QStringLiteral("en") << QStringLiteral("de") << QStringLiteral("Beobachtungsliste");
    QTest::newRow("German to Spanish") << QStringLiteral("de") << QStringLiteral("es") << QStringLiteral("Lista de seguimiento");
    QTest::newRow("Spanish back to English") << QStringLiteral("es") << QStringLiteral("en") << QStringLiteral("Watchlist");
}

void TestLiveLanguage::aWindowSwitchedLiveShowsWhatAFreshOneShows()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, watchlistTitle);
    LanguageSwitch languages;
    QVERIFY(languages.apply(from));
    const std::unique_ptr<MainWindow> live = deskWindow();
    QTest::qWait(50); // the tables measure their columns once rows have arrived
    const QStringList before = visibleTexts(live.get());

    QVERIFY(languages.apply(to));
    QTest::qWait(50);
    QCOMPARE(live->findChild<QDockWidget*>(QStringLiteral("watchlistDock"))->windowTitle(), watchlistTitle);
    const QStringList switched = visibleTexts(live.get());
    QVERIFY2(switched != before, "nothing changed with the language");

    const std::unique_ptr<MainWindow> fresh = deskWindow();
    QTest::qWait(50);
    const QStringList built = visibleTexts(fresh.get());
    QVERIFY2(switched == built, qPrintable(difference(switched, built)));
}

void TestLiveLanguage::aLanguageWithoutATranslationIsRefused()
{
    LanguageSwitch languages;
    QVERIFY(languages.apply(QStringLiteral("de")));
    QVERIFY(!languages.apply(QStringLiteral("fr")));
    QCOMPARE(languages.language(), QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate("sentinel::WatchlistPanel", "Watchlist"), QStringLiteral("Beobachtungsliste"));
}

QTEST_MAIN(TestLiveLanguage)
#include "tst_livelanguage.moc"

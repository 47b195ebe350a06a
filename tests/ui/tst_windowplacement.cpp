// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17: the first window fits the screen, and a window saved on a larger or a disconnected
// screen comes back where the operator can reach it.
#include "DeskSamples.h"
#include "ui/MainWindow.h"
#include "ui/WindowPlacement.h"

#include <QDockWidget>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

using namespace sentinel;
using namespace sentinel::windowplacement;

class TestWindowPlacement final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theFirstWindowFitsTheScreen_data();
    void theFirstWindowFitsTheScreen();
    void aWindowOffTheScreenIsBroughtBack_data();
    void aWindowOffTheScreenIsBroughtBack();
    void aNarrowWindowTabsItsSecondaryDocks();
    void noTableInTheDefaultLayoutIsCut_data();
    void noTableInTheDefaultLayoutIsCut();
};

void TestWindowPlacement::theFirstWindowFitsTheScreen_data()
{
    QTest::addColumn<QRect>("available");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("1366x768 laptop, task bar at the bottom") << QRect(0, 0, 1366, 728) << QSize(1346, 688);
    QTest::newRow("1920x1080") << QRect(0, 0, 1920, 1040) << QSize(1728, 936);
    QTest::newRow("2560x1440") << QRect(0, 0, 2560, 1400) << preferredSize;
    QTest::newRow("second screen to the right") << QRect(1920, 0, 1280, 1024) << QSize(1260, 984);
}

void TestWindowPlacement::theFirstWindowFitsTheScreen()
{
    QFETCH(QRect, available);
    QFETCH(QSize, expected);
    const QSize size = defaultSize(available);
    QCOMPARE(size, expected);
    QVERIFY(size.width() <= available.width() && size.height() <= available.height());
}

void TestWindowPlacement::aWindowOffTheScreenIsBroughtBack_data()
{
    QTest::addColumn<QRect>("frame");
    QTest::addColumn<QRect>("kept");
    QTest::newRow("already on screen") << QRect(10, 10, 800, 600) << QRect(10, 10, 800, 600);
    QTest::newRow("saved on a screen to the right") << QRect(2000, 100, 800, 600) << QRect(566, 100, 800, 600);
    QTest::newRow("saved above") << QRect(100, -400, 800, 600) << QRect(100, 0, 800, 600);
    QTest::newRow("saved larger than this screen") << QRect(50, 50, 1800, 1000) << QRect(0, 0, 1366, 728);
}

void TestWindowPlacement::aWindowOffTheScreenIsBroughtBack()
{
    QFETCH(QRect, frame);
    QFETCH(QRect, kept);
    const QRect screen(0, 0, 1366, 728);
    QCOMPARE(keptOnScreen(frame, screen), kept);
    QVERIFY(screen.contains(keptOnScreen(frame, screen)));
}

void TestWindowPlacement::aNarrowWindowTabsItsSecondaryDocks()
{
    MainWindow window;
    // The offscreen screen is 800 × 600: the window arranges itself for a narrow one. What its
    // docks need at least fits a 1366 × 768 laptop's screen less a task bar (1366 × 728).
    QVERIFY(window.isCompactLayout());
    QVERIFY2(window.minimumSizeHint().width() <= 1346 && window.minimumSizeHint().height() <= 688,
             qPrintable(QStringLiteral("%1 × %2").arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
    auto* risk = window.findChild<QDockWidget*>(QStringLiteral("riskDock"));
    auto* positions = window.findChild<QDockWidget*>(QStringLiteral("positionsDock"));
    QVERIFY(risk && positions);
    QVERIFY(window.tabifiedDockWidgets(positions).contains(risk));
    // Moved far off the screen, the window comes back on it.
    window.move(5000, 3000);
    window.keepOnScreen();
    QVERIFY(window.pos().x() < 800);
    QVERIFY(window.pos().y() < 600);
}

void TestWindowPlacement::noTableInTheDefaultLayoutIsCut_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1366x768 laptop") << defaultSize(QRect(0, 0, 1366, 728));
    QTest::newRow("1920x1080") << defaultSize(QRect(0, 0, 1920, 1040));
}

void TestWindowPlacement::noTableInTheDefaultLayoutIsCut()
{
    QFETCH(QSize, size);
    MainWindow window;
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.resetLayout();
    test::fillDesk(window, test::at("2026-11-24T15:05:00Z"));
    QTest::qWait(50); // columns are measured once the rows have arrived

    QStringList cut;
    for (const QTableView* table : window.findChildren<QTableView*>()) {
        if (!table->isVisible())
            continue;
        int width = 0;
        for (int column = 0; column < table->model()->columnCount(); ++column)
            width += table->isColumnHidden(column) ? 0 : table->columnWidth(column);
        if (width > table->viewport()->width() + 1 || table->horizontalScrollBar()->isVisible()) {
            QStringList widths;
            for (int column = 0; column < table->model()->columnCount(); ++column)
                widths << (table->isColumnHidden(column) ? QStringLiteral("-") : QString::number(table->columnWidth(column)));
            cut << QStringLiteral("%1 (%2 > %3: %4)").arg(table->objectName()).arg(width).arg(table->viewport()->width())
                       .arg(widths.join(u' '));
        }
    }
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestWindowPlacement)
#include "tst_windowplacement.moc"

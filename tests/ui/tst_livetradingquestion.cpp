// SPDX-License-Identifier: GPL-3.0-or-later
// The second yes for live money (issue 14): what the question says, that every way out but one
// button means the paper account, and that the badge shows a live engine only.
#include "engine/Snapshots.h"
#include "ui/LiveTradingQuestion.h"
#include "ui/StatusBarWidgets.h"

#include <QLabel>
#include <QPushButton>
#include <QMainWindow>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace sentinel;

class TestLiveTradingQuestion final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namesTheAccountAndDefaultsToPaper();
    void onlyTheLiveButtonMeansLive_data();
    void onlyTheLiveButtonMeansLive();
    void theBadgeShowsALiveEngineOnly();
};

void TestLiveTradingQuestion::namesTheAccountAndDefaultsToPaper()
{
    LiveTradingQuestion question(QStringLiteral("OANDA account 001-001-1234567-001"));
    QVERIFY(question.text().contains(QStringLiteral("OANDA account 001-001-1234567-001")));
    QVERIFY(question.text().contains(QStringLiteral("real money")));
    QCOMPARE(static_cast<QAbstractButton*>(question.defaultButton()), question.paperButton());
    QCOMPARE(question.escapeButton(), question.paperButton());
}

void TestLiveTradingQuestion::onlyTheLiveButtonMeansLive_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("live");
    QTest::newRow("Trade live") << QStringLiteral("live") << true;
    QTest::newRow("Use the paper account") << QStringLiteral("paper") << false;
    QTest::newRow("Escape") << QStringLiteral("escape") << false;
    QTest::newRow("Return (the default)") << QStringLiteral("return") << false;
}

void TestLiveTradingQuestion::onlyTheLiveButtonMeansLive()
{
    QFETCH(QString, how);
    QFETCH(bool, live);
    LiveTradingQuestion question(QStringLiteral("OANDA account 001-001-1234567-001"));
    QSignalSpy answered(&question, &LiveTradingQuestion::answered);
    question.open();
    QVERIFY(QTest::qWaitForWindowExposed(&question));
    if (how == QLatin1String("live"))
        QTest::mouseClick(question.liveButton(), Qt::LeftButton);
    else if (how == QLatin1String("paper"))
        QTest::mouseClick(question.paperButton(), Qt::LeftButton);
    else
        QTest::keyClick(&question, how == QLatin1String("escape") ? Qt::Key_Escape : Qt::Key_Return);
    QTRY_COMPARE(answered.size(), 1);
    QCOMPARE(answered.at(0).at(0).toBool(), live);
}

void TestLiveTradingQuestion::theBadgeShowsALiveEngineOnly()
{
    QMainWindow window;
    StatusBarWidgets widgets(window.statusBar());
    window.show();
    auto* badge = window.statusBar()->findChild<QLabel*>(QStringLiteral("liveBadge"));
    QVERIFY(badge);
    EngineStatus status;
    widgets.applyStatus(status);
    QVERIFY(!badge->isVisible());
    status.liveAccount = QStringLiteral("OANDA account 001-001-1234567-001");
    widgets.applyStatus(status);
    QVERIFY(badge->isVisible());
    QCOMPARE(badge->text(), QStringLiteral("LIVE"));
    QVERIFY(badge->toolTip().contains(status.liveAccount));
    const QColor background = badge->palette().color(QPalette::Window);
    QVERIFY2(background.red() > 150 && background.green() < 80 && background.blue() < 80, qPrintable(background.name()));
    QVERIFY(badge->autoFillBackground());

    // For a look by eye: SENTINEL_SCREENSHOT_DIR=/tmp/shots saves the status bar and the question.
    if (const QString dir = qEnvironmentVariable("SENTINEL_SCREENSHOT_DIR"); !dir.isEmpty()) {
        window.resize(1100, 120);
        QVERIFY(window.grab().save(dir + QStringLiteral("/live-badge.png")));
        LiveTradingQuestion question(status.liveAccount);
        question.show();
        QVERIFY(QTest::qWaitForWindowExposed(&question));
        QVERIFY(question.grab().save(dir + QStringLiteral("/live-question.png")));
    }
}

QTEST_MAIN(TestLiveTradingQuestion)
#include "tst_livetradingquestion.moc"

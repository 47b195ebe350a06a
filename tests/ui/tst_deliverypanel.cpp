// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/ChannelModel.h"
#include "ui/DeliveryPanel.h"
#include "ui/Format.h"
#include "ui/Theme.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace sentinel;
using namespace sentinel::test;

class TestDeliveryPanel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aFailingChannelShowsItsErrorAndRemedy();
    void sendTestMessageIsANamedAction();
    void withoutRemoteChannelsItSaysSo();
    void theTelegramCommandsLineShowsThePoller();
    void theTelegramCommandsLineIsAbsentWithoutOperators();
};

void TestDeliveryPanel::aFailingChannelShowsItsErrorAndRemedy()
{
    DeliveryPanel panel;
    QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    DeliverySnapshot d;
    d.at = at("2026-11-24T15:05:00Z");
    d.outboxDepth = 3;
    d.channels = {
        ChannelSnapshot{QStringLiteral("telegram"), ChannelState::Failing, 10, 4, 1, 10.0 / 14.0,
                        QStringLiteral("401 Unauthorized"), QStringLiteral("check telegram.bot_token"), 180, 420},
        ChannelSnapshot{QStringLiteral("webhook"), ChannelState::Ok, 14, 0, 0, 1.0, {}, {}, 90, 150},
    };
    panel.applyDelivery(d);
    ChannelModel* model = panel.model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, ChannelModel::StateColumn).data().toString(), QStringLiteral("Failing"));
    QCOMPARE(model->index(0, ChannelModel::SuccessColumn).data().toString(), QStringLiteral("71.4 %"));
    QCOMPARE(model->index(0, ChannelModel::LastErrorColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("401 Unauthorized\nRemedy: check telegram.bot_token"));
    QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("outboxDepthLabel"))->text(), QStringLiteral("Outbox: 3 message(s) waiting"));
    auto* error = panel.findChild<QLabel*>(QStringLiteral("deliveryLastErrorLabel"));
    QVERIFY(!error->isHidden());
    QVERIFY(error->text().contains(u"Remedy: check telegram.bot_token"));

    d.channels[0].state = ChannelState::Ok;
    d.channels[0].lastError.clear();
    panel.applyDelivery(d);
    QVERIFY(error->isHidden());
}

void TestDeliveryPanel::sendTestMessageIsANamedAction()
{
    DeliveryPanel panel;
    QSignalSpy requested(&panel, &DeliveryPanel::testMessageRequested);
    auto* action = panel.findChild<QAction*>(QStringLiteral("actionSendTestMessage"));
    QVERIFY(action);
    action->trigger();
    QCOMPARE(requested.count(), 1);
    panel.findChild<QToolButton*>(QStringLiteral("sendTestMessageButton"))->click();
    QCOMPARE(requested.count(), 2);
}

void TestDeliveryPanel::withoutRemoteChannelsItSaysSo()
{
    DeliveryPanel panel;
    const QString text = panel.findChild<QLabel*>(QStringLiteral("outboxDepthLabel"))->text();
    panel.applyDelivery(DeliverySnapshot{});
    const QString after = panel.findChild<QLabel*>(QStringLiteral("outboxDepthLabel"))->text();
    QVERIFY(after != text);
    QVERIFY2(after.contains(QStringLiteral("No remote channel enabled")), qPrintable(after));
    QVERIFY(after.contains(QStringLiteral("Settings")));
}

void TestDeliveryPanel::theTelegramCommandsLineShowsThePoller()
{
    DeliveryPanel panel;
    DeliverySnapshot d;
    d.at = at("2026-11-24T15:05:00Z");
    d.channels = {ChannelSnapshot{QStringLiteral("telegram"), ChannelState::Ok, 10, 0, 0, 1.0, {}, {}, 180, 420}};
    UpdatesView updates;
    updates.status = QStringLiteral("polling");
    updates.lastAnswerAt = at("2026-11-24T15:04:58Z");
    updates.handled = 12;
    updates.refused = 1;
    d.updates = updates;
    panel.applyDelivery(d);
    auto* line = panel.findChild<QLabel*>(QStringLiteral("telegramUpdatesLabel"));
    QVERIFY(line);
    QVERIFY(!line->isHidden());
    QCOMPARE(line->text(), QStringLiteral("Telegram commands: polling · last answer %1 · 12 handled, 1 refused")
                               .arg(Format::localTime(updates.lastAnswerAt)));

    // Backing off after an error: the (already redacted) error and the next attempt, in the warning colour.
    updates.status = QStringLiteral("backing off");
    updates.lastError = QStringLiteral("getUpdates: HTTP 502 from api.telegram.org/bot<redacted>");
    updates.nextAttemptAt = at("2026-11-24T15:06:00Z");
    d.updates = updates;
    panel.applyDelivery(d);
    const QString text = line->text();
    QVERIFY2(text.startsWith(u"Telegram commands: backing off"), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(
                               "Last error: getUpdates: HTTP 502 from api.telegram.org/bot<redacted> · next attempt %1")
                               .arg(Format::localTime(updates.nextAttemptAt))),
             qPrintable(text));
    QCOMPARE(line->palette().color(QPalette::WindowText), Theme::warningColor(panel.palette()));

    // Another program reads the bot's updates: the operator must act, so it reads as a failure.
    updates.status = QStringLiteral("conflict");
    d.updates = updates;
    panel.applyDelivery(d);
    QVERIFY(line->text().contains(u"another program reads this bot's updates"));
    QCOMPARE(line->palette().color(QPalette::WindowText), Theme::negativeColor(panel.palette()));

    if (const QString dir = qEnvironmentVariable("SENTINEL_SCREENSHOT_DIR"); !dir.isEmpty()) {
        panel.resize(520, 260);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.grab().save(dir + QStringLiteral("/delivery-telegram-commands.png")));
    }
}

void TestDeliveryPanel::theTelegramCommandsLineIsAbsentWithoutOperators()
{
    DeliveryPanel panel;
    DeliverySnapshot d;
    d.channels = {ChannelSnapshot{QStringLiteral("telegram"), ChannelState::Ok, 10, 0, 0, 1.0, {}, {}, 180, 420}};
    d.updates = UpdatesView{QStringLiteral("polling"), {}, {}, {}, 0, 0};
    panel.applyDelivery(d);
    auto* line = panel.findChild<QLabel*>(QStringLiteral("telegramUpdatesLabel"));
    QVERIFY(!line->isHidden());
    d.updates.reset();
    panel.applyDelivery(d);
    QVERIFY(line->isHidden());
    // Nor with no channel at all.
    panel.applyDelivery(DeliverySnapshot{});
    QVERIFY(line->isHidden());
}

QTEST_MAIN(TestDeliveryPanel)
#include "tst_deliverypanel.moc"

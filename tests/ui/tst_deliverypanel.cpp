// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/ChannelModel.h"
#include "ui/DeliveryPanel.h"

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

QTEST_MAIN(TestDeliveryPanel)
#include "tst_deliverypanel.moc"

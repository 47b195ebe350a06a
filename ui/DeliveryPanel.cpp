// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DeliveryPanel.h"

#include "ui/ChannelModel.h"
#include "ui/Format.h"
#include "ui/PanelWidgets.h"
#include "ui/Theme.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace sentinel {

DeliveryPanel::DeliveryPanel(QWidget* parent)
    : QDockWidget(parent),
      m_model(new ChannelModel(this)),
      m_view(makeTableView(m_model, QStringLiteral("deliveryView"), QString(), this)),
      m_outbox(new QLabel(this)),
      m_lastError(new QLabel(this)),
      m_updates(new QLabel(this)),
      m_sendTest(new QAction(Theme::icon(QStringLiteral("send")), QString(), this))
{
    setupDock(this, QStringLiteral("deliveryDock"), QString());
    setDroppableColumns(m_view, {ChannelModel::LatencyColumn, ChannelModel::SuccessColumn, ChannelModel::RetryingColumn,
                                 ChannelModel::FailedColumn});

    m_sendTest->setObjectName(QStringLiteral("actionSendTestMessage"));
    connect(m_sendTest, &QAction::triggered, this, &DeliveryPanel::testMessageRequested);
    m_sendButton = new QToolButton(this);
    m_sendButton->setObjectName(QStringLiteral("sendTestMessageButton"));
    m_sendButton->setDefaultAction(m_sendTest);
    m_sendButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_outbox->setObjectName(QStringLiteral("outboxDepthLabel"));
    m_outbox->setWordWrap(true); // long notices must not widen the dock
    m_lastError->setObjectName(QStringLiteral("deliveryLastErrorLabel"));
    m_lastError->setWordWrap(true);
    m_lastError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lastError->hide();
    m_updates->setObjectName(QStringLiteral("telegramUpdatesLabel"));
    m_updates->setWordWrap(true);
    m_updates->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_updates->hide();

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_lastError);
    layout->addWidget(m_updates);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_outbox, 1);
    bottom->addWidget(m_sendButton);
    layout->addLayout(bottom);
    setWidget(content);
    retranslate();
}

void DeliveryPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

// Texts set here are set again after a language change.
void DeliveryPanel::retranslate()
{
    setDockTitle(this, tr("Delivery"));
    m_view->setAccessibleName(tr("Delivery channels"));
    m_sendTest->setText(tr("Send &Test Message"));
    m_sendTest->setToolTip(tr("Send one test message through every enabled channel"));
    m_sendButton->setAccessibleName(tr("Send test message"));
    m_outbox->setAccessibleName(tr("Outbox depth"));
    m_lastError->setAccessibleName(tr("Last delivery error and remedy"));
    m_updates->setAccessibleName(tr("Telegram commands"));
    announceTextsChanged(*m_model);
    showDelivery();
}

void DeliveryPanel::applyDelivery(const DeliverySnapshot& delivery)
{
    m_delivery = delivery;
    m_model->applyChannels(delivery.channels);
    showDelivery();
}

void DeliveryPanel::showDelivery()
{
    if (!m_delivery) {
        m_outbox->setText(tr("Outbox: no report yet"));
        return;
    }
    const DeliverySnapshot& delivery = *m_delivery;
    applyUpdates(delivery.updates);
    if (delivery.channels.isEmpty()) {
        // Not an outage: nothing was set up. Say so, or the operator waits for a report forever.
        m_outbox->setText(tr("No remote channel enabled: signals go to the log only. "
                             "Turn on Telegram or a webhook in Settings."));
        m_lastError->hide();
        return;
    }
    QString outbox = tr("Outbox: %n message(s) waiting", nullptr, delivery.outboxDepth);
    if (delivery.offline)
        outbox += QStringLiteral(" · ") + tr("offline: live checks skipped");
    m_outbox->setText(outbox);

    // The failing channel matters more than one that merely retried once.
    const ChannelSnapshot* worst = nullptr;
    for (const ChannelSnapshot& channel : delivery.channels) {
        if (channel.lastError.isEmpty())
            continue;
        if (!worst || (channel.state == ChannelState::Failing && worst->state != ChannelState::Failing))
            worst = &channel;
    }
    if (!worst) {
        m_lastError->hide();
        return;
    }
    QString text = tr("%1: %2").arg(worst->channel, worst->lastError);
    if (!worst->lastRemedy.isEmpty())
        text += u'\n' + tr("Remedy: %1").arg(worst->lastRemedy);
    m_lastError->setText(text);
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText, worst->state == ChannelState::Failing ? Theme::negativeColor(pal) : Theme::warningColor(pal));
    m_lastError->setPalette(pal);
    m_lastError->show();
}

void DeliveryPanel::applyUpdates(const std::optional<UpdatesView>& updates)
{
    if (!updates) {
        m_updates->hide();
        return;
    }
    const QLocale locale;
    QStringList parts{tr("Telegram commands: %1").arg(Format::updatesStatus(updates->status))};
    if (updates->lastAnswerAt.isValid())
        parts << tr("last answer %1").arg(Format::localTime(updates->lastAnswerAt));
    parts << tr("%1 handled, %2 refused").arg(locale.toString(updates->handled), locale.toString(updates->refused));
    QString text = parts.join(QStringLiteral(" · "));
    if (!updates->lastError.isEmpty() || updates->nextAttemptAt.isValid()) {
        QStringList trouble;
        if (!updates->lastError.isEmpty())
            trouble << tr("Last error: %1").arg(updates->lastError);
        if (updates->nextAttemptAt.isValid())
            trouble << tr("next attempt %1").arg(Format::localTime(updates->nextAttemptAt));
        text += u'\n' + trouble.join(QStringLiteral(" · "));
    }
    m_updates->setText(text);
    m_updates->setToolTip(tr("Commands and button presses from the Telegram operators; refused ones came from "
                             "people who are not operators."));
    QPalette pal = palette();
    if (updates->status == u"unauthorized" || updates->status == u"conflict")
        pal.setColor(QPalette::WindowText, Theme::negativeColor(pal));
    else if (updates->status != u"polling" || !updates->lastError.isEmpty())
        pal.setColor(QPalette::WindowText, Theme::warningColor(pal));
    m_updates->setPalette(pal);
    m_updates->show();
}

} // namespace sentinel

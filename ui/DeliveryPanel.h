// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QDockWidget>

class QAction;
class QLabel;
class QTableView;
class QToolButton;

namespace sentinel {

class ChannelModel;

/// Did the signals reach the operator's phone? Each channel's state and counters, the outbox
/// depth, the most recent error with its remedy, a "Send test message" action, and, when
/// Telegram operators are configured, whether their commands are being read (the update poller).
class DeliveryPanel final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryPanel)
public:
    explicit DeliveryPanel(QWidget* parent = nullptr);

    void applyDelivery(const sentinel::DeliverySnapshot& delivery);
    [[nodiscard]] ChannelModel* model() const { return m_model; }
    [[nodiscard]] QAction* sendTestMessageAction() const { return m_sendTest; }

Q_SIGNALS:
    void testMessageRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    /// The outbox, last error and Telegram lines of m_delivery in the present language.
    void showDelivery();
    void applyUpdates(const std::optional<sentinel::UpdatesView>& updates);

    ChannelModel* m_model;
    QTableView* m_view;
    QLabel* m_outbox;
    QLabel* m_lastError;
    QLabel* m_updates;
    QAction* m_sendTest;
    QToolButton* m_sendButton = nullptr;
    std::optional<DeliverySnapshot> m_delivery; ///< the last report; none before the first
};

} // namespace sentinel

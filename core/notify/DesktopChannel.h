// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/DeliveryChannel.h"

namespace sentinel {

/// Mirrors each new signal to the desktop: emits notificationRequested(), which the UI turns
/// into a tray message (core cannot touch QSystemTrayIcon). Never counts as a delivery.
class DesktopChannel final : public DeliveryChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopChannel)
public:
    using DeliveryChannel::DeliveryChannel;

    [[nodiscard]] QString name() const override { return QStringLiteral("desktop"); }
    [[nodiscard]] bool isRemote() const override { return false; }
    void deliver(const DeliveryAttempt& attempt, PartCallback partDelivered, DoneCallback done) override;

Q_SIGNALS:
    void notificationRequested(const QString& title, const QString& body);
};

/// Mirrors each new signal to the "notify" log. Never counts as a delivery.
class LogChannel final : public DeliveryChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogChannel)
public:
    using DeliveryChannel::DeliveryChannel;

    [[nodiscard]] QString name() const override { return QStringLiteral("log"); }
    [[nodiscard]] bool isRemote() const override { return false; }
    void deliver(const DeliveryAttempt& attempt, PartCallback partDelivered, DoneCallback done) override;
};

} // namespace sentinel

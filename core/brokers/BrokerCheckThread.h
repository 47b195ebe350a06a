// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/BrokerCheck.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

namespace sentinel {

/// Runs broker checks off the caller's thread: the Settings dialog's Check button must not freeze
/// the window for the seconds a broker may take to answer. One worker thread, started on first
/// use and stopped on destruction (a check still under way is dropped and deleted in its thread);
/// `finished` arrives in this object's thread.
class BrokerCheckThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrokerCheckThread)
public:
    explicit BrokerCheckThread(QObject* parent = nullptr);
    ~BrokerCheckThread() override;

    void check(const Config& config, const QString& broker);
    [[nodiscard]] int running() const { return int(m_running.size()); }

Q_SIGNALS:
    void finished(const sentinel::BrokerCheckOutcome& outcome);

private:
    QThread m_thread;
    QList<QPointer<BrokerCheck>> m_running;
};

} // namespace sentinel

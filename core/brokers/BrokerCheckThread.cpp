// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/BrokerCheckThread.h"

#include <QMetaObject>

namespace sentinel {

BrokerCheckThread::BrokerCheckThread(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<BrokerCheckOutcome>();
    m_thread.setObjectName(QStringLiteral("broker-check"));
}

BrokerCheckThread::~BrokerCheckThread()
{
    // Checks cut short are deleted by their own thread as it finishes (deleteLater below).
    m_thread.quit();
    m_thread.wait();
}

void BrokerCheckThread::check(const Config& config, const QString& broker)
{
    if (!m_thread.isRunning())
        m_thread.start();
    auto* check = new BrokerCheck(config, broker);
    check->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, check, &QObject::deleteLater);
    m_running.append(check);
    // Queued to this object's thread; the check is then deleted in its own.
    connect(check, &BrokerCheck::finished, this, [this, check](const BrokerCheckOutcome& outcome) {
        m_running.removeAll(check);
        check->deleteLater();
        Q_EMIT finished(outcome);
    });
    QMetaObject::invokeMethod(check, &BrokerCheck::start, Qt::QueuedConnection);
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/AdvisorCheckThread.h"

#include <QMetaObject>

namespace sentinel {

AdvisorCheckThread::AdvisorCheckThread(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<AdvisorCheckReport>();
    m_thread.setObjectName(QStringLiteral("advisor-check"));
}

AdvisorCheckThread::~AdvisorCheckThread()
{
    // Tests cut short are deleted by their own thread as it finishes (deleteLater below); each
    // request has its deadline, so the wait is bounded.
    m_thread.quit();
    m_thread.wait();
}

void AdvisorCheckThread::check(const AdvisorSettings& settings)
{
    if (!m_thread.isRunning())
        m_thread.start();
    // No parent and no clock: it makes its SystemClock as a child, which moves with it.
    auto* check = new AdvisorCheck(settings);
    check->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, check, &QObject::deleteLater);
    m_running.append(check);
    connect(check, &AdvisorCheck::finished, this, [this, check](const AdvisorCheckReport& report) {
        m_running.removeAll(check);
        check->deleteLater();
        Q_EMIT finished(report);
    });
    QMetaObject::invokeMethod(check, &AdvisorCheck::start, Qt::QueuedConnection);
}

} // namespace sentinel

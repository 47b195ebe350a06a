// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/SimulationHost.h"

#include "engine/SimulationRun.h"

#include <QThread>

namespace sentinel {

SimulationHost::SimulationHost(Config config, quint64 seed, QObject* parent)
    : SimulationInterface(parent), m_thread(new QThread(this)), m_run(new SimulationRun(std::move(config), seed))
{
    m_thread->setObjectName(QStringLiteral("sentinel-simulation"));
    m_run->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_run, &QObject::deleteLater);
    connect(m_run, &SimulationRun::progressed, this, &SimulationInterface::simulationProgressed);
    connect(m_run, &SimulationRun::finished, this, &SimulationInterface::simulationFinished);
    m_thread->start();
}

SimulationHost::~SimulationHost()
{
    shutdown();
}

SimulationRun* SimulationHost::run() const
{
    return m_run.data();
}

void SimulationHost::startSimulation(const SimulationRequest& request)
{
    if (m_run)
        QMetaObject::invokeMethod(m_run, [run = m_run, request] { run->start(request); }, Qt::QueuedConnection);
}

void SimulationHost::cancelSimulation()
{
    if (m_run)
        QMetaObject::invokeMethod(m_run, &SimulationRun::cancel, Qt::QueuedConnection);
}

void SimulationHost::shutdown()
{
    if (!m_thread->isRunning())
        return;
    if (m_run)
        QMetaObject::invokeMethod(m_run, &SimulationRun::cancel, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

} // namespace sentinel

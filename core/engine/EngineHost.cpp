// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/EngineHost.h"

#include "engine/Engine.h"

#include <QThread>

namespace sentinel {

EngineHost::EngineHost(Config config, EngineOptions options, QObject* parent)
    : QObject(parent), m_thread(new QThread(this)), m_engine(new Engine(std::move(config), nullptr, std::move(options)))
{
    m_thread->setObjectName(QStringLiteral("sentinel-engine"));
    m_engine->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
}

EngineHost::~EngineHost()
{
    shutdown();
}

void EngineHost::start()
{
    m_thread->start();
    QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection);
}

void EngineHost::shutdown()
{
    if (!m_thread->isRunning())
        return;
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &Engine::stop, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

} // namespace sentinel

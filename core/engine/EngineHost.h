// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Config.h"
#include "engine/EngineOptions.h"

#include <QObject>
#include <QPointer>

class QThread;

namespace sentinel {

class Engine;

/// Owns the engine's named worker thread: creates the Engine, moves it there, starts it with a
/// queued call, and on shutdown stops it, quits the thread and waits. The GUI talks to the
/// engine only through queued signals and QMetaObject::invokeMethod.
class EngineHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineHost)
public:
    explicit EngineHost(Config config, EngineOptions options = {}, QObject* parent = nullptr);
    ~EngineHost() override;

    /// Valid until shutdown(); only for connecting signals and queued invocations.
    [[nodiscard]] Engine* engine() const { return m_engine; }
    void start();
    void shutdown();

private:
    QThread* m_thread;
    QPointer<Engine> m_engine;
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/ControlProtocol.h"

#include <QObject>

namespace sentinel {

class ControlServer;
class Engine;

/// The running engine behind the local control channel (ADR 0133): `sentinel control` asks,
/// the engine's desk controls act (ADR 0132) with the caller's name and the CLI as the channel.
/// Lives in the engine's thread, as a child of the engine, and listens on the channel named after
/// the engine's journal.
class EngineControlService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineControlService)
public:
    explicit EngineControlService(Engine& engine);
    ~EngineControlService() override;

    /// Listens on the channel of the engine's journal; a second engine on the same journal is refused.
    [[nodiscard]] Status listen();

    /// Serves the channel once `engine` runs: call before starting it, from the thread that owns it.
    static void serveWhenRunning(Engine& engine);

private:
    void handle(const ControlRequest& request, const std::function<void(const ControlReply&)>& reply);
    void replyStatus(const std::function<void(const ControlReply&)>& reply);
    void refuseUnconfirmed(ControlCommand command, const std::function<void(const ControlReply&)>& reply);

    Engine& m_engine;
    ControlServer* m_server;
};

} // namespace sentinel

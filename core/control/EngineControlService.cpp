// SPDX-License-Identifier: GPL-3.0-or-later
#include "control/EngineControlService.h"

#include "common/Log.h"
#include "control/ControlEndpoint.h"
#include "control/ControlServer.h"
#include "engine/DeskControls.h"
#include "engine/Engine.h"
#include "trading/Portfolio.h"

#include <QJsonArray>

namespace sentinel {

namespace {

QJsonObject outcomeFields(const ControlOutcome& outcome, bool paused)
{
    return QJsonObject{{QStringLiteral("message"), outcome.message},
                       {QStringLiteral("closing"), QJsonArray::fromStringList(outcome.closing)},
                       {QStringLiteral("not_closed"), QJsonArray::fromStringList(outcome.notClosed)},
                       {QStringLiteral("paused"), paused}};
}

} // namespace

EngineControlService::EngineControlService(Engine& engine)
    : QObject(&engine), m_engine(engine),
      m_server(new ControlServer(engine.clock(),
                                 [this](const ControlRequest& request, const ControlServer::Responder& reply) { handle(request, reply); },
                                 this))
{
}

EngineControlService::~EngineControlService() = default;

Status EngineControlService::listen()
{
    const Result<QString> name = ControlEndpoint::serverName(m_engine.journalPath());
    if (!name)
        return name.error();
    return m_server->listen(name.value());
}

void EngineControlService::serveWhenRunning(Engine& engine)
{
    // Connected with the engine as context: runs in the engine's thread, once.
    auto served = std::make_shared<bool>(false);
    QObject::connect(&engine, &Engine::statusChanged, &engine, [&engine, served](const EngineStatus& status) {
        if (*served || status.state != EngineState::Running)
            return;
        *served = true;
        auto* service = new EngineControlService(engine);
        if (const Status listening = service->listen(); !listening) {
            log::engine()->error("control channel: {}", listening.error().toString());
            delete service;
            return;
        }
        log::engine()->info("control channel: `sentinel control` reaches this engine through its journal's socket");
    });
}

void EngineControlService::handle(const ControlRequest& request, const std::function<void(const ControlReply&)>& reply)
{
    DeskControls* controls = m_engine.controls();
    if (!controls || !m_engine.isRunning())
        return reply(ControlReply::refusal(QStringLiteral("the engine is not running; start it, then ask again")));
    const OperatorOrigin origin{request.who, OperatorChannel::Cli, std::nullopt};
    const auto answer = [this, reply](const ControlOutcome& outcome) {
        DeskControls* desk = m_engine.controls();
        const QJsonObject fields = outcomeFields(outcome, desk && desk->paused());
        reply(outcome.refused ? ControlReply::refusal(outcome.message, fields) : ControlReply::done(fields));
    };
    switch (request.command) {
    case ControlCommand::Status:
        return replyStatus(reply);
    case ControlCommand::Pause:
        return controls->pause(origin, answer);
    case ControlCommand::Resume:
        return controls->resume(origin, answer);
    case ControlCommand::Flatten:
    case ControlCommand::Kill:
        if (!request.confirm)
            return refuseUnconfirmed(request.command, reply);
        if (request.command == ControlCommand::Flatten)
            return controls->flattenAll(origin, answer);
        return controls->killSwitch(origin, answer);
    }
}

void EngineControlService::refuseUnconfirmed(ControlCommand command, const std::function<void(const ControlReply&)>& reply)
{
    // Nothing is closed without confirm:true; the answer says what would be.
    m_engine.controls()->withPortfolio([reply, command](const Result<PortfolioSnapshot>& portfolio) {
        QJsonArray wouldClose;
        if (portfolio) {
            for (const Position& position : portfolio->positions) {
                if (position.quantity != 0)
                    wouldClose.append(QStringLiteral("%1 %2").arg(QString::number(position.quantity), position.instrumentKey));
            }
        }
        reply(ControlReply::refusal(QStringLiteral("%1 closes every open position (%2 now): confirm it with --yes")
                                        .arg(controlCommandName(command))
                                        .arg(wouldClose.size()),
                                    QJsonObject{{QStringLiteral("would_close"), wouldClose}}));
    });
}

void EngineControlService::replyStatus(const std::function<void(const ControlReply&)>& reply)
{
    DeskControls* controls = m_engine.controls();
    QJsonObject fields{{QString::fromUtf16(controlStatus::State), m_engine.isRunning() ? QStringLiteral("running") : QStringLiteral("stopped")},
                       {QString::fromUtf16(controlStatus::Paused), controls->paused()},
                       {QString::fromUtf16(controlStatus::Mode), tradingModeName(m_engine.config().mode)},
                       {QString::fromUtf16(controlStatus::Pending), qint64(m_engine.pendingProposals().size())}};
    if (controls->paused()) {
        fields.insert(QStringLiteral("paused_by"), controls->pausedBy());
        fields.insert(QStringLiteral("paused_at"), controls->pausedAt().toUTC().toString(Qt::ISODate));
    }
    controls->withPortfolio([reply, fields](const Result<PortfolioSnapshot>& portfolio) mutable {
        QJsonArray positions;
        if (portfolio) {
            for (const Position& position : portfolio->positions) {
                if (position.quantity == 0)
                    continue;
                positions.append(QJsonObject{{QStringLiteral("instrument"), position.instrumentKey},
                                             {QStringLiteral("quantity"), position.quantity},
                                             {QStringLiteral("average_price"), position.averagePrice},
                                             {QStringLiteral("market_price"), position.marketPrice},
                                             {QStringLiteral("unrealized_pnl"), position.unrealizedPnl()}});
            }
        } else {
            fields.insert(QStringLiteral("positions_error"), portfolio.error().toString());
        }
        fields.insert(QString::fromUtf16(controlStatus::Positions), positions);
        reply(ControlReply::done(fields));
    });
}

} // namespace sentinel

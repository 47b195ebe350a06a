// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/RedisBackend.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

class QObject;

namespace sentinel {

class RedisLink;

/// RedisBackend's two links to its server: one for commands, one subscribed to the channel on
/// which desks announce fills. Usable once both are up and the subscription is confirmed. Any
/// loss frees both links, is reported once, and is followed by a reconnect with exponential
/// back-off on the Clock (see docs/adr/0051). Private to the cache module.
class RedisConnection final
{
    Q_DISABLE_COPY_MOVE(RedisConnection)
public:
    struct Backoff {
        std::chrono::milliseconds min;
        std::chrono::milliseconds max;
        /// Each link's bound on connecting and on every answer (see RedisLink).
        std::chrono::milliseconds deadline{5'000};
    };

    struct Events {
        std::function<void()> available; ///< both links up and subscribed
        /// The links were lost and freed (pending commands have had their nullptr replies); a
        /// reconnect is scheduled.
        std::function<void(const QString& reason)> outage;
        std::function<void(const QByteArray& message)> message; ///< published on the channel
    };

    /// `owner` scopes the timers, queued calls and socket notifiers.
    RedisConnection(RedisBackend::Endpoint endpoint, QByteArray channel, Clock& clock, Backoff backoff,
                    QObject* owner, Events events);
    ~RedisConnection(); ///< closes

    /// Connects both links (again); a no-op once closed.
    void open();
    /// For good: cancels the reconnect and frees the links; pending commands get nullptr and
    /// nothing more is reported.
    void close();

    [[nodiscard]] bool isAvailable() const { return m_available; }
    /// The command link: send through it only while available (otherwise replies are nullptr).
    [[nodiscard]] RedisLink& commands() { return *m_command; }

private:
    void openLink(RedisLink& link);
    void linkUp(RedisLink& link);
    void updateAvailability();
    void linkLost(RedisLink& link, const QString& reason);
    void handleOutage(const QString& reason);

    RedisBackend::Endpoint m_endpoint;
    QByteArray m_channel;
    Clock& m_clock;
    Backoff m_backoffLimits;
    QObject* m_owner;
    Events m_events;
    std::unique_ptr<RedisLink> m_command;
    std::unique_ptr<RedisLink> m_subscriber;
    bool m_subscribed = false;
    bool m_available = false;
    bool m_closing = false;
    bool m_outageQueued = false;
    TimerId m_reconnectTimer = 0;
    std::chrono::milliseconds m_backoff;
};

} // namespace sentinel

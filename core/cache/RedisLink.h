// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <chrono>
#include <functional>

class QObject;
class QSocketNotifier;
class QTimer;
struct redisAsyncContext;
struct redisReply;

namespace sentinel {

/// One hiredis connection and the socket notifiers that drive it from the Qt event loop.
/// Written here rather than taken from hiredis/adapters/qt.h, which connects with string-based
/// SIGNAL/SLOT and uses the `slots` keyword (both banned here), and deletes a notifier from
/// inside its own activation (see docs/adr/0051).
///
/// It only carries commands and reports what happened to the connection; RedisBackend decides
/// what an outage means. Private to the cache module.
class RedisLink final
{
    Q_DISABLE_COPY_MOVE(RedisLink)
public:
    /// Gets the reply, or nullptr when none will come (the link is down or being freed).
    using ReplyHandler = std::function<void(redisReply* reply)>;

    struct Events {
        std::function<void(RedisLink& link)> up; ///< connected
        /// Could not connect, or the connection dropped or was closed.
        std::function<void(RedisLink& link, const QString& reason)> lost;
    };

    struct SubscriptionEvents {
        std::function<void()> subscribed;
        std::function<void(const QByteArray& message)> message;
    };

    /// `owner` parents the socket notifiers and the deadline timer and scopes their
    /// connections. `deadline` bounds connecting and every command's answer (wall clock,
    /// docs/adr/0104): when it passes with the connection not up or a command unanswered, the
    /// link is reported lost and the owner frees it, which answers pending commands with nullptr.
    RedisLink(QObject* owner, Events events, std::chrono::milliseconds deadline);
    ~RedisLink(); ///< closes

    /// Connecting or connected.
    [[nodiscard]] bool isOpen() const { return m_context != nullptr; }
    /// Connected and not known to be broken.
    [[nodiscard]] bool isUp() const { return m_up; }
    /// The connection is there but unusable (e.g. the server refused its setup).
    void markDown() { m_up = false; }

    /// Starts connecting; Events::up or Events::lost follows. An error when it cannot even start
    /// (Events::lost is not called then).
    [[nodiscard]] Status open(const QString& host, int port);
    /// Frees the connection at once; pending handlers get nullptr.
    void close();

    /// Sends a command; hiredis queues it until the connection is up.
    void command(const QList<QByteArray>& args, ReplyHandler handler);
    /// SUBSCRIBE on a connected link; `events` hear the confirmation and every message.
    [[nodiscard]] bool subscribe(const QByteArray& channel, SubscriptionEvents events);

private:
    friend struct RedisLinkHooks;

    static void onConnect(const redisAsyncContext* context, int status);
    static void onDisconnect(const redisAsyncContext* context, int status);
    static void onReply(redisAsyncContext* context, void* reply, void* privateData);
    static void onSubscription(redisAsyncContext* context, void* reply, void* privateData);
    /// (Re)starts the deadline while something is awaited, stops it otherwise.
    void armDeadline();
    void onDeadline();

    QObject* m_owner;
    Events m_events;
    SubscriptionEvents m_subscription;
    redisAsyncContext* m_context = nullptr;
    QSocketNotifier* m_reader = nullptr;
    QSocketNotifier* m_writer = nullptr;
    bool m_up = false;
    int m_pending = 0; ///< commands sent and not yet answered
    std::chrono::milliseconds m_deadline;
    QTimer* m_timer;
};

} // namespace sentinel

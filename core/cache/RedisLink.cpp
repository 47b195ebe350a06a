// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/RedisLink.h"

#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <hiredis/async.h>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

namespace sentinel {

/// hiredis's event hooks for a RedisLink.
struct RedisLinkHooks {
    static void watch(RedisLink* link, QSocketNotifier*& notifier, QSocketNotifier::Type type)
    {
        if (notifier) {
            notifier->setEnabled(true);
            return;
        }
        notifier = new QSocketNotifier(link->m_context->c.fd, type, link->m_owner);
        const bool read = type == QSocketNotifier::Read;
        QObject::connect(notifier, &QSocketNotifier::activated, link->m_owner, [link, read] {
            if (!link->m_context)
                return;
            if (read)
                redisAsyncHandleRead(link->m_context);
            else
                redisAsyncHandleWrite(link->m_context);
        });
    }
    static void unwatch(QSocketNotifier* notifier)
    {
        if (notifier)
            notifier->setEnabled(false);
    }
    static void drop(QSocketNotifier*& notifier)
    {
        if (!notifier)
            return;
        // Possibly inside this notifier's own activation: disable now, delete later.
        notifier->setEnabled(false);
        notifier->deleteLater();
        notifier = nullptr;
    }

    static void addRead(void* data)
    {
        auto* link = static_cast<RedisLink*>(data);
        watch(link, link->m_reader, QSocketNotifier::Read);
    }
    static void delRead(void* data) { unwatch(static_cast<RedisLink*>(data)->m_reader); }
    static void addWrite(void* data)
    {
        auto* link = static_cast<RedisLink*>(data);
        watch(link, link->m_writer, QSocketNotifier::Write);
    }
    static void delWrite(void* data) { unwatch(static_cast<RedisLink*>(data)->m_writer); }
    static void cleanup(void* data)
    {
        auto* link = static_cast<RedisLink*>(data);
        drop(link->m_reader);
        drop(link->m_writer);
        // hiredis frees the context right after this hook.
        link->m_context = nullptr;
        link->m_up = false;
        link->m_timer->stop();
    }
};

RedisLink::RedisLink(QObject* owner, Events events, std::chrono::milliseconds deadline)
    : m_owner(owner), m_events(std::move(events)), m_deadline(deadline), m_timer(new QTimer(owner))
{
    m_timer->setSingleShot(true);
    QObject::connect(m_timer, &QTimer::timeout, owner, [this] { onDeadline(); });
}

RedisLink::~RedisLink()
{
    close();
    delete m_timer;
}

void RedisLink::armDeadline()
{
    if (m_context && (!m_up || m_pending > 0))
        m_timer->start(m_deadline);
    else
        m_timer->stop();
}

void RedisLink::onDeadline()
{
    if (!m_context || (m_up && m_pending == 0))
        return;
    const QString reason = m_up ? QStringLiteral("Redis did not answer a command within %1 ms").arg(m_deadline.count())
                                : QStringLiteral("Redis did not accept the connection within %1 ms").arg(m_deadline.count());
    m_up = false;
    m_events.lost(*this, reason);
}

Status RedisLink::open(const QString& host, int port)
{
    Q_ASSERT(!m_context);
    redisAsyncContext* context = redisAsyncConnect(host.toUtf8().constData(), port);
    if (!context)
        return Error{QStringLiteral("redis_unavailable"), QStringLiteral("cannot allocate a Redis connection"), {}};
    if (context->err) {
        const QString reason = QString::fromUtf8(context->errstr);
        redisAsyncFree(context);
        return Error{QStringLiteral("redis_unavailable"), reason, {}};
    }
    m_context = context;
    context->data = this;
    context->ev.data = this;
    context->ev.addRead = &RedisLinkHooks::addRead;
    context->ev.delRead = &RedisLinkHooks::delRead;
    context->ev.addWrite = &RedisLinkHooks::addWrite;
    context->ev.delWrite = &RedisLinkHooks::delWrite;
    context->ev.cleanup = &RedisLinkHooks::cleanup;
    redisAsyncSetConnectCallback(context, &RedisLink::onConnect);
    redisAsyncSetDisconnectCallback(context, &RedisLink::onDisconnect);
    m_pending = 0;
    armDeadline();
    return okStatus();
}

void RedisLink::close()
{
    m_timer->stop();
    if (m_context)
        redisAsyncFree(m_context);
}

void RedisLink::command(const QList<QByteArray>& args, ReplyHandler handler)
{
    if (!m_context) {
        handler(nullptr);
        return;
    }
    std::vector<const char*> argv;
    std::vector<size_t> lengths;
    for (const QByteArray& arg : args) {
        argv.push_back(arg.constData());
        lengths.push_back(size_t(arg.size()));
    }
    auto owned = std::make_unique<ReplyHandler>(std::move(handler));
    if (redisAsyncCommandArgv(m_context, &RedisLink::onReply, owned.get(), int(argv.size()), argv.data(),
                              lengths.data())
        != REDIS_OK) {
        (*owned)(nullptr);
        return;
    }
    (void)owned.release(); // onReply takes it back
    ++m_pending;
    armDeadline();
}

bool RedisLink::subscribe(const QByteArray& channel, SubscriptionEvents events)
{
    m_subscription = std::move(events);
    const char* argv[] = {"SUBSCRIBE", channel.constData()};
    const size_t lengths[] = {9, size_t(channel.size())};
    if (redisAsyncCommandArgv(m_context, &RedisLink::onSubscription, this, 2, argv, lengths) != REDIS_OK)
        return false;
    ++m_pending; // until the server confirms the subscription
    armDeadline();
    return true;
}

void RedisLink::onConnect(const redisAsyncContext* context, int status)
{
    auto* link = static_cast<RedisLink*>(context->data);
    if (!link)
        return;
    if (status != REDIS_OK) {
        link->m_events.lost(*link, QString::fromUtf8(context->errstr));
        return;
    }
    link->m_up = true;
    link->armDeadline();
    link->m_events.up(*link);
}

void RedisLink::onDisconnect(const redisAsyncContext* context, int status)
{
    auto* link = static_cast<RedisLink*>(context->data);
    if (!link)
        return;
    link->m_context = nullptr;
    link->m_up = false;
    link->m_timer->stop();
    link->m_events.lost(*link, status == REDIS_OK ? QStringLiteral("connection closed")
                                                  : QString::fromUtf8(context->errstr));
}

void RedisLink::onReply(redisAsyncContext* context, void* reply, void* privateData)
{
    const std::unique_ptr<ReplyHandler> handler(static_cast<ReplyHandler*>(privateData));
    if (auto* link = static_cast<RedisLink*>(context->data)) {
        link->m_pending = std::max(0, link->m_pending - 1);
        if (!reply)
            link->m_up = false;
        else
            link->armDeadline();
    }
    (*handler)(static_cast<redisReply*>(reply));
}

void RedisLink::onSubscription(redisAsyncContext*, void* reply, void* privateData)
{
    auto* link = static_cast<RedisLink*>(privateData);
    auto* message = static_cast<redisReply*>(reply);
    if (!message || message->type != REDIS_REPLY_ARRAY || message->elements < 3)
        return;
    const redisReply* kind = message->element[0];
    const redisReply* payload = message->element[2];
    if (kind->type != REDIS_REPLY_STRING)
        return;
    const QByteArray kindText(kind->str, qsizetype(kind->len));
    if (kindText == "subscribe") {
        link->m_pending = std::max(0, link->m_pending - 1);
        link->armDeadline();
        if (link->m_subscription.subscribed)
            link->m_subscription.subscribed();
    }
    else if (kindText == "message" && payload->type == REDIS_REPLY_STRING && link->m_subscription.message)
        link->m_subscription.message(QByteArray(payload->str, qsizetype(payload->len)));
}

} // namespace sentinel

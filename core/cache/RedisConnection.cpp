// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/RedisConnection.h"

#include "cache/RedisLink.h"
#include "common/Log.h"

#include <QMetaObject>

#include <hiredis/hiredis.h>

#include <algorithm>
#include <utility>

namespace sentinel {

RedisConnection::RedisConnection(RedisBackend::Endpoint endpoint, QByteArray channel, Clock& clock,
                                 Backoff backoff, QObject* owner, Events events)
    : m_endpoint(std::move(endpoint)),
      m_channel(std::move(channel)),
      m_clock(clock),
      m_backoffLimits(backoff),
      m_owner(owner),
      m_events(std::move(events)),
      m_backoff(backoff.min)
{
    // close() frees the links itself; nothing they report then is acted on.
    RedisLink::Events linkEvents;
    linkEvents.up = [this](RedisLink& link) {
        if (!m_closing)
            linkUp(link);
    };
    linkEvents.lost = [this](RedisLink& link, const QString& reason) {
        if (!m_closing)
            linkLost(link, reason);
    };
    m_command = std::make_unique<RedisLink>(owner, linkEvents, backoff.deadline);
    m_subscriber = std::make_unique<RedisLink>(owner, linkEvents, backoff.deadline);
}

RedisConnection::~RedisConnection()
{
    close();
}

void RedisConnection::open()
{
    if (m_closing)
        return;
    m_subscribed = false;
    openLink(*m_command);
    openLink(*m_subscriber);
}

void RedisConnection::close()
{
    m_closing = true;
    if (m_reconnectTimer) {
        m_clock.cancel(m_reconnectTimer);
        m_reconnectTimer = 0;
    }
    m_command->close();
    m_subscriber->close();
}

void RedisConnection::openLink(RedisLink& link)
{
    if (link.isOpen())
        return;
    if (const Status opened = link.open(m_endpoint.host, m_endpoint.port); !opened) {
        linkLost(link, opened.error().message);
        return;
    }
    // hiredis queues these until the connection is up; they precede every other command.
    const auto refuse = [this, &link](redisReply* reply) {
        if (!m_closing && reply && reply->type == REDIS_REPLY_ERROR)
            linkLost(link, QStringLiteral("Redis refused the connection setup: %1")
                               .arg(QString::fromUtf8(reply->str, qsizetype(reply->len))));
    };
    if (!m_endpoint.password.isEmpty())
        link.command({QByteArrayLiteral("AUTH"), m_endpoint.password.reveal().toUtf8()}, refuse);
    if (m_endpoint.database != 0)
        link.command({QByteArrayLiteral("SELECT"), QByteArray::number(m_endpoint.database)}, refuse);
}

void RedisConnection::linkUp(RedisLink& link)
{
    if (&link == m_subscriber.get()) {
        RedisLink::SubscriptionEvents subscription;
        subscription.subscribed = [this] {
            if (m_closing)
                return;
            m_subscribed = true;
            updateAvailability();
        };
        subscription.message = [this](const QByteArray& message) {
            if (!m_closing)
                m_events.message(message);
        };
        if (!link.subscribe(m_channel, subscription)) {
            linkLost(link, QStringLiteral("cannot subscribe to %1").arg(QString::fromUtf8(m_channel)));
            return;
        }
    }
    updateAvailability();
}

void RedisConnection::updateAvailability()
{
    const bool available = m_command->isUp() && m_subscriber->isUp() && m_subscribed;
    if (!available || m_available)
        return;
    m_available = true;
    m_backoff = m_backoffLimits.min;
    m_events.available();
}

void RedisConnection::linkLost(RedisLink& link, const QString& reason)
{
    link.markDown();
    m_available = false;
    if (&link == m_subscriber.get())
        m_subscribed = false;
    if (m_outageQueued || m_closing)
        return;
    m_outageQueued = true;
    // Out of hiredis's call stack: handling the outage frees contexts.
    QMetaObject::invokeMethod(
        m_owner,
        [this, reason] {
            m_outageQueued = false;
            handleOutage(reason);
        },
        Qt::QueuedConnection);
}

void RedisConnection::handleOutage(const QString& reason)
{
    if (m_closing || m_reconnectTimer)
        return;
    m_available = false;
    m_subscribed = false;
    // Suppress the outage that freeing our own links would report again.
    m_outageQueued = true;
    m_command->close();
    m_subscriber->close();
    m_outageQueued = false;

    m_events.outage(reason);

    log::cache()->debug("reconnecting to Redis in {} ms", m_backoff.count());
    m_reconnectTimer = m_clock.callAfter(m_backoff, m_owner, [this] {
        m_reconnectTimer = 0;
        open();
    });
    m_backoff = std::min(m_backoff * 2, m_backoffLimits.max);
}

} // namespace sentinel

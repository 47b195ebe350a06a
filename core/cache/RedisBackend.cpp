// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/RedisBackend.h"

#include "cache/RedisConnection.h"
#include "cache/RedisLink.h"
#include "common/Log.h"

#include <QPointer>
#include <QUrl>
#include <QUuid>

#include <hiredis/hiredis.h>

#include <algorithm>
#include <utility>

namespace sentinel {

namespace {

// Redis only collects garbage; validity is checked against the desks' Clock.
constexpr qint64 kGarbageGraceMs = qint64{10} * 60 * 1000;
constexpr qint64 kMaxRetentionMs = 30LL * 24 * 3600 * 1000;

// Looks up the value and, if there is no valid one, takes the fetch lock, atomically: no desk
// can miss a value stored between its lookup and its lock attempt. Returns {1, envelope},
// {2} (lock taken: fetch) or {3} (another desk is fetching).
// KEYS: value, lock. ARGV: owner, lock ttl ms, now ms (the desks' Clock).
constexpr char kAcquireScript[] =
    "local v = redis.call('get', KEYS[1]) "
    "if v then local u = tonumber(string.match(v, '^SNTL1 (%d+)\\n')) "
    "if u and u > tonumber(ARGV[3]) then return {1, v} end end "
    "if redis.call('set', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {2} end "
    "return {3}";

// Compare-and-delete / compare-and-extend, so a desk never releases or extends a lock that
// expired and was taken by another desk meanwhile.
constexpr char kReleaseScript[] =
    "if redis.call('get',KEYS[1])==ARGV[1] then return redis.call('del',KEYS[1]) end return 0";
constexpr char kExtendScript[] =
    "if redis.call('get',KEYS[1])==ARGV[1] then return redis.call('pexpire',KEYS[1],ARGV[2]) end "
    "return 0";

QByteArray bytes(const char* text)
{
    return QByteArray(text);
}

/// A fetched value as this desk got it: upstream, not from the shared cache.
Result<RedisBackend::Entry> fetchedHere(const Result<RedisBackend::Entry>& result)
{
    if (!result.ok())
        return result;
    RedisBackend::Entry entry = result.value();
    entry.fromShared = false;
    return entry;
}

} // namespace

struct RedisBackend::Load {
    QByteArray key;
    LocalFetch fetch;
    LoadDone done;
    bool finished = false;
    bool waiting = false;  ///< another desk holds the lock; listed in m_waiting
    bool recheck = false;  ///< a fill was announced while a lookup was in flight
    bool checking = false; ///< a GET is under way
    bool fetching = false; ///< the upstream fetch is under way (as owner or locally)
    TimerId pollTimer = 0;
    TimerId lockTimer = 0;
};

Result<RedisBackend::Endpoint> RedisBackend::parseUrl(const QString& url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    const QString shown = parsed.toString(QUrl::RemoveUserInfo);
    const QString remedy = QStringLiteral("write it as redis://host:port[/db], e.g. redis://127.0.0.1:6379");
    if (!parsed.isValid() || parsed.scheme() != u"redis" || parsed.host().isEmpty())
        return Error{QStringLiteral("invalid_config"),
                     QStringLiteral("cache.redis_url \"%1\" is not a redis:// URL with a host").arg(shown),
                     remedy};
    Endpoint endpoint;
    endpoint.host = parsed.host();
    endpoint.port = parsed.port(6379);
    if (endpoint.port < 1 || endpoint.port > 65535)
        return Error{QStringLiteral("invalid_config"),
                     QStringLiteral("cache.redis_url \"%1\" has no valid port").arg(shown), remedy};
    const QString path = parsed.path();
    if (!path.isEmpty() && path != u"/") {
        bool ok = false;
        endpoint.database = path.mid(1).toInt(&ok);
        if (!ok || endpoint.database < 0)
            return Error{QStringLiteral("invalid_config"),
                         QStringLiteral("cache.redis_url \"%1\": \"%2\" is not a database number")
                             .arg(shown, path.mid(1)),
                         remedy};
    }
    endpoint.password = Secret(parsed.password());
    return endpoint;
}

RedisBackend::RedisBackend(Endpoint endpoint, Clock& clock, QObject* parent)
    : RedisBackend(std::move(endpoint), clock, Options{}, parent)
{
}

RedisBackend::RedisBackend(Endpoint endpoint, Clock& clock, Options options, QObject* parent)
    : QObject(parent),
      m_endpoint(std::move(endpoint)),
      m_clock(clock),
      m_options(std::move(options)),
      m_ownerId(QUuid::createUuid().toByteArray(QUuid::WithoutBraces))
{
    RedisConnection::Events events;
    events.available = [this] { handleAvailable(); };
    events.outage = [this](const QString& reason) { handleOutage(reason); };
    events.message = [this](const QByteArray& key) { handleFilled(key); };
    const RedisConnection::Backoff backoff{m_options.minBackoff, m_options.maxBackoff, m_options.requestDeadline};
    m_connection = std::make_unique<RedisConnection>(m_endpoint, channel(), m_clock, backoff, this, std::move(events));
}

RedisBackend::~RedisBackend()
{
    m_closing = true;
    // Pending replies are answered with nullptr inside close(); handlers see m_closing.
    m_connection->close();
}

void RedisBackend::start()
{
    m_connection->open();
}

bool RedisBackend::isAvailable() const
{
    return m_connection->isAvailable();
}

void RedisBackend::evalInteger(const QByteArray& script, const QList<QByteArray>& keys, const QList<QByteArray>& args,
                               IntegerDone done)
{
    if (!isAvailable()) {
        done(std::nullopt);
        return;
    }
    QList<QByteArray> command{bytes("EVAL"), script, QByteArray::number(keys.size())};
    for (const QByteArray& key : keys)
        command.append(m_options.keyPrefix + key);
    command += args;
    m_connection->commands().command(command, [done = std::move(done)](redisReply* reply) {
        if (reply && reply->type == REDIS_REPLY_INTEGER) {
            done(qint64(reply->integer));
            return;
        }
        if (reply && reply->type == REDIS_REPLY_ERROR)
            log::cache()->warn("shared script failed: {}", QString::fromUtf8(reply->str, qsizetype(reply->len)));
        done(std::nullopt);
    });
}

QString RedisBackend::describe() const
{
    return QStringLiteral("%1:%2/%3").arg(m_endpoint.host).arg(m_endpoint.port).arg(m_endpoint.database);
}

QByteArray RedisBackend::valueKey(const QByteArray& key) const
{
    return m_options.keyPrefix + "v:" + key;
}

QByteArray RedisBackend::lockKey(const QByteArray& key) const
{
    return m_options.keyPrefix + "lock:" + key;
}

QByteArray RedisBackend::channel() const
{
    return m_options.keyPrefix + "filled";
}

QByteArray RedisBackend::encodeEnvelope(const Entry& entry)
{
    // A text header, so the acquire script can read the validity with string.match.
    return QByteArrayLiteral("SNTL1 ") + QByteArray::number(entry.validUntil.toMSecsSinceEpoch()) + '\n'
        + entry.payload;
}

std::optional<RedisBackend::Entry> RedisBackend::decodeEnvelope(const QByteArray& bytes)
{
    static const QByteArray magic = QByteArrayLiteral("SNTL1 ");
    if (!bytes.startsWith(magic))
        return std::nullopt;
    const qsizetype newline = bytes.indexOf('\n', magic.size());
    if (newline < 0)
        return std::nullopt;
    bool ok = false;
    const qint64 validUntilMs = bytes.mid(magic.size(), newline - magic.size()).toLongLong(&ok);
    if (!ok || validUntilMs <= 0)
        return std::nullopt;
    return Entry{bytes.mid(newline + 1), QDateTime::fromMSecsSinceEpoch(validUntilMs, Qt::UTC), true};
}

// ---- the server coming and going -----------------------------------------------------------

void RedisBackend::handleAvailable()
{
    log::cache()->info("shared cache connected to Redis at {}", describe());
    if (m_degraded) {
        m_degraded = false;
        log::cache()->warn("shared cache recovered: Redis at {} is back", describe());
        Q_EMIT backendRecovered();
    }
    Q_EMIT connected();
}

void RedisBackend::handleOutage(const QString& reason)
{
    QList<std::shared_ptr<Load>> stranded;
    for (const auto& loads : std::as_const(m_waiting))
        stranded += loads;
    for (const auto& load : std::as_const(stranded))
        fetchLocally(load);

    m_lastError = reason;
    if (!m_degraded) {
        m_degraded = true;
        log::cache()->warn("shared cache degraded to memory: Redis at {}: {}", describe(), reason);
        Q_EMIT backendDegraded(reason);
    }
}

// ---- the cross-desk single flight --------------------------------------------------------

void RedisBackend::load(const QByteArray& key, LocalFetch fetch, LoadDone done)
{
    auto load = std::make_shared<Load>();
    load->key = key;
    load->fetch = std::move(fetch);
    load->done = std::move(done);
    if (!m_connection->isAvailable()) {
        fetchLocally(load);
        return;
    }
    lookup(load);
}

void RedisBackend::lookup(const std::shared_ptr<Load>& load)
{
    if (load->finished || load->fetching)
        return;
    if (load->checking) {
        // The fill announcement travels on the subscriber link, the lookup reply on the command
        // link: the announcement can overtake a reply that still says "locked". Look again.
        load->recheck = true;
        return;
    }
    load->checking = true;
    const QList<QByteArray> args{bytes("EVAL"), bytes(kAcquireScript), bytes("2"), valueKey(load->key),
                                 lockKey(load->key), m_ownerId,
                                 QByteArray::number(qint64(m_options.lockTtl.count())),
                                 QByteArray::number(m_clock.nowMs())};
    m_connection->commands().command(args, [this, load](redisReply* reply) {
        load->checking = false;
        const bool announcedMeanwhile = std::exchange(load->recheck, false);
        if (m_closing || load->finished || load->fetching)
            return;
        handleLookupReply(load, reply, announcedMeanwhile);
    });
}

void RedisBackend::handleLookupReply(const std::shared_ptr<Load>& load, const redisReply* reply,
                                     bool announcedMeanwhile)
{
    if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements < 1
        || reply->element[0]->type != REDIS_REPLY_INTEGER) {
        if (reply && reply->type == REDIS_REPLY_ERROR)
            log::cache()->warn("shared cache script failed: {}", QString::fromUtf8(reply->str, qsizetype(reply->len)));
        fetchLocally(load);
        return;
    }
    switch (reply->element[0]->integer) {
    case 1: {
        const redisReply* value = reply->elements > 1 ? reply->element[1] : nullptr;
        auto entry = value && value->type == REDIS_REPLY_STRING
            ? decodeEnvelope(QByteArray(value->str, qsizetype(value->len)))
            : std::nullopt;
        if (entry && entry->validUntil > m_clock.now())
            finish(load, *entry);
        else
            fetchLocally(load); // written by another release: do not fight over it
        return;
    }
    case 2:
        fetchAsOwner(load);
        return;
    default:
        wait(load); // another desk holds the lock and is fetching
        if (announcedMeanwhile)
            lookup(load);
        return;
    }
}

void RedisBackend::wait(const std::shared_ptr<Load>& load)
{
    if (load->pollTimer)
        m_clock.cancel(load->pollTimer);
    const std::weak_ptr<Load> weak = load;
    load->pollTimer = m_clock.callAfter(m_options.pollInterval, this, [this, weak] {
        const auto waiting = weak.lock();
        if (!waiting)
            return;
        waiting->pollTimer = 0;
        if (m_connection->isAvailable())
            lookup(waiting);
        else
            fetchLocally(waiting);
    });
    if (!load->waiting) {
        load->waiting = true;
        m_waiting[load->key].append(load);
        // The owner's message may have arrived before we listed ourselves as waiting.
        lookup(load);
    }
}

void RedisBackend::handleFilled(const QByteArray& key)
{
    const QList<std::shared_ptr<Load>> waiting = m_waiting.value(key);
    for (const auto& load : waiting)
        lookup(load);
}

void RedisBackend::refreshLock(const std::shared_ptr<Load>& load)
{
    const std::weak_ptr<Load> weak = load;
    load->lockTimer = m_clock.callAfter(m_options.lockTtl / 3, this, [this, weak] {
        const auto owner = weak.lock();
        if (!owner || owner->finished || !m_connection->isAvailable())
            return;
        m_connection->commands().command({bytes("EVAL"), bytes(kExtendScript), bytes("1"), lockKey(owner->key),
                                          m_ownerId, QByteArray::number(qint64(m_options.lockTtl.count()))},
                                         [](redisReply*) {});
        refreshLock(owner);
    });
}

void RedisBackend::fetchAsOwner(const std::shared_ptr<Load>& load)
{
    stopWaiting(load);
    load->fetching = true;
    refreshLock(load);
    const QPointer<RedisBackend> self(this);
    load->fetch([self, load](const Result<Entry>& result) {
        if (!self || self->m_closing || load->finished)
            return;
        if (load->lockTimer) {
            self->m_clock.cancel(load->lockTimer);
            load->lockTimer = 0;
        }
        if (self->m_connection->isAvailable())
            self->publishFetched(load, result);
        self->finish(load, fetchedHere(result));
    });
}

void RedisBackend::publishFetched(const std::shared_ptr<Load>& load, const Result<Entry>& result)
{
    RedisLink& link = m_connection->commands();
    if (result.ok()) {
        const qint64 remaining = result.value().validUntil.toMSecsSinceEpoch() - m_clock.nowMs();
        const qint64 retention = std::clamp<qint64>(remaining, 1000, kMaxRetentionMs) + kGarbageGraceMs;
        link.command({bytes("SET"), valueKey(load->key), encodeEnvelope(result.value()), bytes("PX"),
                      QByteArray::number(retention)},
                     [](redisReply*) {});
    }
    // Released on failure too, so a waiting desk can try in its turn.
    link.command({bytes("EVAL"), bytes(kReleaseScript), bytes("1"), lockKey(load->key), m_ownerId},
                 [](redisReply*) {});
    link.command({bytes("PUBLISH"), channel(), load->key}, [](redisReply*) {});
}

void RedisBackend::fetchLocally(const std::shared_ptr<Load>& load)
{
    if (load->finished || load->fetching)
        return;
    stopWaiting(load);
    load->fetching = true;
    const QPointer<RedisBackend> self(this);
    load->fetch([self, load](const Result<Entry>& result) {
        if (!self || self->m_closing)
            return;
        self->finish(load, fetchedHere(result));
    });
}

void RedisBackend::stopWaiting(const std::shared_ptr<Load>& load)
{
    if (load->pollTimer) {
        m_clock.cancel(load->pollTimer);
        load->pollTimer = 0;
    }
    if (!load->waiting)
        return;
    load->waiting = false;
    const auto it = m_waiting.find(load->key);
    if (it == m_waiting.end())
        return;
    it->removeOne(load);
    if (it->isEmpty())
        m_waiting.erase(it);
}

void RedisBackend::finish(const std::shared_ptr<Load>& load, const Result<Entry>& result)
{
    if (load->finished)
        return;
    load->finished = true;
    stopWaiting(load);
    if (load->lockTimer) {
        m_clock.cancel(load->lockTimer);
        load->lockTimer = 0;
    }
    const LoadDone done = std::move(load->done);
    done(result);
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/RedisBackend.h"

#include "common/Log.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QUrl>
#include <QUuid>

#include <hiredis/async.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace sentinel {

namespace {

// Redis only collects garbage; validity is checked against the desks' Clock.
constexpr qint64 kGarbageGraceMs = 10 * 60 * 1000;
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

} // namespace

/// One hiredis connection and the socket notifiers that drive it from the Qt event loop.
/// Written here rather than taken from hiredis/adapters/qt.h, which connects with string-based
/// SIGNAL/SLOT and uses the `slots` keyword (both banned here), and deletes a notifier from
/// inside its own activation (see docs/adr/0051).
struct RedisBackend::Link {
    RedisBackend* owner = nullptr;
    const char* role = "";
    redisAsyncContext* context = nullptr;
    QSocketNotifier* reader = nullptr;
    QSocketNotifier* writer = nullptr;
    bool up = false;
};

/// hiredis's event hooks for a Link.
struct RedisLinkEvents {
    using Link = RedisBackend::Link;

    static void watch(Link* link, QSocketNotifier*& notifier, QSocketNotifier::Type type)
    {
        if (notifier) {
            notifier->setEnabled(true);
            return;
        }
        notifier = new QSocketNotifier(link->context->c.fd, type, link->owner);
        const bool read = type == QSocketNotifier::Read;
        QObject::connect(notifier, &QSocketNotifier::activated, link->owner, [link, read] {
            if (!link->context)
                return;
            if (read)
                redisAsyncHandleRead(link->context);
            else
                redisAsyncHandleWrite(link->context);
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
        auto* link = static_cast<Link*>(data);
        watch(link, link->reader, QSocketNotifier::Read);
    }
    static void delRead(void* data) { unwatch(static_cast<Link*>(data)->reader); }
    static void addWrite(void* data)
    {
        auto* link = static_cast<Link*>(data);
        watch(link, link->writer, QSocketNotifier::Write);
    }
    static void delWrite(void* data) { unwatch(static_cast<Link*>(data)->writer); }
    static void cleanup(void* data)
    {
        auto* link = static_cast<Link*>(data);
        drop(link->reader);
        drop(link->writer);
        // hiredis frees the context right after this hook.
        link->context = nullptr;
        link->up = false;
    }
};

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
    const QString shown = parsed.toString(QUrl::RemovePassword);
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
    endpoint.password = parsed.password();
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
      m_ownerId(QUuid::createUuid().toByteArray(QUuid::WithoutBraces)),
      m_command(std::make_unique<Link>()),
      m_subscriber(std::make_unique<Link>()),
      m_backoff(m_options.minBackoff)
{
    m_command->owner = this;
    m_command->role = "command";
    m_subscriber->owner = this;
    m_subscriber->role = "subscriber";
}

RedisBackend::~RedisBackend()
{
    m_closing = true;
    if (m_reconnectTimer)
        m_clock.cancel(m_reconnectTimer);
    // Pending replies are answered with nullptr inside redisAsyncFree; handlers see m_closing.
    for (Link* link : {m_command.get(), m_subscriber.get()}) {
        if (link->context)
            redisAsyncFree(link->context);
    }
}

void RedisBackend::start()
{
    connectLinks();
}

bool RedisBackend::isAvailable() const
{
    return m_available;
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

// ---- connection management ---------------------------------------------------------------

void RedisBackend::connectLinks()
{
    if (m_closing)
        return;
    m_subscribed = false;
    openLink(*m_command);
    openLink(*m_subscriber);
}

void RedisBackend::openLink(Link& link)
{
    if (link.context)
        return;
    redisAsyncContext* context = redisAsyncConnect(m_endpoint.host.toUtf8().constData(), m_endpoint.port);
    if (!context) {
        linkLost(link, QStringLiteral("cannot allocate a Redis connection"));
        return;
    }
    if (context->err) {
        const QString reason = QString::fromUtf8(context->errstr);
        redisAsyncFree(context);
        linkLost(link, reason);
        return;
    }
    link.context = context;
    context->data = &link;
    context->ev.data = &link;
    context->ev.addRead = &RedisLinkEvents::addRead;
    context->ev.delRead = &RedisLinkEvents::delRead;
    context->ev.addWrite = &RedisLinkEvents::addWrite;
    context->ev.delWrite = &RedisLinkEvents::delWrite;
    context->ev.cleanup = &RedisLinkEvents::cleanup;
    redisAsyncSetConnectCallback(context, &RedisBackend::onConnect);
    redisAsyncSetDisconnectCallback(context, &RedisBackend::onDisconnect);

    // hiredis queues these until the connection is up; they precede every other command.
    const auto refuse = [this, &link](redisReply* reply) {
        if (!m_closing && reply && reply->type == REDIS_REPLY_ERROR)
            linkLost(link, QStringLiteral("Redis refused the connection setup: %1")
                               .arg(QString::fromUtf8(reply->str, qsizetype(reply->len))));
    };
    if (!m_endpoint.password.isEmpty())
        command(link, {bytes("AUTH"), m_endpoint.password.toUtf8()}, refuse);
    if (m_endpoint.database != 0)
        command(link, {bytes("SELECT"), QByteArray::number(m_endpoint.database)}, refuse);
}

void RedisBackend::onConnect(const redisAsyncContext* context, int status)
{
    auto* link = static_cast<Link*>(context->data);
    if (!link || link->owner->m_closing)
        return;
    if (status != REDIS_OK) {
        link->owner->linkLost(*link, QString::fromUtf8(context->errstr));
        return;
    }
    link->owner->linkUp(*link);
}

void RedisBackend::onDisconnect(const redisAsyncContext* context, int status)
{
    auto* link = static_cast<Link*>(context->data);
    if (!link)
        return;
    link->context = nullptr;
    link->up = false;
    if (link->owner->m_closing)
        return;
    link->owner->linkLost(*link, status == REDIS_OK ? QStringLiteral("connection closed")
                                                    : QString::fromUtf8(context->errstr));
}

void RedisBackend::linkUp(Link& link)
{
    link.up = true;
    if (&link == m_subscriber.get()) {
        const QByteArray name = channel();
        const char* argv[] = {"SUBSCRIBE", name.constData()};
        const size_t lengths[] = {9, size_t(name.size())};
        if (redisAsyncCommandArgv(link.context, &RedisBackend::onSubscription, &link, 2, argv, lengths)
            != REDIS_OK) {
            linkLost(link, QStringLiteral("cannot subscribe to %1").arg(QString::fromUtf8(name)));
            return;
        }
    }
    updateAvailability();
}

void RedisBackend::updateAvailability()
{
    const bool available = m_command->up && m_subscriber->up && m_subscribed;
    if (!available || m_available)
        return;
    m_available = true;
    m_backoff = m_options.minBackoff;
    log::cache()->info("shared cache connected to Redis at {}", describe());
    if (m_degraded) {
        m_degraded = false;
        log::cache()->warn("shared cache recovered: Redis at {} is back", describe());
        Q_EMIT backendRecovered();
    }
    Q_EMIT connected();
}

void RedisBackend::linkLost(Link& link, const QString& reason)
{
    link.up = false;
    m_available = false;
    if (&link == m_subscriber.get())
        m_subscribed = false;
    if (m_outageQueued || m_closing)
        return;
    m_outageQueued = true;
    // Out of hiredis's call stack: handling the outage frees contexts.
    QMetaObject::invokeMethod(
        this,
        [this, reason] {
            m_outageQueued = false;
            handleOutage(reason);
        },
        Qt::QueuedConnection);
}

void RedisBackend::handleOutage(const QString& reason)
{
    if (m_closing || m_reconnectTimer)
        return;
    m_available = false;
    m_subscribed = false;
    // Suppress the outage that freeing our own links would report again.
    m_outageQueued = true;
    for (Link* link : {m_command.get(), m_subscriber.get()}) {
        if (link->context)
            redisAsyncFree(link->context);
    }
    m_outageQueued = false;

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
    log::cache()->debug("reconnecting to Redis in {} ms", m_backoff.count());
    m_reconnectTimer = m_clock.callAfter(m_backoff, this, [this] {
        m_reconnectTimer = 0;
        connectLinks();
    });
    m_backoff = std::min(m_backoff * 2, m_options.maxBackoff);
}

void RedisBackend::command(Link& link, const QList<QByteArray>& args, ReplyHandler handler)
{
    if (!link.context) {
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
    if (redisAsyncCommandArgv(link.context, &RedisBackend::onReply, owned.get(), int(argv.size()),
                              argv.data(), lengths.data())
        != REDIS_OK) {
        (*owned)(nullptr);
        return;
    }
    owned.release(); // onReply takes it back
}

void RedisBackend::onReply(redisAsyncContext* context, void* reply, void* privateData)
{
    const std::unique_ptr<ReplyHandler> handler(static_cast<ReplyHandler*>(privateData));
    if (!reply) {
        if (auto* link = static_cast<Link*>(context->data))
            link->up = false;
    }
    (*handler)(static_cast<redisReply*>(reply));
}

void RedisBackend::onSubscription(redisAsyncContext*, void* reply, void* privateData)
{
    auto* link = static_cast<Link*>(privateData);
    auto* message = static_cast<redisReply*>(reply);
    if (!message || link->owner->m_closing || message->type != REDIS_REPLY_ARRAY || message->elements < 3)
        return;
    const redisReply* kind = message->element[0];
    const redisReply* payload = message->element[2];
    if (kind->type != REDIS_REPLY_STRING)
        return;
    const QByteArray kindText(kind->str, qsizetype(kind->len));
    if (kindText == "subscribe") {
        link->owner->m_subscribed = true;
        link->owner->updateAvailability();
    } else if (kindText == "message" && payload->type == REDIS_REPLY_STRING) {
        link->owner->handleFilled(QByteArray(payload->str, qsizetype(payload->len)));
    }
}

// ---- the cross-desk single flight --------------------------------------------------------

void RedisBackend::load(const QByteArray& key, LocalFetch fetch, LoadDone done)
{
    auto load = std::make_shared<Load>();
    load->key = key;
    load->fetch = std::move(fetch);
    load->done = std::move(done);
    if (!m_available) {
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
    command(*m_command, args, [this, load](redisReply* reply) {
        load->checking = false;
        const bool announcedMeanwhile = std::exchange(load->recheck, false);
        if (m_closing || load->finished || load->fetching)
            return;
        if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements < 1
            || reply->element[0]->type != REDIS_REPLY_INTEGER) {
            if (reply && reply->type == REDIS_REPLY_ERROR)
                log::cache()->warn("shared cache script failed: {}",
                                   QString::fromUtf8(reply->str, qsizetype(reply->len)));
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
    });
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
        if (m_available)
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
        if (!owner || owner->finished || !m_available)
            return;
        command(*m_command,
                {bytes("EVAL"), bytes(kExtendScript), bytes("1"), lockKey(owner->key), m_ownerId,
                 QByteArray::number(qint64(m_options.lockTtl.count()))},
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
        RedisBackend& backend = *self;
        if (load->lockTimer) {
            backend.m_clock.cancel(load->lockTimer);
            load->lockTimer = 0;
        }
        if (backend.m_available) {
            if (result.ok()) {
                const qint64 remaining = result.value().validUntil.toMSecsSinceEpoch() - backend.m_clock.nowMs();
                const qint64 retention = std::clamp<qint64>(remaining, 1000, kMaxRetentionMs) + kGarbageGraceMs;
                backend.command(*backend.m_command,
                                {bytes("SET"), backend.valueKey(load->key), encodeEnvelope(result.value()),
                                 bytes("PX"), QByteArray::number(retention)},
                                [](redisReply*) {});
            }
            // Released on failure too, so a waiting desk can try in its turn.
            backend.command(*backend.m_command,
                            {bytes("EVAL"), bytes(kReleaseScript), bytes("1"), backend.lockKey(load->key),
                             backend.m_ownerId},
                            [](redisReply*) {});
            backend.command(*backend.m_command, {bytes("PUBLISH"), backend.channel(), load->key},
                            [](redisReply*) {});
        }
        if (result.ok()) {
            Entry entry = result.value();
            entry.fromShared = false;
            backend.finish(load, entry);
        } else {
            backend.finish(load, result);
        }
    });
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
        if (result.ok()) {
            Entry entry = result.value();
            entry.fromShared = false;
            self->finish(load, entry);
        } else {
            self->finish(load, result);
        }
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

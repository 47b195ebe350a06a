// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "common/Secret.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

struct redisReply;

namespace sentinel {

class RedisConnection;

/// A Redis server shared by several desks (engines) on one API key, so that a value one desk
/// fetched is not fetched again by the others. Asynchronous (hiredis driven by the engine
/// thread's event loop), never blocks.
///
/// load() is the cross-desk single flight: one script atomically returns a valid value or
/// takes `SET lock:<key> <owner> NX PX <lockTtl>`; the desk holding the lock fetches, stores
/// the value and publishes its key on `<prefix>filled`; the others wait for that message
/// (with a Clock-scheduled poll as a safety net) and read the value. Validity travels inside the
/// stored value as an instant of the desks' Clock, so expiry never depends on the Redis
/// server's own clock; Redis's PX only collects garbage. See docs/adr/0051.
///
/// Losing the server never loses a request: loads under way and new ones are fetched
/// locally, backendDegraded() is emitted once, and the connection is retried with back-off
/// on the Clock; backendRecovered() follows when it is back.
class RedisBackend final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisBackend)
public:
    struct Endpoint {
        QString host = QStringLiteral("127.0.0.1");
        int port = 6379;
        int database = 0;
        Secret password; ///< never shown
    };
    /// Parses `cache.redis_url` (`redis://[[user]:password@]host[:port][/db]`). Its messages
    /// show the URL without user info; the password becomes a Secret.
    [[nodiscard]] static Result<Endpoint> parseUrl(const QString& url);

    struct Options {
        QByteArray keyPrefix = QByteArrayLiteral("sentinel:");
        std::chrono::milliseconds lockTtl{30'000};    ///< refreshed while the owner fetches
        std::chrono::milliseconds pollInterval{1'000}; ///< waiter's safety net besides pub/sub
        std::chrono::milliseconds minBackoff{1'000};
        std::chrono::milliseconds maxBackoff{30'000};
        /// Wall-clock bound on connecting and on each command's answer; past it the server
        /// counts as lost and loads are fetched locally (docs/adr/0104).
        std::chrono::milliseconds requestDeadline{5'000};
    };

    /// A serialised value and the instant (Clock time) until which it is valid.
    struct Entry {
        QByteArray payload;
        QDateTime validUntil;
        bool fromShared = false; ///< read from Redis, fetched by this or another desk earlier
    };
    using Produce = std::function<void(const Result<Entry>& entry)>;
    /// Fetches the value upstream; must call `produce` exactly once.
    using LocalFetch = std::function<void(Produce produce)>;
    using LoadDone = std::function<void(const Result<Entry>& entry)>;

    RedisBackend(Endpoint endpoint, Clock& clock, Options options, QObject* parent = nullptr);
    RedisBackend(Endpoint endpoint, Clock& clock, QObject* parent = nullptr);
    ~RedisBackend() override;

    /// Connects; until connected() every load() is fetched locally.
    void start();

    /// Connected, subscribed and usable for sharing.
    [[nodiscard]] bool isAvailable() const;
    [[nodiscard]] bool isDegraded() const { return m_degraded; }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    /// Unique per instance: the lock value that identifies this desk.
    [[nodiscard]] QByteArray ownerId() const { return m_ownerId; }
    [[nodiscard]] QString describe() const; ///< host:port for logs and the UI (no password)

    /// The value for `key` from Redis, or fetched once among all desks. `done` is called
    /// exactly once, never before load() returns unless Redis is unavailable.
    void load(const QByteArray& key, LocalFetch fetch, LoadDone done);

    /// Runs a Lua `script` whose answer is an integer, with `keys` (under this backend's key
    /// prefix) and `args`; `done` gets the integer, or nullopt when the server is unavailable or
    /// answered otherwise. For the shared rate windows (RedisRateBudget).
    using IntegerDone = std::function<void(std::optional<qint64> answer)>;
    void evalInteger(const QByteArray& script, const QList<QByteArray>& keys, const QList<QByteArray>& args, IntegerDone done);

    /// The envelope stored in Redis: "SNTL1 <valid-until ms>\n" then the payload.
    [[nodiscard]] static QByteArray encodeEnvelope(const Entry& entry);
    [[nodiscard]] static std::optional<Entry> decodeEnvelope(const QByteArray& bytes);

Q_SIGNALS:
    void connected();
    /// The server went away or refused us; caches serve from memory until recovery.
    void backendDegraded(const QString& reason);
    void backendRecovered();

private:
    struct Load;

    void handleAvailable();
    void handleOutage(const QString& reason);
    void handleFilled(const QByteArray& key);

    void lookup(const std::shared_ptr<Load>& load);
    void handleLookupReply(const std::shared_ptr<Load>& load, const redisReply* reply, bool announcedMeanwhile);
    void wait(const std::shared_ptr<Load>& load);
    void fetchAsOwner(const std::shared_ptr<Load>& load);
    void publishFetched(const std::shared_ptr<Load>& load, const Result<Entry>& result);
    void fetchLocally(const std::shared_ptr<Load>& load);
    void refreshLock(const std::shared_ptr<Load>& load);
    void finish(const std::shared_ptr<Load>& load, const Result<Entry>& result);
    void stopWaiting(const std::shared_ptr<Load>& load);

    [[nodiscard]] QByteArray valueKey(const QByteArray& key) const;
    [[nodiscard]] QByteArray lockKey(const QByteArray& key) const;
    [[nodiscard]] QByteArray channel() const;

    Endpoint m_endpoint;
    Clock& m_clock;
    Options m_options;
    QByteArray m_ownerId;
    std::unique_ptr<RedisConnection> m_connection;
    bool m_degraded = false;
    bool m_closing = false;
    QString m_lastError;
    QHash<QByteArray, QList<std::shared_ptr<Load>>> m_waiting;
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/coinbase/CoinbaseJwt.h"
#include "common/Error.h"
#include "config/Config.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace sentinel::coinbase {

/// A 2xx answer from Coinbase. (POST /orders answers 200 when it refuses an order: the caller's
/// parser reads `success`.)
struct RestAnswer {
    int status = 0;
    QByteArray body;
};

/// What one request came back with: the answer or a typed error, and how long the caller must
/// wait before its next request when Coinbase said to slow down (its Retry-After, clamped; or the
/// client's own back-off when a 401 is throttling in disguise).
struct RestReply {
    Result<RestAnswer> answer;
    std::optional<std::chrono::seconds> retryAfter;
};

/// One connection set to Coinbase Advanced Trade's REST API (`/api/v3/brokerage`, ADR 0121):
/// a network manager made once in this object's thread; public market paths (`/market/...`)
/// sent unsigned, every other request with `Authorization: Bearer <JWT>` minted for it alone
/// (CoinbaseJwt, ADR 0116), never sent unsigned when the key cannot sign; every answer within
/// `coinbase.timeout_s` and a 4 MiB cap; no redirect followed (a JWT must not travel elsewhere);
/// TLS errors never ignored. Errors are typed (coinbase/CoinbaseError.h and the transport kinds
/// of net::collectAnswer): `unauthorized`, `permission_denied`, `rate_limited`, `api_error`,
/// `http_error`, `server_error` (5xx), `invalid_key`, `timeout`, `network_error`, `tls_error`,
/// `truncated_body`, `body_too_large`. No message or log line holds the key name, the private
/// key or a JWT. Rate limits are the callers' (each keeps a RateLimiter).
///
/// Coinbase answers 401 with the bare word "Unauthorized" both to a bad key and to a client
/// polling too hard. A 401 to an unsigned request, or to a signed one after this key has been
/// accepted, is read as throttling (`rate_limited` with a growing back-off) up to
/// `maxDisguisedThrottles` times in a row; a key never accepted, or 401s beyond that, is
/// `unauthorized`.
class CoinbaseRest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoinbaseRest)
public:
    using ReplyCallback = std::function<void(const RestReply&)>;

    explicit CoinbaseRest(CoinbaseSettings settings, QObject* parent = nullptr);
    ~CoinbaseRest() override;

    /// GET `path` under /api/v3/brokerage (e.g. "/market/products/BTC-USD/candles") with
    /// `query`. `done` runs later, once.
    void get(const QString& path, const QUrlQuery& query, ReplyCallback done);
    /// POST a JSON body (always signed).
    void post(const QString& path, const QByteArray& json, ReplyCallback done);

    /// Whether signed requests can be made: ok, or the `invalid_key` error of the configured key.
    [[nodiscard]] Status keyStatus() const;
    [[nodiscard]] const CoinbaseSettings& settings() const { return m_settings; }
    /// Paths under /market/ are Coinbase's public endpoints: no key, no JWT.
    [[nodiscard]] static bool isPublicPath(const QString& path);

    /// The largest answer read: 350 candles are about 50 KB, a page of orders or fills far less.
    static constexpr qint64 maxBodyBytes = qint64{4} * 1024 * 1024;
    /// 401s in a row read as throttling before a key that worked is called bad.
    static constexpr int maxDisguisedThrottles = 3;
    /// The back-off after a throttling answer without a Retry-After: doubles from the first to the last.
    static constexpr std::chrono::seconds firstBackoff{2};
    static constexpr std::chrono::seconds lastBackoff{60};

private:
    void send(const QByteArray& verb, const QString& path, const QUrlQuery& query, const QByteArray& json, ReplyCallback done);
    [[nodiscard]] QUrl urlFor(const QString& path, const QUrlQuery& query) const;
    /// The JWT for one request, or why none can be made.
    [[nodiscard]] Result<QByteArray> bearerFor(const QByteArray& verb, const QUrl& url) const;
    [[nodiscard]] RestReply readAnswer(int status, const QByteArray& body, const QByteArray& retryAfter, bool signedRequest);
    [[nodiscard]] std::chrono::seconds nextBackoff();

    CoinbaseSettings m_settings;
    Result<SigningKey> m_key;
    QNetworkAccessManager* m_network = nullptr;
    bool m_keyAccepted = false;
    int m_disguisedThrottles = 0;
    std::chrono::seconds m_backoff{0};
};

} // namespace sentinel::coinbase

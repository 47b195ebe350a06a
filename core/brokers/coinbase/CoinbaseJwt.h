// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Secret.h"

#include <QByteArray>
#include <QString>

#include <memory>

using EVP_PKEY = struct evp_pkey_st;

namespace sentinel::coinbase {

/// A Coinbase CDP API key's private half: an ECDSA P-256 key, the only kind the Advanced Trade API
/// accepts for ES256 (ADR 0116). Loaded once from its PEM text; the PEM never leaves this class.
class SigningKey final
{
public:
    /// Reads a SEC1 ("EC PRIVATE KEY") or PKCS#8 ("PRIVATE KEY") PEM. Literal "\n" sequences, as
    /// .env files and CI secrets carry them, count as line breaks. Anything else (RSA, Ed25519,
    /// another curve, an encrypted key, not a PEM) is `invalid_key`, and the message never quotes
    /// the key.
    [[nodiscard]] static Result<SigningKey> fromPem(const Secret& pem);

    /// ES256 over `message`: SHA-256, ECDSA P-256, the signature as JWS wants it: r || s, 32
    /// big-endian bytes each (OpenSSL gives DER). Empty only if OpenSSL fails, which is reported.
    [[nodiscard]] Result<QByteArray> sign(const QByteArray& message) const;

private:
    struct Free { void operator()(EVP_PKEY* key) const; };
    explicit SigningKey(EVP_PKEY* key) : m_key(key, Free{}) {}
    std::shared_ptr<EVP_PKEY> m_key;
};

/// What a request to Coinbase needs for its `Authorization: Bearer` header (AUTH.md): the
/// claims name the key, the request, and a two-minute window from `nowSeconds`.
struct JwtRequest {
    QString keyName;        ///< organizations/{org}/apiKeys/{key}: `sub` and `kid`
    QString uri;            ///< from requestUri(); empty for a WebSocket subscription
    qint64 nowSeconds = 0;  ///< `nbf`; `exp` is 120 s later
};

/// "<METHOD> <host><path>": no scheme, no query string, no fragment, as Coinbase checks it.
[[nodiscard]] QString requestUri(const QByteArray& method, const QString& host, const QString& pathAndQuery);

/// Mints one JWT: header {alg ES256, kid, nonce (32 random bytes as hex), typ JWT}, claims {sub,
/// iss "cdp", nbf, exp, uri}. A fresh nonce every call, so two JWTs are never the same.
[[nodiscard]] Result<QByteArray> mintJwt(const SigningKey& key, const JwtRequest& request);

} // namespace sentinel::coinbase

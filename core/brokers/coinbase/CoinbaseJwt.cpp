// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseJwt.h"

#include "brokers/coinbase/CoinbaseError.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <array>

namespace sentinel::coinbase {
namespace {

constexpr int kCoordinateBytes = 32; // P-256
constexpr qint64 kLifetimeSeconds = 120;
constexpr int kNonceBytes = 32;
constexpr qsizetype kMaxPemBytes = qsizetype{16} * 1024;

Error invalidKey(const QString& what)
{
    // OpenSSL's queue may hold text about the key; it is dropped, never shown.
    ERR_clear_error();
    return coinbaseError::make(coinbaseError::InvalidKey, QStringLiteral("coinbase.private_key: ") + what,
                               QStringLiteral("create a CDP API key with the ECDSA signature algorithm and paste its "
                               "-----BEGIN EC PRIVATE KEY----- block (Ed25519 keys are not accepted by "
                               "Advanced Trade)"));
}

Error signingFailed(const char* step)
{
    ERR_clear_error();
    return coinbaseError::make(coinbaseError::SigningFailed,
                               QStringLiteral("could not sign the Coinbase request (OpenSSL %1 failed)").arg(QLatin1StringView(step)),
                               QStringLiteral("check that the OpenSSL library is intact; the key itself was accepted"));
}

QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString groupName(EVP_PKEY* key)
{
    std::array<char, 64> name{};
    size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, name.data(), name.size(), &length) != 1)
        return {};
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(length));
}

QString typeName(EVP_PKEY* key)
{
    const char* name = EVP_PKEY_get0_type_name(key);
    return name == nullptr ? QStringLiteral("an unknown type") : QString::fromLatin1(name);
}

/// The PEM as bytes with real line breaks, wiped when it goes out of scope.
class PemBytes final
{
public:
    explicit PemBytes(const Secret& pem) : m_bytes(pem.reveal().trimmed().toUtf8())
    {
        m_bytes.replace("\\n", "\n");
    }
    ~PemBytes() { OPENSSL_cleanse(m_bytes.data(), static_cast<size_t>(m_bytes.size())); }
    PemBytes(const PemBytes&) = delete;
    PemBytes& operator=(const PemBytes&) = delete;
    const QByteArray& bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

// No passphrase prompt: an encrypted key fails to load instead of waiting on a terminal.
int refusePassphrase(char* /*buffer*/, int /*size*/, int /*rwflag*/, void* /*user*/)
{
    return -1;
}

} // namespace

void SigningKey::Free::operator()(EVP_PKEY* key) const
{
    EVP_PKEY_free(key);
}

Result<SigningKey> SigningKey::fromPem(const Secret& pem)
{
    if (pem.isEmpty())
        return invalidKey(QStringLiteral("is empty"));
    const PemBytes text(pem);
    if (text.bytes().size() > kMaxPemBytes)
        return invalidKey(QStringLiteral("is %1 bytes, longer than any EC key PEM").arg(text.bytes().size()));
    if (!text.bytes().startsWith("-----BEGIN "))
        return invalidKey(QStringLiteral("is not a PEM block (it must start with -----BEGIN EC PRIVATE KEY-----)"));
    if (text.bytes().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        return invalidKey(QStringLiteral("is encrypted; export it without a passphrase"));

    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(text.bytes().constData(), static_cast<int>(text.bytes().size())), &BIO_free);
    if (!bio)
        return signingFailed("BIO_new_mem_buf");
    EVP_PKEY* raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, &refusePassphrase, nullptr);
    if (raw == nullptr)
        return invalidKey(QStringLiteral("is not a readable private key PEM (damaged, truncated or encrypted)"));
    SigningKey key(raw);

    if (EVP_PKEY_is_a(raw, "ED25519") == 1)
        return invalidKey(QStringLiteral("is an Ed25519 key; Trade Sentinel signs ES256 only"));
    if (EVP_PKEY_is_a(raw, "EC") != 1)
        return invalidKey(QStringLiteral("is not an elliptic-curve key (found %1)").arg(typeName(raw)));
    const QString group = groupName(raw);
    if (group != u"prime256v1" && group != u"P-256")
        return invalidKey(QStringLiteral("is on curve %1, not P-256").arg(group.isEmpty() ? QStringLiteral("(unknown)") : group));
    ERR_clear_error();
    return key;
}

Result<QByteArray> SigningKey::sign(const QByteArray& message) const
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1)
        return signingFailed("EVP_DigestSignInit");
    const auto* data = reinterpret_cast<const unsigned char*>(message.constData());
    size_t derLength = 0;
    if (EVP_DigestSign(context.get(), nullptr, &derLength, data, static_cast<size_t>(message.size())) != 1)
        return signingFailed("EVP_DigestSign");
    QByteArray der(static_cast<qsizetype>(derLength), Qt::Uninitialized);
    auto* derBytes = reinterpret_cast<unsigned char*>(der.data());
    if (EVP_DigestSign(context.get(), derBytes, &derLength, data, static_cast<size_t>(message.size())) != 1)
        return signingFailed("EVP_DigestSign");

    const unsigned char* cursor = derBytes;
    std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> signature(
        d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(derLength)), &ECDSA_SIG_free);
    if (!signature)
        return signingFailed("d2i_ECDSA_SIG");
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(signature.get(), &r, &s);
    QByteArray joined(qsizetype{2} * kCoordinateBytes, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(joined.data());
    if (BN_bn2binpad(r, out, kCoordinateBytes) != kCoordinateBytes
        || BN_bn2binpad(s, out + kCoordinateBytes, kCoordinateBytes) != kCoordinateBytes)
        return signingFailed("BN_bn2binpad");
    return joined;
}

QString requestUri(const QByteArray& method, const QString& host, const QString& pathAndQuery)
{
    QString path = pathAndQuery;
    for (qsizetype i = 0; i < path.size(); ++i) {
        if (path[i] == u'?' || path[i] == u'#') {
            path.truncate(i);
            break;
        }
    }
    if (!path.startsWith(u'/'))
        path.prepend(u'/');
    return QString::fromLatin1(method.toUpper()) + u' ' + host + path;
}

Result<QByteArray> mintJwt(const SigningKey& key, const JwtRequest& request)
{
    QByteArray nonce(kNonceBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(nonce.data()), kNonceBytes) != 1)
        return signingFailed("RAND_bytes");

    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("ES256")},
                             {QStringLiteral("kid"), request.keyName},
                             {QStringLiteral("nonce"), QString::fromLatin1(nonce.toHex())},
                             {QStringLiteral("typ"), QStringLiteral("JWT")}};
    QJsonObject claims{{QStringLiteral("sub"), request.keyName},
                       {QStringLiteral("iss"), QStringLiteral("cdp")},
                       {QStringLiteral("nbf"), request.nowSeconds},
                       {QStringLiteral("exp"), request.nowSeconds + kLifetimeSeconds}};
    if (!request.uri.isEmpty())
        claims.insert(QStringLiteral("uri"), request.uri);

    QByteArray token = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                       + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    auto signature = key.sign(token);
    if (!signature)
        return signature.error();
    return QByteArray(token + '.' + base64Url(signature.value()));
}

} // namespace sentinel::coinbase

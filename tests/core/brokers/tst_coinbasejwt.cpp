// SPDX-License-Identifier: GPL-3.0-or-later
// Coinbase's ES256 request JWTs (AUTH.md): the claims and header Coinbase checks, a signature that
// OpenSSL's own verifier accepts with the key's public half, and every key Coinbase would refuse
// refused here first, without the key text in the message.
#include "TestData.h"

#include "brokers/coinbase/CoinbaseJwt.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

using namespace sentinel;
using namespace sentinel::coinbase;

class TestCoinbaseJwt final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headerAndClaimsAreWhatCoinbaseChecks();
    void signatureVerifiesWithThePublicKey();
    void alteredClaimsNoLongerVerify();
    void everyJwtHasItsOwnNonce();
    void webSocketJwtHasNoUri();
    void pkcs8AndEscapedNewlinesAreAccepted();
    void keysCoinbaseRefusesAreRefused_data();
    void keysCoinbaseRefusesAreRefused();
    void requestUriDropsSchemeQueryAndFragment();
};

namespace {

const QString kKeyName = QStringLiteral("organizations/org-test/apiKeys/key-test");

QString keyText(const QString& file)
{
    QFile in(test::dataPath(QStringLiteral("coinbase/keys/") + file));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(in.readAll());
}

SigningKey loadKey(const QString& file = QStringLiteral("test_ec_p256.pem"))
{
    auto key = SigningKey::fromPem(Secret(keyText(file)));
    if (!key.ok())
        qFatal("test key %s: %s", qPrintable(file), qPrintable(key.error().toString()));
    return key.value();
}

QJsonObject part(const QByteArray& jwt, int index)
{
    const QByteArray encoded = jwt.split('.').value(index);
    const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? QJsonDocument::fromJson(*decoded).object() : QJsonObject();
}

/// The verifier is OpenSSL's, fed the public key read independently from the PEM: r || s goes
/// back to DER and EVP_DigestVerify judges the first two parts of the token.
bool verifies(const QByteArray& jwt, const QString& keyFile = QStringLiteral("test_ec_p256.pem"))
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return false;
    const auto signature = QByteArray::fromBase64Encoding(parts[2], QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!signature || (*signature).size() != 64)
        return false;
    const QByteArray pem = keyText(keyFile).toLatin1();
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())), &BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
    std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(ECDSA_SIG_new(), &ECDSA_SIG_free);
    const auto* raw = reinterpret_cast<const unsigned char*>((*signature).constData());
    ECDSA_SIG_set0(sig.get(), BN_bin2bn(raw, 32, nullptr), BN_bin2bn(raw + 32, 32, nullptr));
    unsigned char* der = nullptr;
    const int derLength = i2d_ECDSA_SIG(sig.get(), &der);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    const QByteArray signedPart = parts[0] + '.' + parts[1];
    const bool ok = key && derLength > 0
                    && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1
                    && EVP_DigestVerify(context.get(), der, static_cast<size_t>(derLength),
                                        reinterpret_cast<const unsigned char*>(signedPart.constData()),
                                        static_cast<size_t>(signedPart.size())) == 1;
    OPENSSL_free(der);
    return ok;
}

} // namespace

void TestCoinbaseJwt::headerAndClaimsAreWhatCoinbaseChecks()
{
    const SigningKey key = loadKey();
    const QString uri = requestUri("GET", QStringLiteral("api.coinbase.com"), QStringLiteral("/api/v3/brokerage/accounts"));
    const auto jwt = mintJwt(key, {kKeyName, uri, 1'775'000'000});
    QVERIFY2(jwt.ok(), qPrintable(jwt.ok() ? QString() : jwt.error().toString()));

    const QJsonObject header = part(*jwt, 0);
    QCOMPARE(header.value(u"alg").toString(), QStringLiteral("ES256"));
    QCOMPARE(header.value(u"typ").toString(), QStringLiteral("JWT"));
    QCOMPARE(header.value(u"kid").toString(), kKeyName);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(header.value(u"nonce").toString()).hasMatch());
    QCOMPARE(header.size(), 4);

    const QJsonObject claims = part(*jwt, 1);
    QCOMPARE(claims.value(u"sub").toString(), kKeyName);
    QCOMPARE(claims.value(u"iss").toString(), QStringLiteral("cdp"));
    QCOMPARE(claims.value(u"nbf").toInteger(), Q_INT64_C(1775000000));
    QCOMPARE(claims.value(u"exp").toInteger(), Q_INT64_C(1775000120));
    QCOMPARE(claims.value(u"uri").toString(), QStringLiteral("GET api.coinbase.com/api/v3/brokerage/accounts"));
    QCOMPARE(claims.size(), 5);
    QVERIFY(!jwt->contains('='));   // base64url without padding, as JWS requires
}

void TestCoinbaseJwt::signatureVerifiesWithThePublicKey()
{
    const auto jwt = mintJwt(loadKey(), {kKeyName, QStringLiteral("POST api.coinbase.com/api/v3/brokerage/orders"), 1'775'000'000});
    QVERIFY(jwt.ok());
    QVERIFY(verifies(*jwt));
    // A different key's public half does not accept it: the check really reads the signature.
    const auto other = SigningKey::fromPem(Secret(keyText(QStringLiteral("test_ec_p256_other.pem"))));
    QVERIFY(other.ok());
    QVERIFY(!verifies(*jwt, QStringLiteral("test_ec_p256_other.pem")));
}

void TestCoinbaseJwt::alteredClaimsNoLongerVerify()
{
    const auto jwt = mintJwt(loadKey(), {kKeyName, QStringLiteral("GET api.coinbase.com/api/v3/brokerage/accounts"), 1'775'000'000});
    QVERIFY(jwt.ok() && verifies(*jwt));
    QList<QByteArray> parts = jwt->split('.');
    QJsonObject claims = part(*jwt, 1);
    claims.insert(QStringLiteral("exp"), 1'775'999'999);
    parts[1] = QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    QVERIFY(!verifies(parts.join('.')));
}

void TestCoinbaseJwt::everyJwtHasItsOwnNonce()
{
    const SigningKey key = loadKey();
    const JwtRequest request{kKeyName, QStringLiteral("GET api.coinbase.com/api/v3/brokerage/accounts"), 1'775'000'000};
    const auto first = mintJwt(key, request);
    const auto second = mintJwt(key, request);
    QVERIFY(first.ok() && second.ok());
    QVERIFY(part(*first, 0).value(u"nonce") != part(*second, 0).value(u"nonce"));
    QVERIFY(*first != *second);
    QVERIFY(verifies(*first) && verifies(*second));
}

void TestCoinbaseJwt::webSocketJwtHasNoUri()
{
    const auto jwt = mintJwt(loadKey(), {kKeyName, {}, 1'775'000'000});
    QVERIFY(jwt.ok() && verifies(*jwt));
    QVERIFY(!part(*jwt, 1).contains(u"uri"));
    QCOMPARE(part(*jwt, 1).size(), 4);
}

void TestCoinbaseJwt::pkcs8AndEscapedNewlinesAreAccepted()
{
    const auto jwt = mintJwt(loadKey(QStringLiteral("test_ec_p256_pkcs8.pem")), {kKeyName, {}, 1'775'000'000});
    QVERIFY(jwt.ok() && verifies(*jwt));
    // A .env file's one-line PEM with literal \n sequences.
    QString oneLine = keyText(QStringLiteral("test_ec_p256.pem")).trimmed();
    oneLine.replace(u'\n', QStringLiteral("\\n"));
    QVERIFY(!oneLine.contains(u'\n'));
    const auto key = SigningKey::fromPem(Secret(oneLine));
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().toString()));
    const auto escaped = mintJwt(*key, {kKeyName, {}, 1'775'000'000});
    QVERIFY(escaped.ok() && verifies(*escaped));
}

void TestCoinbaseJwt::keysCoinbaseRefusesAreRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << "is empty";
    QTest::newRow("not a PEM") << QStringLiteral("MHcCAQEEIPT4A5h8B4jDz2M1DRHi8afSk66J") << "is not a PEM block";
    QTest::newRow("P-384") << keyText(QStringLiteral("test_ec_p384.pem")) << "not P-256";
    QTest::newRow("Ed25519") << keyText(QStringLiteral("test_ed25519.pem")) << "Ed25519";
    QTest::newRow("RSA") << keyText(QStringLiteral("test_rsa.pem")) << "not an elliptic-curve key";
    QTest::newRow("encrypted") << keyText(QStringLiteral("test_ec_p256_encrypted.pem")) << "is encrypted";
    QString truncated = keyText(QStringLiteral("test_ec_p256.pem"));
    truncated.truncate(truncated.size() / 2);
    QTest::newRow("truncated") << truncated << "not a readable private key";
    QTest::newRow("oversized") << QStringLiteral("-----BEGIN EC PRIVATE KEY-----\n") + QString(20'000, u'A') << "longer than";
}

void TestCoinbaseJwt::keysCoinbaseRefusesAreRefused()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto key = SigningKey::fromPem(Secret(text));
    QVERIFY(!key.ok());
    QCOMPARE(key.error().kind, QStringLiteral("invalid_key"));
    QVERIFY2(key.error().message.contains(expected), qPrintable(key.error().message));
    QVERIFY(key.error().message.startsWith(u"coinbase.private_key"));
    QVERIFY(!key.error().remedy.isEmpty());
    // No line of the key is quoted back.
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        if (line.startsWith(u"-----") || line.size() < 16)
            continue;
        QVERIFY(!key.error().toString().contains(line.left(16)));
    }
}

void TestCoinbaseJwt::requestUriDropsSchemeQueryAndFragment()
{
    QCOMPARE(requestUri("get", QStringLiteral("api.coinbase.com"),
                        QStringLiteral("/api/v3/brokerage/orders/historical/fills?product_id=BTC-USD#x")),
             QStringLiteral("GET api.coinbase.com/api/v3/brokerage/orders/historical/fills"));
    QCOMPARE(requestUri("POST", QStringLiteral("127.0.0.1:8443"), QStringLiteral("api/v3/brokerage/orders")),
             QStringLiteral("POST 127.0.0.1:8443/api/v3/brokerage/orders"));
}

QTEST_GUILESS_MAIN(TestCoinbaseJwt)
#include "tst_coinbasejwt.moc"

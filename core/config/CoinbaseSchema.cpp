// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/CoinbaseSchema.h"

#include <QRegularExpression>

namespace sentinel {

namespace {

YAML::Node rowNode(const YAML::Node& root, qsizetype index)
{
    const YAML::Node list = root["watchlist"];
    return list.IsSequence() && index < qsizetype(list.size()) ? list[std::size_t(index)] : list;
}

bool reportedAt(const SchemaReader& reader, QStringView key)
{
    return std::any_of(reader.issues().cbegin(), reader.issues().cend(), [key](const Issue& issue) { return issue.location == key; });
}

/// The rows fed by Coinbase, and with `platform: coinbase` every row: a crypto pair it can name.
void checkCoinbaseRows(SchemaReader& reader, const YAML::Node& root, const Config& config, bool traded)
{
    for (qsizetype i = 0; i < config.watchlist.size(); ++i) {
        const Instrument& instrument = config.watchlist[i];
        const bool fed = providerFor(config, instrument) == ProviderKind::Coinbase;
        if (!fed && !traded)
            continue;
        const QString path = QStringLiteral("watchlist[%1]").arg(i);
        const QString use = fed ? QStringLiteral("the Coinbase feed serves") : QStringLiteral("platform: coinbase trades");
        if (instrument.market != u"CRYPTO")
            reader.error(fed ? path + u".provider" : path, rowNode(root, i),
                         QStringLiteral("%1 trades on %2, but %3 crypto pairs only").arg(instrument.symbol, instrument.market, use),
                         fed ? QStringLiteral("give this row another provider, or watch a crypto pair such as BTC/USD on CRYPTO")
                             : QStringLiteral("watch only crypto pairs with platform: coinbase, or use platform: paper"));
        else if (coinbaseProductId(instrument.symbol).isEmpty())
            reader.error(path + u".symbol", rowNode(root, i),
                         QStringLiteral("'%1' is not a pair Coinbase can name").arg(excerpt(instrument.symbol)),
                         QStringLiteral("write the pair as BASE/QUOTE in capitals, e.g. BTC/USD (asked for as BTC-USD)"));
    }
}

/// The key's shape, never its value: messages name the key, not what it holds.
void checkCoinbaseKey(SchemaReader& reader, const YAML::Node& root, const Config& config, bool required)
{
    const YAML::Node section = root["coinbase"];
    const YAML::Node at = section.IsDefined() ? section : root["platform"];
    static const QRegularExpression keyName(QStringLiteral(R"(^organizations/[A-Za-z0-9-]+/apiKeys/[A-Za-z0-9-]+$)"));
    const CoinbaseSettings& coinbase = config.coinbase;
    if (coinbase.keyName.isEmpty() && required && !reportedAt(reader, u"coinbase.key_name"))
        reader.error(QStringLiteral("coinbase.key_name"), at, QStringLiteral("is required with platform: coinbase"),
                     reader.missingSecretRemedy(QStringLiteral("coinbase.key_name"),
                                                QStringLiteral("write key_name: \"${COINBASE_KEY_NAME}\" and export the CDP API key's "
                                                               "name (organizations/{org_id}/apiKeys/{key_id})")));
    else if (!coinbase.keyName.isEmpty() && !keyName.match(coinbase.keyName.reveal()).hasMatch())
        reader.error(QStringLiteral("coinbase.key_name"), section["key_name"],
                     QStringLiteral("is not a CDP API key name (its value is not shown)"),
                     QStringLiteral("use the key's full name as the Coinbase Developer Platform shows it: "
                                    "organizations/{org_id}/apiKeys/{key_id}"));
    if (coinbase.privateKey.isEmpty()) {
        if (required && !reportedAt(reader, u"coinbase.private_key"))
            reader.error(QStringLiteral("coinbase.private_key"), at, QStringLiteral("is required with platform: coinbase"),
                         reader.missingSecretRemedy(QStringLiteral("coinbase.private_key"),
                                                    QStringLiteral("write private_key: \"${COINBASE_PRIVATE_KEY}\" and export the key's "
                                                                   "EC private key (PEM)")));
        return;
    }
    // Only the PEM's label is looked at here; whether it holds a P-256 key is checked by loading
    // it (config check and broker check, ADR 0116).
    const QString& pem = coinbase.privateKey.reveal();
    const bool ecKey = pem.contains(u"-----BEGIN EC PRIVATE KEY-----") || pem.contains(u"-----BEGIN PRIVATE KEY-----");
    if (!ecKey)
        reader.error(QStringLiteral("coinbase.private_key"), section["private_key"],
                     pem.contains(u"-----BEGIN") ? QStringLiteral("is a PEM of another kind (encrypted, RSA or OpenSSH), not an EC private key")
                                                 : QStringLiteral("is not a PEM private key (its value is not shown)"),
                     QStringLiteral("create an ECDSA (P-256) API key in the Coinbase Developer Platform and give its private key, "
                                    "-----BEGIN EC PRIVATE KEY----- included; literal \\n line breaks are fine"));
}

} // namespace

void readCoinbase(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    const QString path = QStringLiteral("coinbase");
    const YAML::Node coinbase = root["coinbase"];
    if (!reader.checkMap(coinbase, path,
                         {"key_name", "private_key", "base_url", "ws_url", "allow_live", "timeout_s", "requests_per_second"}))
        return;
    CoinbaseSettings& settings = config.coinbase;
    reader.readSecret(coinbase, path, "key_name", settings.keyName, false, QStringLiteral("COINBASE_KEY_NAME"));
    reader.readSecret(coinbase, path, "private_key", settings.privateKey, false, QStringLiteral("COINBASE_PRIVATE_KEY"));
    reader.readUrl(coinbase, path, "base_url", settings.baseUrl);
    reader.readWebSocketUrl(coinbase, path, "ws_url", settings.wsUrl);
    reader.readBool(coinbase, path, "allow_live", settings.allowLive);
    reader.readSeconds(coinbase, path, "timeout_s", settings.timeout, 120);
    reader.readInt(coinbase, path, "requests_per_second", settings.requestsPerSecond, 1, 10);
    // An empty URL written out means the default, not "nowhere".
    if (settings.baseUrl.isEmpty())
        settings.baseUrl = CoinbaseSettings{}.baseUrl;
    if (settings.wsUrl.isEmpty())
        settings.wsUrl = CoinbaseSettings{}.wsUrl;
}

void checkCoinbase(SchemaReader& reader, const YAML::Node& root, const Config& config)
{
    const bool traded = config.platform == u"coinbase";
    if (traded && !config.coinbase.allowLive)
        reader.error(QStringLiteral("platform"), root["platform"],
                     QStringLiteral("platform: coinbase places real orders with real money: Coinbase has no practice account"),
                     QStringLiteral("set coinbase.allow_live: true to trade your Coinbase account, or use platform: paper "
                                    "(the Coinbase feed works with paper trading)"));
    checkCoinbaseRows(reader, root, config, traded);
    checkCoinbaseKey(reader, root, config, traded);
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/BrokerSchema.h"

#include "config/CoinbaseSchema.h"

#include <QRegularExpression>

namespace sentinel {

namespace {

bool usesProvider(const Config& config, ProviderKind kind)
{
    return providersInUse(config).contains(kind);
}

/// The watchlist row of `instrument`, for pointing an error at its line.
YAML::Node watchlistRow(const YAML::Node& root, qsizetype index)
{
    const YAML::Node list = root["watchlist"];
    return list.IsSequence() && index < qsizetype(list.size()) ? list[std::size_t(index)] : list;
}

/// OANDA names FX pairs BASE_QUOTE; the watchlist writes them BASE/QUOTE.
bool isOandaPair(const QString& symbol)
{
    static const QRegularExpression pair(QStringLiteral("^[A-Z]{3}/[A-Z]{3}$"));
    return pair.match(symbol).hasMatch();
}

void checkOandaInstruments(SchemaReader& reader, const YAML::Node& root, const Config& config)
{
    for (qsizetype i = 0; i < config.watchlist.size(); ++i) {
        const Instrument& instrument = config.watchlist[i];
        if (providerFor(config, instrument) != ProviderKind::Oanda)
            continue;
        const QString path = QStringLiteral("watchlist[%1]").arg(i);
        if (instrument.market != u"FX")
            reader.error(path + u".provider", watchlistRow(root, i),
                         QStringLiteral("%1 trades on %2, but the OANDA feed serves FX pairs here").arg(instrument.symbol, instrument.market),
                         QStringLiteral("give this row provider: alpha_vantage or simulated, or watch an FX pair"));
        else if (!isOandaPair(instrument.symbol))
            reader.error(path + u".symbol", watchlistRow(root, i),
                         QStringLiteral("'%1' is not an FX pair OANDA can name").arg(excerpt(instrument.symbol)),
                         QStringLiteral("write the pair as BASE/QUOTE in capitals, e.g. EUR/USD"));
    }
}

void checkOandaAccount(SchemaReader& reader, const YAML::Node& root, const Config& config)
{
    const YAML::Node oanda = root["oanda"];
    const YAML::Node at = oanda.IsDefined() ? oanda : root["provider"];
    static const QRegularExpression accountShape(QStringLiteral(R"(^\d{3}-\d{3}-\d{1,12}-\d{3}$)"));
    if (config.oanda.accountId.isEmpty())
        reader.error(QStringLiteral("oanda.account_id"), at, QStringLiteral("is required when an instrument uses the OANDA feed or platform: oanda"),
                     QStringLiteral("copy the v20 account id (e.g. 101-004-1234567-001) from OANDA's Manage Funds page"));
    else if (!accountShape.match(config.oanda.accountId).hasMatch())
        reader.error(QStringLiteral("oanda.account_id"), oanda["account_id"],
                     QStringLiteral("'%1' is not a v20 account id").arg(excerpt(config.oanda.accountId)),
                     QStringLiteral("write it as OANDA shows it: three digits, three digits, the account number and three digits, joined by '-'"));
    const bool tokenReported = std::any_of(reader.issues().cbegin(), reader.issues().cend(), [](const Issue& issue) {
        return issue.location == u"oanda.token";
    });
    if (config.oanda.token.isEmpty() && !tokenReported)
        reader.error(QStringLiteral("oanda.token"), at, QStringLiteral("is required when an instrument uses the OANDA feed or platform: oanda"),
                     reader.missingSecretRemedy(QStringLiteral("oanda.token"),
                                                QStringLiteral("write token: \"${OANDA_TOKEN}\" and export the personal access token from OANDA's hub")));
}

/// With `platform: oanda` every row is traded there: each must be a pair OANDA can name.
void checkOandaTradedInstruments(SchemaReader& reader, const YAML::Node& root, const Config& config)
{
    for (qsizetype i = 0; i < config.watchlist.size(); ++i) {
        const Instrument& instrument = config.watchlist[i];
        if (providerFor(config, instrument) == ProviderKind::Oanda)
            continue; // checked as a feed row already
        if (instrument.market != u"FX" || !isOandaPair(instrument.symbol))
            reader.error(QStringLiteral("watchlist[%1]").arg(i), watchlistRow(root, i),
                         QStringLiteral("%1 on %2 cannot be traded on OANDA, the platform this file names").arg(instrument.symbol, instrument.market),
                         QStringLiteral("watch only FX pairs written BASE/QUOTE with platform: oanda, or use platform: paper"));
    }
}

} // namespace

void readProviderKind(SchemaReader& reader, const YAML::Node& map, const QString& path, ProviderKind& out)
{
    reader.readChoice(map, path, "provider", out,
                      {{"simulated", ProviderKind::Simulated},
                       {"replay", ProviderKind::Replay},
                       {"alpha_vantage", ProviderKind::AlphaVantage},
                       {"oanda", ProviderKind::Oanda},
                       {"coinbase", ProviderKind::Coinbase}});
}

void readOanda(SchemaReader& reader, const YAML::Node& root, Config& config)
{
    const QString path = QStringLiteral("oanda");
    const YAML::Node oanda = root["oanda"];
    if (!reader.checkMap(oanda, path,
                         {"environment", "allow_live", "account_id", "token", "base_url", "stream_url", "timeout_s",
                          "requests_per_minute"}))
        return;
    reader.readChoice(oanda, path, "environment", config.oanda.environment,
                      {{"practice", BrokerEnvironment::Practice}, {"live", BrokerEnvironment::Live}});
    reader.readBool(oanda, path, "allow_live", config.oanda.allowLive);
    reader.readString(oanda, path, "account_id", config.oanda.accountId);
    reader.readSecret(oanda, path, "token", config.oanda.token, false, QStringLiteral("OANDA_TOKEN"));
    reader.readUrl(oanda, path, "base_url", config.oanda.baseUrl);
    reader.readUrl(oanda, path, "stream_url", config.oanda.streamUrl);
    reader.readSeconds(oanda, path, "timeout_s", config.oanda.timeout, 120);
    reader.readInt(oanda, path, "requests_per_minute", config.oanda.requestsPerMinute, 1, 120);
}

void checkBrokerFeeds(SchemaReader& reader, const YAML::Node& root, const Config& config)
{
    // The first yes is the environment, the second allow_live: one word in a file is not enough
    // to put real money behind the engine (issue 14).
    if (config.oanda.environment == BrokerEnvironment::Live && !config.oanda.allowLive)
        reader.error(QStringLiteral("oanda.environment"), root["oanda"]["environment"],
                     QStringLiteral("live trades real money and needs a second, explicit yes"),
                     QStringLiteral("also set oanda.allow_live: true, or use environment: practice"));
    checkCoinbase(reader, root, config);
    const bool oandaPlatform = config.platform == u"oanda";
    if (!usesProvider(config, ProviderKind::Oanda) && !oandaPlatform)
        return;
    checkOandaInstruments(reader, root, config);
    checkOandaAccount(reader, root, config);
    if (oandaPlatform)
        checkOandaTradedInstruments(reader, root, config);
}

} // namespace sentinel

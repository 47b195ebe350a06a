// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/ConfigWriter.h"

#include "config/AdvisorDraftYaml.h"
#include "config/DraftYaml.h"
#include "config/SecretReference.h"

#include <yaml-cpp/yaml.h>

#include <optional>

namespace sentinel {

namespace {

using namespace draftyaml;

/// The parsed text, or an empty map when it is not a YAML mapping: the draft then starts from the
/// loaded values, and writing starts a new file.
YAML::Node loadMap(const QByteArray& yaml)
{
    try {
        YAML::Node root = YAML::Load(yaml.toStdString());
        if (root.IsMap())
            return root;
    } catch (const YAML::Exception&) {
    }
    return YAML::Node(YAML::NodeType::Map);
}

/// The rows as written, or nullopt when there is no list to read them from.
std::optional<QList<Instrument>> readWatchlistRows(const YAML::Node& list)
{
    if (!list.IsDefined() || !list.IsSequence())
        return std::nullopt;
    QList<Instrument> rows;
    for (const YAML::Node& item : list) {
        if (!item.IsMap())
            continue; // not representable as a row; the loader reported it
        // As in the loader: no interval (absent or null) is the default interval, not a refused row.
        const auto intervalText = givenText(item, "interval");
        const auto interval = intervalText ? parseInterval(*intervalText) : Instrument{}.interval;
        if (!interval)
            continue; // not representable as a row; the loader reported it
        rows.append(Instrument{givenText(item, "symbol").value_or(QString()),
                               givenText(item, "market").value_or(QString()), *interval});
    }
    return rows;
}

ConfigDraft draftFromConfig(const Config& config)
{
    ConfigDraft draft;
    draft.mode = config.mode;
    draft.autonomousEnabled = config.autonomousEnabled;
    draft.watchlist = config.watchlist;
    draft.telegramEnabled = config.telegram.enabled;
    draft.telegramChatId = config.telegram.chatId;
    draft.webhookEnabled = config.webhook.enabled;
    draft.webhookUrl = config.webhook.url.toString();
    draft.varConfidence = config.risk.varConfidence;
    draft.maxVarPct = config.risk.maxVarPct;
    draft.maxPositionPct = config.risk.maxPositionPct;
    draft.maxDrawdownPct = config.risk.maxDrawdownPct;
    draft.maxTradesPerDay = config.risk.maxTradesPerDay;
    draft.approvalTimeoutS = config.approvalTimeout.count();
    draft.platform = config.platform;
    draft.oandaEnvironment = config.oanda.environment;
    draft.oandaAllowLive = config.oanda.allowLive;
    draft.oandaAccountId = config.oanda.accountId;
    draft.coinbaseAllowLive = config.coinbase.allowLive;
    return draft;
}

void writeWatchlist(YAML::Node& root, const QList<Instrument>& instruments)
{
    YAML::Node watchlist(YAML::NodeType::Sequence);
    for (const Instrument& instrument : instruments) {
        YAML::Node item(YAML::NodeType::Map);
        item["symbol"] = utf8(instrument.symbol);
        item["market"] = utf8(instrument.market);
        item["interval"] = utf8(intervalName(instrument.interval));
        // One instrument per line, as people write them by hand.
        item.SetStyle(YAML::EmitterStyle::Flow);
        watchlist.push_back(item);
    }
    root["watchlist"] = watchlist;
}

void writeChannels(YAML::Node& root, const ConfigDraft& draft)
{
    YAML::Node telegram = mapAt(root, "telegram");
    telegram["enabled"] = draft.telegramEnabled;
    telegram["bot_token"] = utf8(secretReference(draft.telegramToken.variable));
    telegram["chat_id"] = utf8(draft.telegramChatId);

    YAML::Node webhook = mapAt(root, "webhook");
    webhook["enabled"] = draft.webhookEnabled;
    webhook["url"] = utf8(draft.webhookUrl);
    webhook["secret"] = utf8(secretReference(draft.webhookSecret.variable));
}

/// The broker sections as the Brokers page edits them; keys it does not show (base_url,
/// timeout_s, ...) are kept. A disabled broker's section is removed.
void writeBrokers(YAML::Node& root, const ConfigDraft& draft)
{
    if (root["platform"].IsDefined() || draft.platform != u"paper")
        root["platform"] = utf8(draft.platform);
    if (draft.oandaEnabled) {
        YAML::Node oanda = mapAt(root, "oanda");
        oanda["environment"] = draft.oandaEnvironment == BrokerEnvironment::Live ? "live" : "practice";
        oanda["allow_live"] = draft.oandaAllowLive;
        oanda["account_id"] = utf8(draft.oandaAccountId);
        oanda["token"] = utf8(secretReference(draft.oandaToken.variable));
    } else {
        root.remove("oanda");
    }
    if (draft.coinbaseEnabled) {
        YAML::Node coinbase = mapAt(root, "coinbase");
        coinbase["key_name"] = utf8(secretReference(draft.coinbaseKeyName.variable));
        coinbase["private_key"] = utf8(secretReference(draft.coinbasePrivateKey.variable));
        coinbase["allow_live"] = draft.coinbaseAllowLive;
    } else {
        root.remove("coinbase");
    }
}

void writeLimits(YAML::Node& root, const ConfigDraft& draft)
{
    YAML::Node risk = mapAt(root, "risk");
    risk["var_confidence"] = number(draft.varConfidence);
    risk["max_var_pct"] = number(draft.maxVarPct);
    risk["max_position_pct"] = number(draft.maxPositionPct);
    risk["max_drawdown_pct"] = number(draft.maxDrawdownPct);
    risk["max_trades_per_day"] = draft.maxTradesPerDay;
    mapAt(root, "approval")["timeout_s"] = draft.approvalTimeoutS;
}

} // namespace

ConfigDraft ConfigWriter::readDraft(const QByteArray& yaml, const Config& config)
{
    ConfigDraft draft = draftFromConfig(config);
    const YAML::Node root = loadMap(yaml);
    draft.telegramToken = readSecret(valueAt(root, "telegram", "bot_token"), QStringLiteral("TELEGRAM_BOT_TOKEN"));
    draft.webhookSecret = readSecret(valueAt(root, "webhook", "secret"), QStringLiteral("WEBHOOK_SECRET"));
    draft.oandaEnabled = root["oanda"].IsDefined() && root["oanda"].IsMap();
    draft.oandaToken = readSecret(valueAt(root, "oanda", "token"), QStringLiteral("OANDA_TOKEN"));
    draft.coinbaseEnabled = root["coinbase"].IsDefined() && root["coinbase"].IsMap();
    draft.coinbaseKeyName = readSecret(valueAt(root, "coinbase", "key_name"), QStringLiteral("COINBASE_KEY_NAME"));
    draft.coinbasePrivateKey = readSecret(valueAt(root, "coinbase", "private_key"), QStringLiteral("COINBASE_PRIVATE_KEY"));
    // Rows the loader refused (a market it does not know) stay in the dialog, shown with their
    // error, instead of vanishing from the file on the next save.
    if (auto rows = readWatchlistRows(root["watchlist"]))
        draft.watchlist = std::move(*rows);
    readAdvisorDraft(root, config, draft);
    return draft;
}

QByteArray ConfigWriter::render(const QByteArray& base, const ConfigDraft& draft)
{
    YAML::Node root = loadMap(base);
    root["mode"] = utf8(tradingModeName(draft.mode));
    mapAt(root, "autonomous")["enabled"] = draft.autonomousEnabled;
    writeWatchlist(root, draft.watchlist);
    writeChannels(root, draft);
    writeLimits(root, draft);
    writeBrokers(root, draft);
    writeAdvisorDraft(root, draft);

    YAML::Emitter out;
    out << root;
    return QByteArray(out.c_str()) + '\n';
}

} // namespace sentinel

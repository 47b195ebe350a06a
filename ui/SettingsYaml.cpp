// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SettingsYaml.h"

#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace sentinel {

namespace {

std::string utf8(const QString& text)
{
    return text.toStdString();
}

SecretField readSecret(const YAML::Node& node, const QString& defaultVariable)
{
    SecretField field;
    field.variable = defaultVariable;
    if (!node.IsDefined() || !node.IsScalar())
        return field;
    const QString text = QString::fromStdString(node.Scalar());
    static const QRegularExpression reference(QStringLiteral(R"(^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$)"));
    const QRegularExpressionMatch match = reference.match(text.trimmed());
    if (match.hasMatch()) {
        field.variable = match.captured(1);
    } else if (!text.isEmpty()) {
        // A value in clear: offer to move it to the keychain; saving never writes it back.
        field.storage = SecretField::Storage::Keychain;
        field.value = text;
    }
    return field;
}

YAML::Node mapAt(YAML::Node& root, const char* key)
{
    if (!root[key].IsMap())
        root[key] = YAML::Node(YAML::NodeType::Map);
    return root[key];
}

/// Shortest decimal that reads back as the same double: 0.05, not 0.050000000000000003.
std::string number(double value)
{
    return utf8(QString::number(value, 'g', 15));
}

} // namespace

QString SettingsYaml::modeName(TradingMode mode)
{
    return tradingModeName(mode);
}

SettingsDraft SettingsYaml::read(const QByteArray& yaml, const Config& config)
{
    SettingsDraft draft;
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
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception&) {
        root = YAML::Node();
    }
    const YAML::Node telegram = root.IsMap() ? root["telegram"] : YAML::Node();
    const YAML::Node webhook = root.IsMap() ? root["webhook"] : YAML::Node();
    draft.telegramToken = readSecret(telegram.IsMap() ? telegram["bot_token"] : YAML::Node(), QStringLiteral("TELEGRAM_BOT_TOKEN"));
    draft.webhookSecret = readSecret(webhook.IsMap() ? webhook["secret"] : YAML::Node(), QStringLiteral("WEBHOOK_SECRET"));
    // Rows the loader refused (a market it does not know) stay in the dialog, shown with their
    // error, instead of vanishing from the file on the next save.
    const YAML::Node list = root.IsMap() ? root["watchlist"] : YAML::Node();
    if (list.IsSequence()) {
        QList<Instrument> rows;
        for (const YAML::Node& item : list) {
            const auto text = [&item](const char* key) {
                return item.IsMap() && item[key].IsScalar() ? QString::fromStdString(item[key].Scalar()).trimmed() : QString();
            };
            const auto interval = parseInterval(text("interval"));
            if (!interval)
                continue; // not representable as a row; the loader reported it
            rows.append(Instrument{text("symbol"), text("market"), *interval});
        }
        draft.watchlist = rows;
    }
    return draft;
}

QByteArray SettingsYaml::render(const QByteArray& base, const SettingsDraft& draft)
{
    YAML::Node root;
    try {
        root = YAML::Load(base.toStdString());
    } catch (const YAML::Exception&) {
        root = YAML::Node(YAML::NodeType::Map);
    }
    if (!root.IsMap())
        root = YAML::Node(YAML::NodeType::Map);

    root["mode"] = utf8(modeName(draft.mode));
    mapAt(root, "autonomous")["enabled"] = draft.autonomousEnabled;

    YAML::Node watchlist(YAML::NodeType::Sequence);
    for (const Instrument& instrument : draft.watchlist) {
        YAML::Node item(YAML::NodeType::Map);
        item["symbol"] = utf8(instrument.symbol);
        item["market"] = utf8(instrument.market);
        item["interval"] = utf8(intervalName(instrument.interval));
        item.SetStyle(YAML::EmitterStyle::Flow);
        watchlist.push_back(item);
    }
    root["watchlist"] = watchlist;

    YAML::Node telegram = mapAt(root, "telegram");
    telegram["enabled"] = draft.telegramEnabled;
    telegram["bot_token"] = utf8(QStringLiteral("${%1}").arg(draft.telegramToken.variable));
    telegram["chat_id"] = utf8(draft.telegramChatId);

    YAML::Node webhook = mapAt(root, "webhook");
    webhook["enabled"] = draft.webhookEnabled;
    webhook["url"] = utf8(draft.webhookUrl);
    webhook["secret"] = utf8(QStringLiteral("${%1}").arg(draft.webhookSecret.variable));

    YAML::Node risk = mapAt(root, "risk");
    risk["var_confidence"] = number(draft.varConfidence);
    risk["max_var_pct"] = number(draft.maxVarPct);
    risk["max_position_pct"] = number(draft.maxPositionPct);
    risk["max_drawdown_pct"] = number(draft.maxDrawdownPct);
    risk["max_trades_per_day"] = draft.maxTradesPerDay;
    mapAt(root, "approval")["timeout_s"] = draft.approvalTimeoutS;

    YAML::Emitter out;
    out << root;
    return QByteArray(out.c_str()) + '\n';
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/BrokerCheck.h"

#include "brokers/coinbase/CoinbaseAccountCheck.h"
#include "brokers/coinbase/CoinbaseRest.h"
#include "brokers/oanda/OandaAccountCheck.h"
#include "brokers/oanda/OandaRest.h"

#include <QJsonArray>
#include <QMetaObject>

namespace sentinel {

namespace {

const QString oandaName = QStringLiteral("oanda");
const QString coinbaseName = QStringLiteral("coinbase");

QString pairName(const QString& oandaInstrument)
{
    QString pair = oandaInstrument;
    pair.replace(u'_', u'/');
    return pair;
}

QJsonObject oandaReport(const OandaSettings& settings, const oanda::AccountCheck& check)
{
    QJsonArray positions;
    for (const oanda::Position& position : check.positions) {
        const double units = position.longSide.units + position.shortSide.units;
        const auto& side = position.longSide.units != 0 ? position.longSide : position.shortSide;
        QJsonObject row{{QStringLiteral("instrument"), pairName(position.instrument)},
                        {QStringLiteral("units"), units},
                        {QStringLiteral("unrealized_pl"), position.unrealizedPl}};
        if (side.averagePrice)
            row.insert(QStringLiteral("average_price"), *side.averagePrice);
        positions.append(row);
    }
    return QJsonObject{{QStringLiteral("platform"), oandaName},
                       {QStringLiteral("environment"), settings.environment == BrokerEnvironment::Live ? QStringLiteral("live") : QStringLiteral("practice")},
                       {QStringLiteral("account_id"), check.summary.id},
                       {QStringLiteral("currency"), check.summary.currency},
                       {QStringLiteral("balance"), check.summary.balance},
                       {QStringLiteral("nav"), check.summary.nav},
                       {QStringLiteral("unrealized_pl"), check.summary.unrealizedPl},
                       {QStringLiteral("margin_used"), check.summary.marginUsed},
                       {QStringLiteral("margin_available"), check.summary.marginAvailable},
                       {QStringLiteral("positions"), positions}};
}

QJsonObject coinbaseReport(const coinbase::AccountCheck& check)
{
    QJsonArray positions;
    for (const coinbase::CoinbaseAccount& holding : check.holdings)
        positions.append(QJsonObject{{QStringLiteral("instrument"), holding.currency},
                                     {QStringLiteral("units"), holding.available.value + holding.hold.value},
                                     {QStringLiteral("available"), holding.available.value},
                                     {QStringLiteral("hold"), holding.hold.value}});
    return QJsonObject{{QStringLiteral("platform"), coinbaseName},
                       {QStringLiteral("environment"), QStringLiteral("live")}, // Coinbase has no practice account
                       {QStringLiteral("account_id"), check.accountId},
                       {QStringLiteral("currency"), check.currency},
                       {QStringLiteral("balance"), check.balance},
                       {QStringLiteral("positions"), positions}};
}

} // namespace

std::optional<QString> brokerToCheck(const Config& config, const QString& requested)
{
    if (!requested.isEmpty())
        return requested;
    if (config.platform == oandaName || config.platform == coinbaseName)
        return config.platform;
    if (providersInUse(config).contains(ProviderKind::Oanda) || !config.oanda.accountId.isEmpty())
        return oandaName;
    if (!config.coinbase.keyName.isEmpty())
        return coinbaseName;
    return std::nullopt;
}

bool blocksBrokerCheck(const Issue& issue)
{
    return issue.severity == Issue::Severity::Error
           && (issue.location.startsWith(u"oanda") || issue.location.startsWith(u"coinbase") || issue.location == u"(file)");
}

std::optional<Error> brokerCheckBlocker(const Config& config, const QString& broker)
{
    const QString invalid = QStringLiteral("invalid_config");
    if (broker == coinbaseName) {
        if (config.coinbase.keyName.isEmpty() || config.coinbase.privateKey.isEmpty())
            return Error(invalid, QStringLiteral("coinbase.key_name and coinbase.private_key are both needed"),
                         QStringLiteral("write key_name: \"${COINBASE_KEY_NAME}\" and private_key: \"${COINBASE_PRIVATE_KEY}\" "
                                        "and export both, or keep them in the keychain"));
        return std::nullopt;
    }
    if (broker == oandaName) {
        if (config.oanda.accountId.isEmpty() || config.oanda.token.isEmpty())
            return Error(invalid, QStringLiteral("oanda.account_id and oanda.token are both needed"),
                         QStringLiteral("write account_id: \"101-…\" and token: \"${OANDA_TOKEN}\" and export the token, "
                                        "or keep it in the keychain"));
        return std::nullopt;
    }
    return Error(invalid, QStringLiteral("'%1' is not a broker this build can check").arg(broker),
                 QStringLiteral("name oanda or coinbase"));
}

BrokerCheck::BrokerCheck(Config config, QString broker, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_broker(std::move(broker))
{
}

BrokerCheck::~BrokerCheck() = default;

void BrokerCheck::start()
{
    if (const auto blocker = brokerCheckBlocker(m_config, m_broker)) {
        finish(BrokerCheckOutcome{m_broker, std::nullopt, *blocker, true});
        return;
    }
    if (m_broker == coinbaseName)
        checkCoinbase();
    else
        checkOanda();
}

void BrokerCheck::checkOanda()
{
    m_oanda = new oanda::OandaRest(m_config.oanda, this);
    oanda::checkAccount(*m_oanda, [this](const Result<oanda::AccountCheck>& outcome) {
        if (!outcome)
            finish(BrokerCheckOutcome{m_broker, std::nullopt, outcome.error(), oanda::isCredentialOrConfigError(outcome.error())});
        else
            finish(BrokerCheckOutcome{m_broker, oandaReport(m_config.oanda, *outcome), {}, false});
    });
}

void BrokerCheck::checkCoinbase()
{
    m_coinbase = new coinbase::CoinbaseRest(m_config.coinbase, this);
    // A key that cannot sign is the user's to fix, before anything is sent.
    if (const Status key = m_coinbase->keyStatus(); !key) {
        finish(BrokerCheckOutcome{m_broker, std::nullopt, key.error(), true});
        return;
    }
    coinbase::checkAccount(*m_coinbase, [this](const Result<coinbase::AccountCheck>& outcome) {
        if (!outcome)
            finish(BrokerCheckOutcome{m_broker, std::nullopt, outcome.error(), coinbase::isCredentialOrConfigError(outcome.error())});
        else
            finish(BrokerCheckOutcome{m_broker, coinbaseReport(*outcome), {}, false});
    });
}

void BrokerCheck::finish(BrokerCheckOutcome outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    // Later, from the event loop: a caller that connects after start() still hears the answer.
    QMetaObject::invokeMethod(this, [this, outcome = std::move(outcome)] { Q_EMIT finished(outcome); }, Qt::QueuedConnection);
}

} // namespace sentinel

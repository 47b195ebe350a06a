// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel broker check --config FILE`: connects to the configured broker (OANDA or Coinbase), authenticates, and
// prints the account and its open positions as JSON (exit 0), or a typed error with its remedy
// (exit 1: unreachable or failing; exit 2: credentials or configuration). No secret is printed.
#include "Cli.h"
#include "ConfigSecrets.h"

#include "brokers/coinbase/CoinbaseAccountCheck.h"
#include "brokers/coinbase/CoinbaseRest.h"
#include "brokers/oanda/OandaAccountCheck.h"
#include "brokers/oanda/OandaRest.h"
#include "common/ExitCode.h"
#include "config/ConfigLoader.h"
#include "providers/AlphaVantageParser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace sentinel::cli {

namespace {

QString pairName(const QString& oandaInstrument)
{
    QString pair = oandaInstrument;
    pair.replace(u'_', u'/');
    return pair;
}

QJsonObject toJson(const OandaSettings& settings, const oanda::AccountCheck& check)
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
    return QJsonObject{{QStringLiteral("platform"), QStringLiteral("oanda")},
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

QJsonObject toJson(const coinbase::AccountCheck& check)
{
    QJsonArray positions;
    for (const coinbase::CoinbaseAccount& holding : check.holdings)
        positions.append(QJsonObject{{QStringLiteral("instrument"), holding.currency},
                                     {QStringLiteral("units"), holding.available.value + holding.hold.value},
                                     {QStringLiteral("available"), holding.available.value},
                                     {QStringLiteral("hold"), holding.hold.value}});
    return QJsonObject{{QStringLiteral("platform"), QStringLiteral("coinbase")},
                       {QStringLiteral("environment"), QStringLiteral("live")}, // Coinbase has no practice account
                       {QStringLiteral("account_id"), check.accountId},
                       {QStringLiteral("currency"), check.currency},
                       {QStringLiteral("balance"), check.balance},
                       {QStringLiteral("positions"), positions}};
}

int printFailure(Invocation& invocation, const QString& broker, const Error& error, int exitCode)
{
    QJsonObject failure = errorToJson(error);
    failure.insert(QStringLiteral("platform"), broker);
    invocation.out << QJsonDocument(failure).toJson(QJsonDocument::Indented);
    invocation.err << "sentinel broker check: " << error.kind << ": " << error.toString() << Qt::endl;
    return exitCode;
}

/// The broker to check: `--broker`, else the one the configuration uses.
std::optional<QString> chosenBroker(const QCommandLineParser& parser, const Config& config)
{
    if (parser.isSet(QStringLiteral("broker")))
        return parser.value(QStringLiteral("broker"));
    if (config.platform == u"oanda" || config.platform == u"coinbase")
        return config.platform;
    if (providersInUse(config).contains(ProviderKind::Oanda) || !config.oanda.accountId.isEmpty())
        return QStringLiteral("oanda");
    if (!config.coinbase.keyName.isEmpty())
        return QStringLiteral("coinbase");
    return std::nullopt;
}

/// Runs `check` to its answer in the command's own event loop; every request has its deadline.
template <typename Check, typename Rest>
std::optional<Result<Check>> await(Rest& rest, void (*check)(Rest&, std::function<void(const Result<Check>&)>))
{
    std::optional<Result<Check>> outcome;
    check(rest, [&outcome](const Result<Check>& result) {
        outcome = result;
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    return outcome;
}

const Error noAnswer{QStringLiteral("no_answer"), QStringLiteral("the check ended without an answer")};

int checkCoinbase(Invocation& invocation, const CoinbaseSettings& settings)
{
    if (settings.keyName.isEmpty() || settings.privateKey.isEmpty())
        return usageError(invocation, QStringLiteral("coinbase.key_name and coinbase.private_key are both needed: write "
                                                     "key_name: \"${COINBASE_KEY_NAME}\" and private_key: \"${COINBASE_PRIVATE_KEY}\" "
                                                     "and export both"));
    coinbase::CoinbaseRest rest(settings);
    // A key that cannot sign is the user's to fix, before anything is sent.
    if (const Status key = rest.keyStatus(); !key)
        return printFailure(invocation, QStringLiteral("coinbase"), key.error(), ExitBadInput);
    const auto outcome = await<coinbase::AccountCheck>(rest, &coinbase::checkAccount);
    if (!outcome)
        return printFailure(invocation, QStringLiteral("coinbase"), noAnswer, ExitRuntimeFailure);
    if (!outcome->ok())
        return printFailure(invocation, QStringLiteral("coinbase"), outcome->error(),
                            coinbase::isCredentialOrConfigError(outcome->error()) ? ExitBadInput : ExitRuntimeFailure);
    invocation.out << QJsonDocument(toJson(outcome->value())).toJson(QJsonDocument::Indented);
    return ExitOk;
}

} // namespace

int runBrokerCheck(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Connect to the configured broker and print its account and open positions."));
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("broker"), QStringLiteral("which broker section to check: oanda or coinbase"), QStringLiteral("NAME")});
    GlobalOptions global;
    if (const auto exit = parseArguments(parser, invocation, &global))
        return *exit;

    // Only the broker's own settings decide whether the check can run, so it can be tried while
    // the rest of the file is unfinished.
    const ConfigLoadResult loaded = ConfigLoader(loadOptionsWithSecrets(global.configFile)).loadDefault(global.configFile);
    int blocking = 0;
    for (const Issue& issue : loaded.issues) {
        const bool blocks = issue.severity == Issue::Severity::Error
                            && (issue.location.startsWith(u"oanda") || issue.location.startsWith(u"coinbase")
                                || issue.location == u"(file)");
        blocking += blocks ? 1 : 0;
        invocation.err << "sentinel broker check: " << (blocks ? "" : "note: ") << issue.toString() << Qt::endl;
    }
    if (blocking > 0)
        return ExitBadInput;
    const auto broker = chosenBroker(parser, loaded.config);
    if (!broker)
        return usageError(invocation, QStringLiteral("no broker is configured: add an oanda: section (account_id, token) or a "
                                                     "coinbase: section (key_name, private_key) to the file given with --config FILE"));
    if (*broker == u"coinbase")
        return checkCoinbase(invocation, loaded.config.coinbase);
    if (*broker != u"oanda")
        return usageError(invocation, QStringLiteral("--broker '%1' is not a broker this build can check (oanda, coinbase)").arg(*broker));

    const OandaSettings& settings = loaded.config.oanda;
    if (settings.accountId.isEmpty() || settings.token.isEmpty())
        return usageError(invocation, QStringLiteral("oanda.account_id and oanda.token are both needed: write "
                                                     "account_id: \"101-…\" and token: \"${OANDA_TOKEN}\" and export the token"));

    oanda::OandaRest rest(settings);
    const auto outcome = await<oanda::AccountCheck>(rest, &oanda::checkAccount);
    if (!outcome)
        return printFailure(invocation, QStringLiteral("oanda"), noAnswer, ExitRuntimeFailure);
    if (!outcome->ok())
        return printFailure(invocation, QStringLiteral("oanda"), outcome->error(),
                            oanda::isCredentialOrConfigError(outcome->error()) ? ExitBadInput : ExitRuntimeFailure);
    invocation.out << QJsonDocument(toJson(settings, outcome->value())).toJson(QJsonDocument::Indented);
    return ExitOk;
}

} // namespace sentinel::cli

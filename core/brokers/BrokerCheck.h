// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Issue.h"
#include "config/Config.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <optional>

namespace sentinel {

namespace oanda {
class OandaRest;
}
namespace coinbase {
class CoinbaseRest;
}

/// What a broker check found: the account and its open positions as `sentinel broker check`
/// prints them (`platform`, `environment`, `account_id`, `currency`, `balance`, `positions`), or
/// the error. Neither ever holds a secret.
struct BrokerCheckOutcome {
    QString broker;                    ///< "oanda" or "coinbase"
    std::optional<QJsonObject> report; ///< set when the check succeeded
    Error error;                       ///< when it did not
    /// The user's to fix (credentials, account id, configuration: the CLI's exit 2) rather than
    /// the network's or the broker's (exit 1).
    bool userToFix = false;
};

/// The broker a check is about: `requested` when given, else the configuration's platform when
/// it is a broker, else the one whose section is filled in; nullopt when there is none.
[[nodiscard]] std::optional<QString> brokerToCheck(const Config& config, const QString& requested = {});

/// Whether a configuration issue stops a broker check: an error in a broker's own section or in
/// the file as a whole. Others are notes, so the check can be tried while the rest is unfinished.
[[nodiscard]] bool blocksBrokerCheck(const Issue& issue);

/// What keeps `broker` from being checked at all (an unknown name, a key or account id left out),
/// with the key to fill in; nullopt when the check can run.
[[nodiscard]] std::optional<Error> brokerCheckBlocker(const Config& config, const QString& broker);

/// One check of one broker (issue 14), shared by `sentinel broker check` and the Settings
/// dialog's Check button: connects with the configuration's settings, authenticates, reads the
/// account and its open positions. Lives and runs in the thread it belongs to (every request has
/// its deadline); `finished` is emitted exactly once, never from inside start().
class BrokerCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrokerCheck)
public:
    BrokerCheck(Config config, QString broker, QObject* parent = nullptr);
    ~BrokerCheck() override;

    void start();

Q_SIGNALS:
    void finished(const sentinel::BrokerCheckOutcome& outcome);

private:
    void finish(BrokerCheckOutcome outcome);
    void checkOanda();
    void checkCoinbase();

    Config m_config;
    QString m_broker;
    oanda::OandaRest* m_oanda = nullptr;
    coinbase::CoinbaseRest* m_coinbase = nullptr;
    bool m_finished = false;
};

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::BrokerCheckOutcome)

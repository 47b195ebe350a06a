// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/coinbase/CoinbaseAccounts.h"
#include "common/Error.h"

#include <QList>
#include <QString>

#include <functional>

namespace sentinel::coinbase {

class CoinbaseRest;

/// What `sentinel broker check` shows for Coinbase: the portfolio, its cash wallet and the
/// crypto wallets holding anything (ADR 0121).
struct AccountCheck {
    QString accountId;               ///< the wallets' retail portfolio id
    QString currency;                ///< the cash wallet's: USD when there is one, else the first fiat wallet's
    double balance = 0;              ///< that wallet's available plus held amount
    QList<CoinbaseAccount> holdings; ///< the other wallets with a non-zero balance
};

/// Whether a failed check is the user's to fix (key, permissions, configuration: exit 2) rather
/// than the network's or Coinbase's (exit 1).
[[nodiscard]] bool isCredentialOrConfigError(const Error& error);

/// Reads every page of GET /accounts (signed) through `rest`; `done` runs once with the check or
/// the first error, typed, its remedy naming the key to fix. At most `maxPages` pages are read.
void checkAccount(CoinbaseRest& rest, std::function<void(const Result<AccountCheck>&)> done);

inline constexpr int kMaxAccountPages = 20;

} // namespace sentinel::coinbase

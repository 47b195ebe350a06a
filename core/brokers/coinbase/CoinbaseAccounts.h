// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/coinbase/CoinbaseDecimal.h"
#include "common/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace sentinel::coinbase {

/// One account (wallet) of GET /api/v3/brokerage/accounts.
struct CoinbaseAccount {
    QString uuid;
    QString name;
    QString currency;
    QString type;        ///< "FIAT", "CRYPTO", ... (empty when absent)
    QString portfolioId; ///< retail_portfolio_id: the portfolio the wallet belongs to
    Decimal available; ///< available_balance.value, in `currency`
    Decimal hold;      ///< hold.value: reserved by open orders
    bool active = false;
    bool ready = false;
};

struct AccountPage {
    QList<CoinbaseAccount> accounts;
    bool hasNext = false;
    QString cursor;
};

/// Parses GET /accounts: {"accounts": [...], "has_next", "cursor", "size"}. A balance whose
/// currency differs from its account's, or a negative balance, is a typed error.
[[nodiscard]] Result<AccountPage> parseAccounts(const QByteArray& body);

} // namespace sentinel::coinbase

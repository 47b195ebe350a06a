// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/oanda/OandaAccount.h"
#include "common/Error.h"

#include <QList>

#include <functional>

namespace sentinel::oanda {

class OandaRest;

/// What `sentinel broker check` and the Settings dialog's Check button show for OANDA.
struct AccountCheck {
    AccountSummary summary;
    QList<Position> positions;
};

/// Whether a failed check is the user's to fix (credentials, account id, configuration: exit 2)
/// rather than the network's or OANDA's (exit 1).
[[nodiscard]] bool isCredentialOrConfigError(const Error& error);

/// Reads the account summary, then the open positions, through `rest`; `done` runs once with
/// both or with the first error, typed, its remedy naming the key to fix. An account id that
/// OANDA does not know for this token is told apart from a wrong token, and a summary for
/// another account than the one asked for is refused.
void checkAccount(OandaRest& rest, std::function<void(const Result<AccountCheck>&)> done);

} // namespace sentinel::oanda

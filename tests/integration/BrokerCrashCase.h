// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

namespace sentinel::test {

/// What a broker stand-in records for issue 14's SIGKILL case: every order it was sent, by its
/// idempotency key, the orders it created, and a hook it runs once it has created an order and
/// before it answers (the moment the engine is killed).
struct BrokerLedger {
    std::function<void(const QString& key)> onAccepted;
    QHash<QString, int> postsByKey;
    QStringList created; ///< the keys of the orders the broker created, oldest first

    /// Counts an order sent with `key`; true when the broker creates it (the key is new), false
    /// when a broker that knows the key must refuse it.
    bool receive(const QString& key)
    {
        postsByKey[key] += 1;
        return !created.contains(key);
    }
    /// After the broker created the order for `key` and before it answers.
    void accepted(const QString& key)
    {
        created << key;
        if (onAccepted)
            onAccepted(key);
    }
};

/// Issue 14's SIGKILL case for any broker (ADR 0118): `sentinel run --simulate` (autonomous,
/// `config`) is killed with SIGKILL once the stand-in behind `ledger` has created the first order
/// and before it answers, so the journal holds the approved proposal but no execution. A restart
/// with --resume must then find the order at the broker by its key and journal it, once; the
/// broker must have been sent every key once and have every order it created journalled once.
/// `afterKill(key)` runs once the first process is dead, before the restart (a stand-in that
/// stamps orders with the engine's time reads it from the journal there). Fails the current test.
void checkKillBetweenBrokerAndJournal(const QString& config, const QString& journal, const QProcessEnvironment& environment,
                                      BrokerLedger& ledger, const std::function<void(const QString& key)>& afterKill = {});

} // namespace sentinel::test

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace sentinel {

/// One trading signal as it is delivered to the operator. Immutable once queued: the outbox
/// stores it as JSON and every retry sends exactly the same content.
struct SignalMessage {
    QString id;            ///< unique per signal; the outbox refuses a second signal with the same id
    QString instrumentKey; ///< e.g. "FX:EUR/USD"
    QString side;          ///< "BUY", "SELL", "EXIT", ...
    double price = 0.0;
    QString text;          ///< free text (strategy reasons); any characters, any length
    QDateTime createdAt;   ///< UTC
    QDateTime expiresAt;   ///< UTC; invalid means the signal never expires
    /// A proposal put to the operator: Telegram adds Approve/Reject buttons for it (ADR 0132).
    QString decisionFor{}; // {}: aggregate initialisers that stop before it stay warning-free

    /// Stable across restarts and retries: a UUIDv5 of the signal id, sent to channels that
    /// deduplicate (webhook `Idempotency-Key`).
    [[nodiscard]] QString idempotencyKey() const;

    [[nodiscard]] QJsonObject toJson() const;
    /// Reads what toJson() wrote; nullopt when a required field is missing or malformed.
    [[nodiscard]] static std::optional<SignalMessage> fromJson(const QJsonObject& json);

    friend bool operator==(const SignalMessage&, const SignalMessage&) = default;
};

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::SignalMessage)

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace sentinel {

/// Where an operator's decision or control came from.
enum class OperatorChannel { Desktop, Telegram, Cli, Engine };

/// Who acted, through what, and (for a Telegram update) the update offset to store with the act, so
/// the record and "this update is handled" are one transaction (ADR 0132).
struct OperatorOrigin {
    QString who;                              ///< "alice", "@bob (id 123)", "auto-approve"
    OperatorChannel channel = OperatorChannel::Desktop;
    std::optional<qint64> telegramOffset;     ///< the getUpdates offset after the update acted on

    /// "desktop (alice)", "telegram @bob (id 123)".
    [[nodiscard]] QString describe() const;

    [[nodiscard]] static OperatorOrigin desktop();
    [[nodiscard]] static OperatorOrigin engine(const QString& who);
    /// The local account name, for the desktop and the CLI ("unknown" when the system has none).
    [[nodiscard]] static QString localUserName();
};

[[nodiscard]] QString operatorChannelName(OperatorChannel channel);

} // namespace sentinel

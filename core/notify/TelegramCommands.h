// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace sentinel {

/// The commands an operator can send the bot (issue 16, ADR 0119). Unknown is answered with the
/// help text, never with silence.
enum class TelegramCommand { Status, Positions, Pnl, Pause, Resume, Flatten, Help, Unknown };

/// A command message's text split as Telegram clients write it: `/name[@bot] [args]`.
struct CommandText {
    QString name;      ///< after the slash, as written (case kept), at most maxNameLength
    /// After '@', empty when the command names no bot; "@" when the '@' is followed by nothing
    /// or by more than a username can hold (a name no bot has, so never ours).
    QString botSuffix;
    QString args;      ///< the rest of the text, trimmed
};

/// Reads operator commands: splitting the text, naming the command, deciding whether a
/// `/cmd@BotName` form is addressed to this bot, and the help text. Pure functions.
class TelegramCommands final
{
public:
    /// BotFather allows command names of 1 to 32 characters; a longer token is cut here so
    /// nothing unbounded is carried on (it is Unknown whatever it says).
    static constexpr int maxNameLength = 32;
    /// Telegram usernames are at most 32 characters; a longer suffix names no bot that exists.
    static constexpr int maxBotSuffixLength = 32;

    /// The command in `text`, or nothing when the text does not start with '/' (plain chat).
    /// The command token ends at the first white space; its first '@' starts the bot suffix.
    [[nodiscard]] static std::optional<CommandText> split(QStringView text);

    /// The command a name denotes, case-insensitively ("/Status" is /status): people type
    /// commands on phones, where the first letter is often capitalised for them.
    [[nodiscard]] static TelegramCommand parse(QStringView name);

    /// Whether a command is ours to answer. No suffix: it is meant for every bot in the chat,
    /// us included. A suffix must equal our username (case-insensitively, '@' optional). When
    /// our username is not known, a suffixed command is not answered: it may be another bot's.
    [[nodiscard]] static bool isAddressedToUs(QStringView botSuffix, QStringView ourUsername);

    /// "status", "positions", ...; "unknown" for Unknown.
    [[nodiscard]] static QString name(TelegramCommand command);
    /// Every command the bot answers, in the order the help lists them.
    [[nodiscard]] static QList<TelegramCommand> all();
    /// One line for a command: "/status — engine state, feeds and pending proposals".
    [[nodiscard]] static QString describe(TelegramCommand command);
    /// Plain text listing every command with its description (sent without parse mode).
    [[nodiscard]] static QString helpText();
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/TelegramCommands.h"

namespace sentinel {

namespace {

struct CommandRow {
    TelegramCommand command;
    const char16_t* name;
    const char16_t* description;
};

// The one table of commands: parse(), name(), all() and the help text read it.
constexpr CommandRow commandRows[] = {
    {TelegramCommand::Status, u"status", u"engine state, data freshness and pending proposals"},
    {TelegramCommand::Positions, u"positions", u"open positions with their unrealised P&L"},
    {TelegramCommand::Pnl, u"pnl", u"realised and unrealised P&L for today and this week"},
    {TelegramCommand::Pause, u"pause", u"stop proposing new trades (exits still run)"},
    {TelegramCommand::Resume, u"resume", u"propose trades again"},
    {TelegramCommand::Flatten, u"flatten", u"close every position (asks you to confirm with a button)"},
    {TelegramCommand::Help, u"help", u"this list"},
};

bool isSpace(QChar c)
{
    return c.isSpace();
}

} // namespace

std::optional<CommandText> TelegramCommands::split(QStringView text)
{
    if (!text.startsWith(u'/'))
        return std::nullopt;
    qsizetype end = 1;
    while (end < text.size() && !isSpace(text.at(end)))
        ++end;
    const QStringView token = text.mid(1, end - 1);
    CommandText command;
    const qsizetype at = token.indexOf(u'@');
    const QStringView name = at < 0 ? token : token.left(at);
    command.name = name.left(maxNameLength).toString();
    if (at >= 0) {
        const QStringView suffix = token.mid(at + 1);
        // Too long for a username: kept as a marker that it is not ours, never as a name.
        command.botSuffix = suffix.size() > maxBotSuffixLength ? QStringLiteral("@") : suffix.toString();
        if (command.botSuffix.isEmpty())
            command.botSuffix = QStringLiteral("@");
    }
    command.args = text.mid(end).trimmed().toString();
    return command;
}

TelegramCommand TelegramCommands::parse(QStringView name)
{
    for (const CommandRow& row : commandRows) {
        if (name.compare(QStringView(row.name), Qt::CaseInsensitive) == 0)
            return row.command;
    }
    return TelegramCommand::Unknown;
}

bool TelegramCommands::isAddressedToUs(QStringView botSuffix, QStringView ourUsername)
{
    if (botSuffix.isEmpty())
        return true;
    if (ourUsername.startsWith(u'@'))
        ourUsername = ourUsername.mid(1);
    if (ourUsername.isEmpty())
        return false;
    return botSuffix.compare(ourUsername, Qt::CaseInsensitive) == 0;
}

QString TelegramCommands::name(TelegramCommand command)
{
    for (const CommandRow& row : commandRows) {
        if (row.command == command)
            return QString::fromUtf16(row.name);
    }
    return QStringLiteral("unknown");
}

QList<TelegramCommand> TelegramCommands::all()
{
    QList<TelegramCommand> commands;
    for (const CommandRow& row : commandRows)
        commands.append(row.command);
    return commands;
}

QString TelegramCommands::describe(TelegramCommand command)
{
    for (const CommandRow& row : commandRows) {
        if (row.command == command)
            return u'/' + QString::fromUtf16(row.name) + u" — " + QString::fromUtf16(row.description);
    }
    return {};
}

QString TelegramCommands::helpText()
{
    QString text = QStringLiteral("Trade Sentinel commands:");
    for (const CommandRow& row : commandRows)
        text += u'\n' + describe(row.command);
    text += QStringLiteral("\nApprove or reject a proposal with the buttons under it.");
    return text;
}

} // namespace sentinel

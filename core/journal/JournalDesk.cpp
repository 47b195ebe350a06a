// SPDX-License-Identifier: GPL-3.0-or-later
// The operator's side of the journal (ADR 0132): controls, the desk's state across restarts, and
// the Telegram messages proposals were put to the operator in.
#include "journal/Journal.h"

#include "storage/SqliteConnection.h"

#include <QSqlQuery>

namespace sentinel {

namespace {

const QString pausedKey = QStringLiteral("paused");
const QString pausedByKey = QStringLiteral("paused_by");
const QString pausedAtKey = QStringLiteral("paused_at_ms");
const QString telegramOffsetKey = QStringLiteral("telegram_offset");

std::optional<OperatorAction> parseOperatorAction(const QString& name)
{
    for (const OperatorAction action : {OperatorAction::Pause, OperatorAction::Resume, OperatorAction::Flatten,
                                        OperatorAction::KillSwitch, OperatorAction::ClosePosition}) {
        if (operatorActionName(action) == name)
            return action;
    }
    return std::nullopt;
}

std::optional<OperatorChannel> parseOperatorChannel(const QString& name)
{
    for (const OperatorChannel channel : {OperatorChannel::Desktop, OperatorChannel::Telegram, OperatorChannel::Cli,
                                          OperatorChannel::Engine}) {
        if (operatorChannelName(channel) == name)
            return channel;
    }
    return std::nullopt;
}

} // namespace

QString operatorActionName(OperatorAction action)
{
    switch (action) {
    case OperatorAction::Pause:
        return QStringLiteral("pause");
    case OperatorAction::Resume:
        return QStringLiteral("resume");
    case OperatorAction::Flatten:
        return QStringLiteral("flatten");
    case OperatorAction::KillSwitch:
        return QStringLiteral("kill_switch");
    case OperatorAction::ClosePosition:
        return QStringLiteral("close_position");
    }
    return QStringLiteral("pause");
}

Status Journal::storeTelegramOffset(qint64 offset)
{
    return m_db->exec(QStringLiteral("INSERT INTO desk_state (key, value) VALUES (?, ?) "
                                     "ON CONFLICT(key) DO UPDATE SET value = CAST(max(CAST(value AS INTEGER), "
                                     "CAST(excluded.value AS INTEGER)) AS TEXT)"),
                      {telegramOffsetKey, QString::number(offset)});
}

Status Journal::saveTelegramOffset(qint64 offset)
{
    return m_db->transaction([&] { return storeTelegramOffset(offset); });
}

Status Journal::recordOperatorAction(OperatorAction action, const OperatorOrigin& origin, const QString& detail,
                                     const QDateTime& at)
{
    return m_db->transaction([&]() -> Status {
        if (Status s = m_db->exec(QStringLiteral("INSERT INTO operator_actions (action, who, channel, detail, at_ms) "
                                                 "VALUES (?, ?, ?, ?, ?)"),
                                  {operatorActionName(action), origin.who.isNull() ? QStringLiteral("") : origin.who,
                                   operatorChannelName(origin.channel), detail.isNull() ? QStringLiteral("") : detail,
                                   at.toMSecsSinceEpoch()});
            !s)
            return s;
        const auto setState = [this](const QString& key, const QString& value) {
            return m_db->exec(QStringLiteral("INSERT INTO desk_state (key, value) VALUES (?, ?) "
                                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                              {key, value});
        };
        if (action == OperatorAction::Pause || action == OperatorAction::KillSwitch) {
            for (const Status& s : {setState(pausedKey, QStringLiteral("1")), setState(pausedByKey, origin.describe()),
                                    setState(pausedAtKey, QString::number(at.toMSecsSinceEpoch()))}) {
                if (!s)
                    return s;
            }
        } else if (action == OperatorAction::Resume) {
            if (Status s = setState(pausedKey, QStringLiteral("0")); !s)
                return s;
        }
        return origin.telegramOffset ? storeTelegramOffset(*origin.telegramOffset) : okStatus();
    }, SqliteConnection::Lock::Immediate);
}

Result<QList<OperatorActionRecord>> Journal::operatorActions()
{
    auto rows = m_db->query(QStringLiteral("SELECT action, who, channel, detail, at_ms FROM operator_actions ORDER BY id"));
    if (!rows)
        return rows.error();
    QList<OperatorActionRecord> actions;
    QSqlQuery& query = rows.value();
    while (query.next()) {
        OperatorActionRecord record;
        record.action = parseOperatorAction(query.value(0).toString()).value_or(OperatorAction::Pause);
        record.who = query.value(1).toString();
        record.channel = query.value(2).toString();
        record.detail = query.value(3).toString();
        record.at = dateTimeFromMs(query.value(4));
        actions.append(record);
    }
    return actions;
}

Result<DeskState> Journal::deskState()
{
    auto rows = m_db->query(QStringLiteral("SELECT key, value FROM desk_state"));
    if (!rows)
        return rows.error();
    DeskState state;
    QSqlQuery& query = rows.value();
    while (query.next()) {
        const QString key = query.value(0).toString();
        const QString value = query.value(1).toString();
        if (key == pausedKey)
            state.paused = value == QLatin1String("1");
        else if (key == pausedByKey)
            state.pausedBy = value;
        else if (key == pausedAtKey)
            state.pausedAt = dateTimeFromMs(value.toLongLong());
        else if (key == telegramOffsetKey)
            state.telegramOffset = value.toLongLong();
    }
    if (!state.paused) {
        state.pausedBy.clear();
        state.pausedAt = {};
    }
    return state;
}

Status Journal::recordTelegramMessage(const TelegramMessageRecord& message)
{
    // A resend after a crash finds the first message on record: the buttons of that one count.
    return m_db->exec(QStringLiteral("INSERT OR IGNORE INTO telegram_messages (proposal_id, chat_id, message_id, sent_at_ms) "
                                     "VALUES (?, ?, ?, ?)"),
                      {message.proposalId, message.chatId, message.messageId, message.sentAt.toMSecsSinceEpoch()});
}

Result<std::optional<TelegramMessageRecord>> Journal::telegramMessage(const QString& proposalId)
{
    auto rows = m_db->query(QStringLiteral("SELECT chat_id, message_id, sent_at_ms, outcome_shown FROM telegram_messages "
                                           "WHERE proposal_id = ?"),
                            {proposalId});
    if (!rows)
        return rows.error();
    QSqlQuery& query = rows.value();
    if (!query.next())
        return std::optional<TelegramMessageRecord>{};
    return std::optional<TelegramMessageRecord>{TelegramMessageRecord{proposalId, query.value(0).toLongLong(),
                                                                      query.value(1).toLongLong(),
                                                                      dateTimeFromMs(query.value(2)),
                                                                      query.value(3).toInt() != 0}};
}

Status Journal::markTelegramOutcomeShown(const QString& proposalId)
{
    return m_db->exec(QStringLiteral("UPDATE telegram_messages SET outcome_shown = 1 WHERE proposal_id = ?"), {proposalId});
}

Result<std::optional<OperatorOrigin>> Journal::decidedBy(const QString& proposalId)
{
    auto rows = m_db->query(QStringLiteral("SELECT operator, channel FROM decisions WHERE proposal_id = ?"), {proposalId});
    if (!rows)
        return rows.error();
    QSqlQuery& query = rows.value();
    if (!query.next())
        return std::optional<OperatorOrigin>{};
    OperatorOrigin origin;
    origin.who = query.value(0).toString();
    origin.channel = parseOperatorChannel(query.value(1).toString()).value_or(OperatorChannel::Engine);
    return std::optional<OperatorOrigin>{origin};
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the inbound half of two-way Telegram (ADR 0119): TelegramUpdates::parse,
// TelegramCommands and CallbackTokenCodec must never crash or trip a sanitizer, whatever the body.
// Beyond that the answer must be one the poller can act on safely: ids within their documented
// ranges, update_ids strictly increasing and at or above the offset asked for, the next offset
// never behind it, callback data within 1..64 bytes, and no press a forger could make verifying
// as ours. Seeded from tests/data/telegram (the two-way bodies and their golden inputs).
#include "notify/CallbackToken.h"
#include "notify/TelegramCommands.h"
#include "notify/TelegramUpdates.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace {

using namespace sentinel;

const QByteArray fuzzKey = QByteArrayLiteral("fuzz-desk-key-0123456789abcdef!!");
constexpr qint64 boundChat = -1001234567890;

bool validId(qint64 id, bool positive)
{
    return id != 0 && id <= TelegramUpdates::maxIdMagnitude && (positive ? id > 0 : id >= -TelegramUpdates::maxIdMagnitude);
}

/// The forger does not know fuzzKey, so nothing taken from the input may verify as Ok unless it
/// equals what the codec itself makes for that action and subject.
bool soundPress(const CallbackPress& press)
{
    const qsizetype bytes = press.data.toUtf8().size();
    if (bytes < 1 || bytes > TelegramUpdates::maxCallbackDataBytes || press.queryId.isEmpty())
        return false;
    if (!validId(press.fromUserId, true) || !validId(press.chatId, false) || !validId(press.messageId, true))
        return false;
    const auto anyMessage = [&press](const CallbackToken&) -> std::optional<qint64> { return press.messageId; };
    const CallbackCheck check = CallbackTokenCodec::verify(fuzzKey, press.data, boundChat, press.chatId, press.messageId, anyMessage);
    if (check.verdict == CallbackVerdict::Ok) {
        const auto genuine = CallbackTokenCodec::encode(fuzzKey, check.token.action, check.token.subjectId, boundChat);
        if (!genuine.ok() || genuine.value() != press.data)
            return false;
    }
    return (check.verdict == CallbackVerdict::Malformed) == !CallbackTokenCodec::decode(press.data).has_value();
}

bool soundCommand(const CommandMessage& command)
{
    if (!validId(command.fromUserId, true) || !validId(command.chatId, false) || !validId(command.messageId, true))
        return false;
    if (command.command.size() > TelegramCommands::maxNameLength || command.botSuffix.size() > TelegramCommands::maxBotSuffixLength)
        return false;
    const TelegramCommand parsed = TelegramCommands::parse(command.command);
    // Unknown or not, the name a command parses to reads back as that command.
    return parsed == TelegramCommand::Unknown || TelegramCommands::parse(TelegramCommands::name(parsed)) == parsed;
}

bool soundBatch(const UpdateBatch& batch, qint64 offset)
{
    if (batch.updates.size() + batch.skipped.size() > TelegramUpdates::maxUpdates)
        return false;
    qint64 previous = 0;
    for (const TelegramUpdate& update : batch.updates) {
        const qint64 id = updateIdOf(update);
        if (id <= previous || id < offset || id > batch.lastUpdateId)
            return false;
        previous = id;
        if (const auto* press = std::get_if<CallbackPress>(&update); press && !soundPress(*press))
            return false;
        if (const auto* command = std::get_if<CommandMessage>(&update); command && !soundCommand(*command))
            return false;
    }
    for (const SkippedUpdate& skipped : batch.skipped) {
        if (skipped.error.kind.isEmpty() || skipped.error.message.isEmpty() || skipped.updateId < 0)
            return false;
    }
    const qint64 next = batch.nextOffset(offset);
    return next >= offset && (batch.updates.isEmpty() || next > previous);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    for (const qint64 offset : {qint64(0), qint64(10001)}) {
        for (const int status : {200, 409, 429, 502}) {
            const auto parsed = TelegramUpdates::parse(status, body, offset);
            if (parsed.ok() && (status != 200 || !soundBatch(parsed.value(), offset)))
                __builtin_trap();
            if (!parsed.ok() && parsed.error().kind.isEmpty())
                __builtin_trap();
        }
    }
    // The raw input as a message text and as callback data, past the parser's own checks.
    const QString text = QString::fromUtf8(body.left(TelegramUpdates::maxTextLength));
    if (const auto command = TelegramCommands::split(text)) {
        if (command->name.size() > TelegramCommands::maxNameLength)
            __builtin_trap();
        (void)TelegramCommands::isAddressedToUs(command->botSuffix, u"SentinelBot");
    }
    const auto lookup = [](const CallbackToken&) -> std::optional<qint64> { return 1; };
    if (CallbackTokenCodec::verify(fuzzKey, text, boundChat, boundChat, 1, lookup).verdict == CallbackVerdict::Ok) {
        const auto token = CallbackTokenCodec::decode(text);
        if (!token || CallbackTokenCodec::encode(fuzzKey, token->action, token->subjectId, boundChat).value() != text)
            __builtin_trap();
    }
    return 0;
}

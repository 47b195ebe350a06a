// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: TelegramReply::classify must never crash or trip a sanitizer, whatever the
// body and status. Its answer must be one the channel can act on without a wrong number: only
// an envelope with ok true that came with a 2xx HTTP status is a delivery, a wait is never
// negative, and a chat migration names a real chat id (never the 0 that a missing or
// non-numeric id reads as). Seeded from tests/data/telegram (raw bodies; each is classified
// under several statuses).
#include "notify/TelegramReply.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

namespace {

using namespace sentinel;
using Kind = TelegramReply::Kind;

bool isOkEnvelope(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    return document.isObject() && document.object().value(u"ok").toBool(false);
}

bool is2xx(int status)
{
    return status >= 200 && status < 300;
}

/// `status` is the HTTP status the answer came with; the body may name another (error_code).
bool soundAnswer(const TelegramReply& reply, int status, const QByteArray& body)
{
    if (reply.kind == Kind::Ok && !(is2xx(status) && is2xx(reply.httpStatus) && isOkEnvelope(body)))
        return false;
    if (reply.retryAfterSeconds < 0 || (reply.kind != Kind::RetryAfter && reply.retryAfterSeconds != 0))
        return false;
    if (reply.kind == Kind::ChatMigrated) {
        bool numeric = false;
        const qint64 chat = reply.migrateToChatId.toLongLong(&numeric);
        if (!numeric || chat == 0)
            return false;
    } else if (!reply.migrateToChatId.isEmpty()) {
        return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    // The statuses the channel meets, plus the odd ones a proxy or a broken server gives.
    static constexpr int statuses[] = {0, 200, 204, 302, 400, 401, 403, 404, 409, 429, 500, 502, 999};
    for (const int status : statuses) {
        if (!soundAnswer(TelegramReply::classify(status, body), status, body))
            __builtin_trap();
    }
    return 0;
}

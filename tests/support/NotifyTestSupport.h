// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FakeHttpServer.h"
#include "TestData.h"
#include "common/ManualClock.h"
#include "common/Secret.h"
#include "config/Config.h"

#include <QTest>

#include <functional>

namespace sentinel::test {

/// A recorded Bot API body from tests/data/telegram/, served with the HTTP status it came with
/// (the status equals `error_code`; "ok_*" files are 200).
inline CannedResponse telegramFixture(const QString& name)
{
    const int status = name.startsWith(u"ok_") ? 200 : name.mid(6, 3).toInt();
    return CannedResponse::fromFile(dataPath(u"telegram/" + name), status);
}

/// Telegram enabled with `token`, chat -100777, and the Bot API at a test server's `baseUrl`.
inline TelegramSettings telegramSettingsFor(const QString& token, const QUrl& baseUrl)
{
    TelegramSettings settings;
    settings.enabled = true;
    settings.botToken = Secret(token);
    settings.chatId = QStringLiteral("-100777");
    settings.apiBaseUrl = baseUrl;
    return settings;
}

/// Lets network answers arrive through the event loop and releases clock-scheduled work
/// (pacing, back-off, retry_after) by jumping the ManualClock to its next timer, until
/// `finished` holds. Fails the test when nothing more can happen.
inline void driveUntil(ManualClock& clock, const std::function<bool()>& finished, int maxSteps = 200)
{
    for (int step = 0; step < maxSteps && !finished(); ++step) {
        QTRY_VERIFY_WITH_TIMEOUT(finished() || clock.pendingTimers() > 0, 5000);
        if (!finished())
            clock.advanceToNextTimer();
    }
    QVERIFY(finished());
}

} // namespace sentinel::test

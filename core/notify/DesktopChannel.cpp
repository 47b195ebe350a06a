// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/DesktopChannel.h"

#include "common/Log.h"

#include <QLocale>

namespace sentinel {

void DesktopChannel::deliver(const DeliveryAttempt& attempt, PartCallback /*partDelivered*/, DoneCallback done)
{
    const SignalMessage& signal = attempt.signal;
    Q_EMIT notificationRequested(
        QStringLiteral("%1 %2 @ %3").arg(signal.side, signal.instrumentKey, QLocale::c().toString(signal.price, 'g', 10)),
        signal.text.left(240));
    done(DeliveryOutcome::delivered());
}

void LogChannel::deliver(const DeliveryAttempt& attempt, PartCallback /*partDelivered*/, DoneCallback done)
{
    const SignalMessage& signal = attempt.signal;
    log::notify()->info("signal {}: {} {} @ {} ({} characters of text)", signal.id, signal.side,
                        signal.instrumentKey, signal.price, signal.text.size());
    done(DeliveryOutcome::delivered());
}

} // namespace sentinel

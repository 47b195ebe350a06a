// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/DeliveryChannel.h"

namespace sentinel {

QString deliveryStatusName(DeliveryOutcome::Status status)
{
    switch (status) {
    case DeliveryOutcome::Status::Delivered: return QStringLiteral("delivered");
    case DeliveryOutcome::Status::RetryLater: return QStringLiteral("retry_later");
    case DeliveryOutcome::Status::ChannelUnavailable: return QStringLiteral("channel_unavailable");
    case DeliveryOutcome::Status::Rejected: return QStringLiteral("rejected");
    }
    return {};
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace sentinel {

/// The connection state of a feed that streams (OANDA's pricing stream), for the Caches panel.
struct StreamState {
    bool live = false;
    QDateTime since;    ///< UTC: when it went live, or when it was lost
    QDateTime retryAt;  ///< UTC: the next connection try while it is down; invalid while live
    qint64 drops = 0;   ///< connections lost since start
    friend bool operator==(const StreamState&, const StreamState&) = default;
};

} // namespace sentinel

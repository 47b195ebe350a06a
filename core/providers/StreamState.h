// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace sentinel {

/// The connection state of a feed that streams (OANDA's pricing stream), for the Caches panel and
/// the watchlist's Feed column.
struct StreamState {
    bool live = false;
    QDateTime since;    ///< UTC: when it went live, or when it was lost
    QDateTime retryAt;  ///< UTC: the next connection try while it is down; invalid while live
    qint64 drops = 0;   ///< connections lost since start
    QString lostBecause; ///< the last drop's reason ("no price or heartbeat for 10 s"); empty while live
    friend bool operator==(const StreamState&, const StreamState&) = default;
};

} // namespace sentinel

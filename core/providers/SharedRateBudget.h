// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <functional>

namespace sentinel {

/// A rate window shared by every desk (engine) on one account or API key (issue 14): a request
/// any of them sends counts for all, so adding a desk never breaks the broker's limit. The Redis
/// backend (cache/RedisBackend) implements it; without one, each desk keeps its own window only.
class SharedRateBudget
{
public:
    struct Answer {
        bool granted = true;
        qint64 retryAtMs = 0; ///< when refused: the instant (the desks' Clock) the oldest request leaves the window
        bool shared = false;  ///< false: the shared store could not answer, and the desk's own window decided
    };
    using Done = std::function<void(const Answer& answer)>;

    SharedRateBudget() = default;
    virtual ~SharedRateBudget() = default;
    Q_DISABLE_COPY_MOVE(SharedRateBudget)

    /// Takes one request from `budget` ("oanda:" and a digest of the token) at `nowMs`, when fewer than `limit`
    /// were taken in the `windowMs` before it. `done` runs exactly once, possibly from inside this
    /// call. When the shared store cannot answer, the request is granted unshared: the desk's own
    /// window still holds, so one desk alone never breaks the limit.
    virtual void take(const QByteArray& budget, qint64 nowMs, int limit, qint64 windowMs, Done done) = 0;
};

} // namespace sentinel

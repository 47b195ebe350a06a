// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <utility>

namespace sentinel {

/// Counts asynchronous work in flight (fetches, orders, portfolio reads) and says when a piece
/// ends, so a simulation waiting on the engine knows when it may advance the clock.
class WorkTracker
{
public:
    /// Called whenever a piece of work ends; it decides whether the engine as a whole is idle.
    /// Not only at zero: what is left may be waiting for the clock only (ADR 0106).
    void setOnEnded(std::function<void()> onEnded) { m_onEnded = std::move(onEnded); }

    void begin() { ++m_inFlight; }
    void end()
    {
        --m_inFlight;
        if (m_onEnded)
            m_onEnded();
    }
    [[nodiscard]] bool busy() const { return m_inFlight > 0; }
    [[nodiscard]] int inFlight() const { return m_inFlight; }

private:
    int m_inFlight = 0;
    std::function<void()> m_onEnded;
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <utility>

namespace sentinel {

/// Counts asynchronous work in flight (fetches, orders, portfolio reads) and says when the last
/// piece settles, so a simulation waiting on the engine knows when it may advance the clock.
class WorkTracker
{
public:
    /// Called when the count returns to zero; it decides whether the engine as a whole is idle.
    void setOnSettled(std::function<void()> onSettled) { m_onSettled = std::move(onSettled); }

    void begin() { ++m_inFlight; }
    void end()
    {
        if (--m_inFlight == 0 && m_onSettled)
            m_onSettled();
    }
    [[nodiscard]] bool busy() const { return m_inFlight > 0; }

private:
    int m_inFlight = 0;
    std::function<void()> m_onSettled;
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/MarketSchedule.h"

#include <functional>
#include <utility>

namespace sentinel::test {

/// A MarketSchedule whose sessions are whatever a test's predicate says; it never knows the next
/// publication (callers then fall back to one bar interval).
class PredicateSchedule final : public MarketSchedule
{
public:
    using Predicate = std::function<bool(const Instrument& instrument, const QDateTime& barOpen)>;

    explicit PredicateSchedule(Predicate inSession) : m_inSession(std::move(inSession)) {}

    [[nodiscard]] bool barInSession(const Instrument& instrument, const QDateTime& barOpen) const override
    {
        return m_inSession(instrument, barOpen);
    }
    [[nodiscard]] QDateTime nextPublication(const Instrument&, const QDateTime&) const override { return {}; }
    [[nodiscard]] bool canPublishNow(const Instrument& instrument, const QDateTime& now) const override
    {
        return m_inSession(instrument, now);
    }

private:
    Predicate m_inSession;
};

} // namespace sentinel::test

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Freshness.h"
#include "common/Instrument.h"
#include "market/CalendarRegistry.h"
#include "market/FreshnessPolicy.h"

#include <QDateTime>

#include <optional>

namespace sentinel {

/// Why a verdict is what it is, for machines (the reason text is for people).
enum class FreshnessCause {
    UpToDate,   ///< lag within the warn band
    Lagging,    ///< lag above the warn band or the tolerance
    NoBar,      ///< nothing received yet
    FutureBar,  ///< newest bar opens after now (beyond the skew allowance): bad timestamp or clock skew
};
[[nodiscard]] QString freshnessCauseName(FreshnessCause cause);

/// The gate's judgement of one instrument's newest bar at one instant, with its numbers.
struct FreshnessVerdict {
    Freshness status = Freshness::Stale;
    FreshnessCause cause = FreshnessCause::NoBar;
    QString instrumentKey;
    QString market;
    Interval interval = Interval::Min5;
    qint64 atMs = 0;
    MarketPhase phase = MarketPhase::OutOfRange;
    QString marketReason;          ///< the calendar's reason at `atMs` ("open", "weekend", …)
    qint64 lagMs = 0;              ///< market-time lag behind the expected bar
    qint64 toleranceMs = 0;
    qint64 warnAboveMs = 0;
    std::optional<BarSlot> expectedBar; ///< newest bar the market could have closed by `atMs`
    std::optional<BarSlot> actualBar;   ///< the newest bar we hold
    QString reason;                ///< e.g. "no bar since 10:35 ET while XNYS is open (…)"

    /// Fresh or warn: entries may proceed.
    [[nodiscard]] bool allowsEntries() const { return status != Freshness::Stale; }
};

/// Proof that the freshness gate judged an instrument's data fresh enough to act on. Only the
/// gate can create one, so a decision path that takes `const FreshDataToken&` cannot be
/// reached without passing the gate.
class FreshDataToken
{
public:
    [[nodiscard]] const QString& instrumentKey() const { return m_instrumentKey; }
    [[nodiscard]] qint64 verdictAtMs() const { return m_verdictAtMs; }
    [[nodiscard]] qint64 barOpenMs() const { return m_barOpenMs; }

private:
    friend class FreshnessGate;
    FreshDataToken(QString instrumentKey, qint64 verdictAtMs, qint64 barOpenMs)
        : m_instrumentKey(std::move(instrumentKey)), m_verdictAtMs(verdictAtMs), m_barOpenMs(barOpenMs) {}

    QString m_instrumentKey;
    qint64 m_verdictAtMs;
    qint64 m_barOpenMs;
};

/// A verdict, and the token when it allows entries.
struct FreshnessCheck {
    FreshnessVerdict verdict;
    std::optional<FreshDataToken> token;
};

/// Exits are never blocked by stale data; the clearance records on what data the exit went out.
struct ExitClearance {
    bool allowed = true;
    QString reason;
};

/// The freshness gate (docs/adr/0012): compares the newest bar we hold with the newest bar the
/// market could have closed, in market time, against the policy's tolerance for the market's
/// state. Stateless and const: one gate may serve every instrument.
class FreshnessGate
{
public:
    FreshnessGate(CalendarRegistry calendars, FreshnessPolicy policy);

    /// Judges `newestBarOpen` (a bar named by its opening instant; invalid when nothing has
    /// arrived) at `now`. Errors (unknown market, `now` outside the calendar) are typed.
    [[nodiscard]] Result<FreshnessCheck> evaluate(const Instrument& instrument, const QDateTime& newestBarOpen,
                                                  const QDateTime& now) const;
    [[nodiscard]] Result<FreshnessCheck> evaluate(const Instrument& instrument, std::optional<qint64> newestBarOpenMs,
                                                  qint64 nowMs) const;

    /// Always allowed: stale data must never trap a position. Records the verdict in the reason.
    [[nodiscard]] ExitClearance allowsExit(const FreshnessVerdict& verdict) const;

    [[nodiscard]] const FreshnessPolicy& policy() const { return m_policy; }
    [[nodiscard]] const CalendarRegistry& calendars() const { return m_calendars; }

private:
    CalendarRegistry m_calendars;
    FreshnessPolicy m_policy;
};

} // namespace sentinel

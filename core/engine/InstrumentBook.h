// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "engine/BarHistory.h"
#include "engine/BarSchedule.h"
#include "engine/Snapshots.h"
#include "market/MarketSchedule.h"
#include "market/StaleEpisodeTracker.h"

#include <QHash>
#include <QStringList>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace sentinel {

class CalendarRegistry;

/// One watched instrument's state in the engine: its schedule, the bars it holds, its freshness
/// episode and what the watchlist shows.
struct InstrumentRuntime {
    InstrumentRuntime(Instrument i, BarSchedule s) : instrument(std::move(i)), schedule(std::move(s)) {}

    Instrument instrument;
    BarSchedule schedule;
    BarHistory history;
    StaleEpisodeTracker tracker;
    InstrumentSnapshot snapshot;
    TimerId timer = 0;
    bool loaded = false;        ///< the start-up history load has answered
    bool fetching = false;
    bool cycleMissed = false;   ///< a bar-close cycle came while a fetch was in flight
    qint64 lastSignalBarMs = 0; ///< one decision per bar
    qint64 computeNs = 0;       ///< the cycle's own compute so far (excludes waiting for I/O)
};

/// The watchlist as the engine runs it, in watchlist order, and the market schedule that
/// providers and caches ask: each instrument's calendar plus the provider's publication delay.
class InstrumentBook final : public MarketSchedule
{
public:
    InstrumentBook() = default;
    ~InstrumentBook() override;
    InstrumentBook(const InstrumentBook&) = delete;
    InstrumentBook& operator=(const InstrumentBook&) = delete;

    /// Adds every instrument whose market the registry knows; returns one problem per other.
    [[nodiscard]] QStringList build(const QList<Instrument>& watchlist, const CalendarRegistry& calendars);
    /// Providers publish a bar a little after it closes; asking at the close would get the old
    /// bar and cache it until the next close.
    void setPublicationDelay(std::chrono::milliseconds delay) { m_publicationDelay = delay; }

    [[nodiscard]] InstrumentRuntime* find(const QString& key) const { return m_byKey.value(key); }
    [[nodiscard]] const std::vector<std::unique_ptr<InstrumentRuntime>>& all() const { return m_runtimes; }
    [[nodiscard]] int size() const { return int(m_runtimes.size()); }

    /// When the instrument's next cycle is due: its next bar close plus the publication delay.
    [[nodiscard]] std::optional<qint64> nextCycleAt(const InstrumentRuntime& runtime, qint64 nowMs) const;
    /// Whether a request now could bring a new bar. Fetches and the "while closed" meter use
    /// this one rule.
    [[nodiscard]] bool canPublish(const InstrumentRuntime& runtime, qint64 nowMs) const;

    [[nodiscard]] bool barInSession(const Instrument& instrument, const QDateTime& barOpen) const override;
    [[nodiscard]] QDateTime nextPublication(const Instrument& instrument, const QDateTime& now) const override;
    [[nodiscard]] bool canPublishNow(const Instrument& instrument, const QDateTime& now) const override;
    [[nodiscard]] qint64 tradingDayOf(const Instrument& instrument, qint64 ms) const override;

private:
    std::vector<std::unique_ptr<InstrumentRuntime>> m_runtimes;
    QHash<QString, InstrumentRuntime*> m_byKey;
    std::chrono::milliseconds m_publicationDelay{0};
};

} // namespace sentinel

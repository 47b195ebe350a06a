// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/InstrumentBook.h"

#include "market/CalendarRegistry.h"

namespace sentinel {

InstrumentBook::~InstrumentBook() = default;

QStringList InstrumentBook::build(const QList<Instrument>& watchlist, const CalendarRegistry& calendars)
{
    QStringList problems;
    for (const Instrument& instrument : watchlist) {
        auto calendar = calendars.require(instrument.market);
        if (!calendar) {
            problems << QStringLiteral("%1: %2").arg(instrument.key(), calendar.error().toString());
            continue;
        }
        auto runtime = std::make_unique<InstrumentRuntime>(instrument, BarSchedule(*calendar, instrument.interval));
        runtime->snapshot.instrument = instrument;
        m_byKey.insert(instrument.key(), runtime.get());
        m_runtimes.push_back(std::move(runtime));
    }
    return problems;
}

std::optional<qint64> InstrumentBook::nextCycleAt(const InstrumentRuntime& runtime, qint64 nowMs) const
{
    const auto close = runtime.schedule.nextBarCloseAfter(nowMs);
    if (!close)
        return std::nullopt;
    return *close + m_publicationDelay.count();
}

bool InstrumentBook::canPublish(const InstrumentRuntime& runtime, qint64 nowMs) const
{
    // Open now, or closed so recently that the session's last bar may still be on its way.
    return runtime.schedule.marketOpenAt(nowMs) || runtime.schedule.marketOpenAt(nowMs - 1 - m_publicationDelay.count());
}

bool InstrumentBook::barInSession(const Instrument& instrument, const QDateTime& barOpen) const
{
    const InstrumentRuntime* runtime = find(instrument.key());
    return runtime && runtime->schedule.marketOpenAt(barOpen.toMSecsSinceEpoch());
}

QDateTime InstrumentBook::nextPublication(const Instrument& instrument, const QDateTime& now) const
{
    const InstrumentRuntime* runtime = find(instrument.key());
    const auto next = runtime ? nextCycleAt(*runtime, now.toMSecsSinceEpoch()) : std::nullopt;
    return next ? QDateTime::fromMSecsSinceEpoch(*next, Qt::UTC) : QDateTime();
}

qint64 InstrumentBook::tradingDayOf(const Instrument& instrument, qint64 ms) const
{
    const InstrumentRuntime* runtime = find(instrument.key());
    return runtime ? runtime->schedule.calendar().tradingDayOf(ms) : MarketSchedule::tradingDayOf(instrument, ms);
}

bool InstrumentBook::canPublishNow(const Instrument& instrument, const QDateTime& now) const
{
    const InstrumentRuntime* runtime = find(instrument.key());
    return runtime && canPublish(*runtime, now.toMSecsSinceEpoch());
}

} // namespace sentinel

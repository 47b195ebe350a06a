// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Fakes shared by the cache tests: a provider that counts and can hold or fail requests, a
// collector of answers, and a stand-in market schedule (weekdays 09:30-16:00 UTC, no
// holidays) until the real calendar is wired in by the engine.

#include "common/Clock.h"
#include "market/MarketSchedule.h"
#include "providers/MarketDataProvider.h"

#include <QList>
#include <QSignalSpy>

#include <optional>
#include <utility>

namespace sentinel::test {

inline QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

inline Instrument equity(const char* symbol, Interval interval = Interval::Min5)
{
    return Instrument{QString::fromLatin1(symbol), QStringLiteral("XNYS"), interval};
}

/// Close of the next bar strictly after `now` on a weekday 09:30-16:00 UTC session.
inline QDateTime nextWeekdayBarClose(const Instrument& instrument, const QDateTime& now)
{
    const qint64 step = std::chrono::duration_cast<std::chrono::milliseconds>(
                            intervalLength(instrument.interval))
                            .count();
    for (int day = 0; day < 8; ++day) {
        const QDate date = now.date().addDays(day);
        if (date.dayOfWeek() > 5)
            continue;
        const qint64 open = QDateTime(date, QTime(9, 30), Qt::UTC).toMSecsSinceEpoch();
        const qint64 close = QDateTime(date, QTime(16, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 at = now.toMSecsSinceEpoch();
        const qint64 candidate = at < open ? open + step : open + ((at - open) / step + 1) * step;
        if (candidate <= close)
            return QDateTime::fromMSecsSinceEpoch(candidate, Qt::UTC);
    }
    return {};
}

/// Whether a bar of the stand-in schedule closes exactly at `t`.
inline bool isWeekdayBarClose(const Instrument& instrument, const QDateTime& t)
{
    return nextWeekdayBarClose(instrument, t.addMSecs(-1)) == t;
}

/// The stand-in weekday schedule as the MarketSchedule a cache asks.
class WeekdaySchedule final : public MarketSchedule
{
public:
    [[nodiscard]] bool barInSession(const Instrument& instrument, const QDateTime& barOpen) const override
    {
        return isWeekdayBarClose(instrument, barOpen.addMSecs(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                             intervalLength(instrument.interval)).count()));
    }
    [[nodiscard]] QDateTime nextPublication(const Instrument& instrument, const QDateTime& now) const override
    {
        return nextWeekdayBarClose(instrument, now);
    }
    [[nodiscard]] bool canPublishNow(const Instrument& instrument, const QDateTime& now) const override
    {
        return barInSession(instrument, now);
    }
};

/// The one stand-in schedule the cache tests share.
inline const WeekdaySchedule weekdays{};

/// Answers every request later from the event loop, counting them; can hold requests until
/// released (to have many requesters wait on one fetch) or fail the next ones.
class CountingBarProvider final : public MarketDataProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CountingBarProvider)
public:
    explicit CountingBarProvider(Clock& clock, QObject* parent = nullptr)
        : MarketDataProvider(parent), m_clock(clock)
    {
    }

    [[nodiscard]] QString name() const override { return QStringLiteral("counting"); }

    void fetchBars(const BarRequest& request, BarsCallback done) override
    {
        requestTimes.append(m_clock.now());
        if (hold) {
            m_held.append({request, std::move(done)});
            return;
        }
        answerLater(request, std::move(done));
    }

    void releaseHeld()
    {
        const auto held = std::exchange(m_held, {});
        for (const auto& [request, done] : held)
            answerLater(request, done);
    }

    [[nodiscard]] int fetches() const { return int(requestTimes.size()); }
    [[nodiscard]] int heldCount() const { return int(m_held.size()); }

    Bars bars{Bar{QDateTime::fromMSecsSinceEpoch(0, Qt::UTC), 1, 2, 0.5, 1.5, 100}};
    std::optional<Error> failWith;
    bool hold = false;
    QList<QDateTime> requestTimes;

private:
    void answerLater(const BarRequest& request, BarsCallback done)
    {
        Result<BarSeries> result = failWith ? Result<BarSeries>(*failWith)
                                            : Result<BarSeries>(BarSeries{request.instrument, bars, {}, {}});
        QMetaObject::invokeMethod(
            this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
    }

    Clock& m_clock;
    QList<std::pair<BarRequest, BarsCallback>> m_held;
};

/// Collects answers and waits for them without sleeping.
class Answers final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Answers)
public:
    Answers() = default;

    BarsCallback callback()
    {
        return [this](const Result<BarSeries>& result) {
            if (result.ok())
                ++ok;
            else
                errors.append(result.error());
            Q_EMIT answered();
        };
    }
    [[nodiscard]] int count() const { return ok + int(errors.size()); }
    /// Waits (event loop, no sleep) until `n` answers have arrived in total.
    bool waitFor(int n)
    {
        QSignalSpy spy(this, &Answers::answered);
        while (count() < n) {
            if (!spy.wait(5000))
                return false;
        }
        return true;
    }

    int ok = 0;
    QList<Error> errors;

Q_SIGNALS:
    void answered();
};

} // namespace sentinel::test

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FakeHttpServer.h"
#include "common/Clock.h"
#include "common/Instrument.h"
#include "market/CalendarRegistry.h"

#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace sentinel::test {

/// Alpha Vantage on 127.0.0.1 for engine tests: answers the intraday bar functions
/// (FX_INTRADAY, CRYPTO_INTRADAY, TIME_SERIES_INTRADAY) in the real response format, with the
/// bars a market has published by the clock's `now` (the still-forming one included, as the real
/// service does) and none outside its sessions (the built-in calendars decide). It records when
/// each instrument was asked, so a test can count requests per instrument and check their times.
/// For an engine in another process (the soak, tests/soak) `now` can be the request's Date, the
/// engine's own clock (ADR 0106), and a fault injector may answer instead.
class FakeAlphaVantage final
{
public:
    /// The price of an instrument at an instant. A pure function: overlapping answers, a second
    /// engine and a restarted one all see the same bars.
    using PricePath = std::function<double(const Instrument&, qint64 ms)>;
    /// Asked before each answer, with the request and its `now` (ms): a response to serve
    /// instead of the bars (a fault), or nullopt.
    using FaultInjector = std::function<std::optional<CannedResponse>(const RecordedRequest&, qint64 nowMs)>;

    explicit FakeAlphaVantage(const Clock& clock);

    void setPricePath(PricePath path) { m_pricePath = std::move(path); }
    void setFaultInjector(FaultInjector injector) { m_faults = std::move(injector); }
    /// On: `now` is the request's Date header (RFC 9110 IMF-fixdate) where it has a valid one,
    /// else the clock.
    void setNowFromRequestDate(bool on) { m_nowFromDate = on; }
    /// Off: neither requests nor their times are kept (an answer-for-hours server).
    void setRecording(bool on);
    /// The instant a request's Date header names, in ms; nullopt when absent or malformed.
    [[nodiscard]] static std::optional<qint64> requestDateMs(const RecordedRequest& request);

    /// Listens on 127.0.0.1:0; false when it cannot (the test should fail).
    bool start();
    [[nodiscard]] QUrl baseUrl() const { return m_server.baseUrl(); }

    /// Engine-clock times (ms) of the requests for one instrument, in arrival order.
    [[nodiscard]] QList<qint64> requestTimes(const Instrument& instrument) const;
    [[nodiscard]] int requestCount() const { return m_server.requestCount(); }
    /// Requests the fake could not answer (unknown function or instrument): should stay empty.
    [[nodiscard]] const QStringList& unanswerable() const { return m_unanswerable; }

    /// Bars of `instrument` whose close falls in (fromMs, toMs]: what the market published then.
    [[nodiscard]] int barsClosedBetween(const Instrument& instrument, qint64 fromMs, qint64 toMs) const;
    /// Whether the instrument's market is in session at `ms`.
    [[nodiscard]] bool isOpen(const Instrument& instrument, qint64 ms) const;

private:
    CannedResponse answer(const RecordedRequest& request);
    [[nodiscard]] QByteArray seriesBody(const Instrument& instrument, const QString& function, qint64 now) const;

    const Clock& m_clock;
    FakeHttpServer m_server;
    CalendarRegistry m_calendars;
    QHash<QString, QList<qint64>> m_requestTimes; ///< instrument key → engine ms
    QStringList m_unanswerable;
    PricePath m_pricePath;
    FaultInjector m_faults;
    bool m_nowFromDate = false;
    bool m_recording = true;
};

} // namespace sentinel::test

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FakeHttpServer.h"
#include "common/Clock.h"
#include "common/Instrument.h"
#include "market/CalendarRegistry.h"

#include <QHash>
#include <QList>

namespace sentinel::test {

/// Alpha Vantage on 127.0.0.1 for engine tests: answers the intraday bar functions
/// (FX_INTRADAY, CRYPTO_INTRADAY, TIME_SERIES_INTRADAY) in the real response format, with the
/// bars a market has published by the clock's `now` (the still-forming one included, as the real
/// service does) and none outside its sessions (the built-in calendars decide). It records when
/// each instrument was asked, so a test can count requests per instrument and check their times.
class FakeAlphaVantage final
{
public:
    explicit FakeAlphaVantage(const Clock& clock);

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
    [[nodiscard]] QByteArray seriesBody(const Instrument& instrument, const QString& function) const;

    const Clock& m_clock;
    FakeHttpServer m_server;
    CalendarRegistry m_calendars;
    QHash<QString, QList<qint64>> m_requestTimes; ///< instrument key → engine ms
    QStringList m_unanswerable;
};

} // namespace sentinel::test

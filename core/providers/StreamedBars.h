// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "common/Instrument.h"
#include "market/Bar.h"
#include "market/StreamBarBuilder.h"
#include "providers/StreamState.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>
#include <limits>
#include <memory>
#include <optional>

namespace sentinel {

/// Bars built from a broker's live stream (ADR 0120, 0124), whatever the stream carries: one
/// StreamBarBuilder per streamed instrument, and each instrument's bars merged with the broker's
/// complete candles. A streamed bar is provisional: the candle for the same interval replaces it
/// when it arrives. A bar closes on the first price of a later interval, or by the clock
/// `closeGrace` after its end; barClosed() says so at once, which lets the engine run its cycle
/// without waiting for the next poll.
///
/// The bars answer a fetch only while nothing went unwatched since the newest complete candle
/// taken (canAnswer): after a drop, the caller fills the gap from candles first. A subclass owns
/// the connection and feeds prices, the live and the dropped moments in.
class StreamedBars : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamedBars)
public:
    /// A price of the last moment of an interval may still be on its way when the clock reaches
    /// the interval's end.
    static constexpr std::chrono::milliseconds closeGrace{500};
    /// Bars kept per instrument: OANDA's largest candle answer.
    static constexpr qsizetype maxBars = 5000;

    ~StreamedBars() override;

    /// Connects the stream (on first use, in the engine's thread); does nothing when nothing is streamed.
    virtual void start() = 0;
    /// Messages the stream delivered (prices, trades and heartbeats), for /metrics.
    [[nodiscard]] virtual qint64 messagesReceived() const = 0;

    [[nodiscard]] bool streams(const Instrument& instrument) const { return m_series.contains(instrument.key()); }
    /// The streamed instrument of `instrumentKey` (as barClosed names it).
    [[nodiscard]] Instrument instrument(const QString& instrumentKey) const;
    /// Whether bars(instrument) holds every closed bar: the stream is live and was live already
    /// when the newest complete candle taken closed.
    [[nodiscard]] bool canAnswer(const Instrument& instrument) const;
    /// Oldest first: complete candles and, after them, the streamed bars.
    [[nodiscard]] Bars bars(const Instrument& instrument) const;
    /// The broker's complete candles (oldest first) win over streamed bars of the same interval.
    void takeCandles(const Instrument& instrument, const Bars& complete);
    /// The open instant of the newest complete candle taken; invalid before the first.
    [[nodiscard]] QDateTime newestCandleOpen(const Instrument& instrument) const;
    [[nodiscard]] bool isLive() const { return m_liveSinceMs.has_value(); }
    [[nodiscard]] StreamState streamState() const;

Q_SIGNALS:
    /// A whole streamed bar of `instrumentKey` closed at `closeMs`.
    void barClosed(const QString& instrumentKey, qint64 closeMs);
    void streamDropped(const sentinel::Error& reason, qint64 retryAtMs);
    void streamLive();
    /// A retry failed while the stream was down already: the next try moved.
    void retryScheduled();

protected:
    /// `instruments`: the intraday ones this feed serves (daily ones are ignored); `streamName`
    /// spells a watchlist symbol as the stream does (EUR/USD → EUR_USD, BTC/USD → BTC-USD).
    StreamedBars(Clock& clock, const QList<Instrument>& instruments, const std::function<QString(const QString&)>& streamName,
                 QObject* parent);

    /// The names to subscribe to, each once (one pair watched at two intervals shares its prices).
    [[nodiscard]] const QStringList& streamNames() const { return m_streamNames; }
    [[nodiscard]] bool hasSeries() const { return !m_series.isEmpty(); }

    /// A price of `streamName` at `ms` that brings `volume` to its bars.
    void addPrice(const QString& streamName, qint64 ms, double price, double volume);
    /// The connection went live: prices are watched from `sinceMs` (Clock ms).
    void markLive(qint64 sinceMs);
    /// The connection was lost; the next try is at `retryAtMs`.
    void markDropped(const Error& reason, qint64 retryAtMs);

private:
    struct Series {
        explicit Series(const Instrument& watched) : instrument(watched), builder(watched.interval) {}

        Instrument instrument;
        StreamBarBuilder builder;
        Bars bars;
        qint64 confirmedThroughMs = std::numeric_limits<qint64>::min(); ///< close of the newest complete candle
        TimerId closeTimer = 0;
        qint64 closeTimerForMs = 0;
    };

    void closeByClock(Series& series);
    void armCloseTimer(Series& series);
    void append(Series& series, const Bar& bar);

    Clock& m_clock;
    QHash<QString, std::shared_ptr<Series>> m_series;          ///< by instrument key
    QMultiHash<QString, std::shared_ptr<Series>> m_byStreamName; ///< EUR_USD → its series (one per interval)
    QStringList m_streamNames;
    std::optional<qint64> m_liveSinceMs;
    std::optional<qint64> m_droppedAtMs;
    std::optional<qint64> m_retryAtMs;
    QString m_lostBecause;
    qint64 m_drops = 0;
};

} // namespace sentinel

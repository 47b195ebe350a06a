// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "common/Instrument.h"
#include "market/Bar.h"
#include "market/StreamBarBuilder.h"
#include "providers/MarketDataProvider.h"

#include <QHash>
#include <QObject>

#include <limits>
#include <memory>
#include <optional>

namespace sentinel {

namespace oanda {
class OandaPriceStream;
class OandaRest;
struct Price;
struct PriceStreamStats;
}

/// Bars of OANDA's pricing stream (issue 14, ADR 0120): one stream for the intraday instruments
/// of the watchlist, a StreamBarBuilder each (mid prices), and each instrument's bars merged with
/// the broker's complete candles. A streamed bar is provisional: the candle for the same interval
/// replaces it when it arrives. A bar closes on the first price of a later interval, or by the
/// clock `closeGrace` after its end; barClosed() says so at once, which lets the engine run its
/// cycle without waiting for the next poll.
///
/// The bars answer a fetch only while nothing went unwatched since the newest complete candle
/// taken (canAnswer): after a drop, the caller fills the gap from candles first.
class OandaStreamBars final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OandaStreamBars)
public:
    /// A price of the last moment of an interval may still be on its way when the clock reaches
    /// the interval's end.
    static constexpr std::chrono::milliseconds closeGrace{500};
    /// Bars kept per instrument: OANDA's largest candle answer.
    static constexpr qsizetype maxBars = 5000;

    /// `instruments`: the intraday ones this feed serves (others are ignored). `rest` must
    /// outlive this object.
    OandaStreamBars(Clock& clock, oanda::OandaRest& rest, const QList<Instrument>& instruments, QObject* parent = nullptr);
    ~OandaStreamBars() override;

    void start();
    [[nodiscard]] bool streams(const Instrument& instrument) const { return m_series.contains(instrument.key()); }
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
    [[nodiscard]] const oanda::PriceStreamStats& streamStats() const;
    [[nodiscard]] StreamState streamState() const;

Q_SIGNALS:
    /// A whole streamed bar of `instrumentKey` closed at `closeMs`.
    void barClosed(const QString& instrumentKey, qint64 closeMs);
    void streamDropped(const sentinel::Error& reason, qint64 retryAtMs);
    void streamLive();

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

    void onPrice(const oanda::Price& price);
    void onLive(qint64 sinceMs);
    void onDropped(const Error& reason, qint64 retryAtMs);
    void closeByClock(Series& series);
    void armCloseTimer(Series& series);
    void append(Series& series, const Bar& bar);

    Clock& m_clock;
    oanda::OandaPriceStream* m_stream = nullptr;
    QHash<QString, std::shared_ptr<Series>> m_series;    ///< by instrument key
    QMultiHash<QString, std::shared_ptr<Series>> m_byOandaName; ///< EUR_USD → its series (one per interval)
    std::optional<qint64> m_liveSinceMs;
    std::optional<qint64> m_droppedAtMs;
    std::optional<qint64> m_retryAtMs;
    QString m_lostBecause;
};

} // namespace sentinel

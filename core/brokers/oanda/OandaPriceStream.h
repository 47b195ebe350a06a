// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/StreamWatchdog.h"
#include "brokers/oanda/OandaPricing.h"
#include "common/Clock.h"
#include "common/Error.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QNetworkReply;

namespace sentinel::oanda {

class OandaRest;

/// Counts a stream keeps, for the panels and /metrics.
struct PriceStreamStats {
    qint64 prices = 0;
    qint64 heartbeats = 0;
    qint64 badLines = 0;   ///< lines the parser refused (logged, skipped)
    qint64 drops = 0;      ///< connections lost: closed, failed or silent
    qint64 connects = 0;   ///< connections that went live
};

/// OANDA's pricing stream for one account (GET /v3/accounts/{id}/pricing/stream): one
/// long-lived HTTP answer of NDJSON lines, PRICE and HEARTBEAT. Each line is bounded
/// (kMaxStreamLineBytes) and parsed; a line the parser refuses is counted and skipped.
///
/// A stream that says nothing, not even a heartbeat, for 10 s is a dropped connection, as is one
/// that ends, fails or answers other than 200. After a drop it reconnects after StreamWatchdog's
/// back-off (1 s doubling to 60 s, 1 s again once a connection goes live), on the Clock.
class OandaPriceStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OandaPriceStream)
public:
    enum class State { Stopped, Connecting, Live, Waiting };

    /// `instruments` in OANDA's spelling (EUR_USD). `rest` must outlive this object.
    OandaPriceStream(Clock& clock, OandaRest& rest, QStringList instruments, QObject* parent = nullptr);
    ~OandaPriceStream() override;

    void start();
    void stop();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const PriceStreamStats& stats() const { return m_stats; }
    [[nodiscard]] const QStringList& instruments() const { return m_instruments; }

Q_SIGNALS:
    void priceReceived(const sentinel::oanda::Price& price);
    /// The connection delivered its first line: prices are watched from `sinceMs` (Clock ms).
    void wentLive(qint64 sinceMs);
    /// The connection was lost; the next try is at `retryAtMs`.
    void dropped(const sentinel::Error& reason, qint64 retryAtMs);

private:
    void connectNow();
    void onReadyRead();
    void onFinished();
    void takeLine(QByteArrayView line);
    void drop(const Error& reason);
    void closeReply();

    Clock& m_clock;
    OandaRest& m_rest;
    QStringList m_instruments;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_buffer;
    QByteArray m_errorBody; ///< a non-200 answer's body, read to its end (bounded)
    State m_state = State::Stopped;
    PriceStreamStats m_stats;
    StreamWatchdog m_watchdog;
};

} // namespace sentinel::oanda

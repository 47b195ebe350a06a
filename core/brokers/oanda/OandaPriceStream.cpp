// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaPriceStream.h"

#include "brokers/oanda/OandaErrors.h"
#include "brokers/oanda/OandaRest.h"
#include "common/Log.h"

#include <QNetworkReply>
#include <QUrlQuery>

namespace sentinel::oanda {

namespace oe = oandaError;

namespace {

/// An error answer's body is a short JSON object; more than this is not read.
constexpr qsizetype kMaxErrorBodyBytes = qsizetype{64} * 1024;

constexpr char16_t kStreamEnded[] = u"stream_ended";
constexpr char16_t kStreamSilent[] = u"stream_silent";

} // namespace

OandaPriceStream::OandaPriceStream(Clock& clock, OandaRest& rest, QStringList instruments, QObject* parent)
    : QObject(parent),
      m_clock(clock),
      m_rest(rest),
      m_instruments(std::move(instruments)),
      m_watchdog(
          clock, this,
          [this] {
              drop(oe::make(kStreamSilent,
                            QStringLiteral("no price and no heartbeat on the OANDA pricing stream for %1 s").arg(StreamWatchdog::silenceLimit.count()),
                            QStringLiteral("it is reconnected; bars meanwhile come from candles")));
          },
          [this] { connectNow(); })
{
}

OandaPriceStream::~OandaPriceStream()
{
    stop();
}

void OandaPriceStream::start()
{
    if (m_state != State::Stopped)
        return;
    connectNow();
}

void OandaPriceStream::stop()
{
    m_watchdog.stop();
    closeReply();
    m_state = State::Stopped;
}

void OandaPriceStream::connectNow()
{
    m_state = State::Connecting;
    m_buffer.clear();
    m_errorBody.clear();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("instruments"), m_instruments.join(u','));
    m_reply = m_rest.openStream(m_rest.accountPath(QStringLiteral("/pricing/stream")), query);
    connect(m_reply, &QNetworkReply::readyRead, this, &OandaPriceStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &OandaPriceStream::onFinished);
    m_watchdog.heard(); // a connection that never says anything is silent too
}

void OandaPriceStream::onReadyRead()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        // Read the error answer to its end (bounded); onFinished reports it.
        const QByteArray chunk = m_reply->readAll();
        m_errorBody += chunk.left(kMaxErrorBodyBytes - m_errorBody.size());
        return;
    }
    m_buffer += m_reply->readAll();
    qsizetype start = 0;
    for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n', start)) {
        const QByteArrayView line = QByteArrayView(m_buffer).sliced(start, end - start);
        start = end + 1;
        if (!line.trimmed().isEmpty())
            takeLine(line);
        if (!m_reply)
            return; // the line ended the connection
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > kMaxStreamLineBytes)
        drop(oe::make(oe::LineTooLong,
                      QStringLiteral("a pricing stream line grew past %1 bytes without ending").arg(kMaxStreamLineBytes),
                      QStringLiteral("the stream is reconnected; report it if it recurs")));
}

void OandaPriceStream::takeLine(QByteArrayView line)
{
    Result<StreamMessage> message = parseStreamLine(line);
    if (!message) {
        ++m_stats.badLines;
        log::net()->warn("OANDA pricing stream: line skipped: {}: {}", message.error().kind, message.error().message);
        return;
    }
    m_watchdog.heard();
    m_watchdog.resetBackoff();
    if (m_state != State::Live) {
        m_state = State::Live;
        ++m_stats.connects;
        log::net()->info("OANDA pricing stream live for {}", m_instruments.join(u',').toStdString());
        Q_EMIT wentLive(m_watchdog.lastHeardMs());
    }
    if (const auto* price = std::get_if<Price>(&*message)) {
        ++m_stats.prices;
        Q_EMIT priceReceived(*price);
    } else {
        ++m_stats.heartbeats;
    }
}

void OandaPriceStream::onFinished()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 0 && status != 200)
        return drop(oe::parseErrorBody(status, m_errorBody));
    if (m_reply->error() != QNetworkReply::NoError && m_reply->error() != QNetworkReply::OperationCanceledError)
        return drop(m_rest.streamError(m_reply));
    drop(oe::make(kStreamEnded, QStringLiteral("OANDA closed the pricing stream"),
                  QStringLiteral("it is reconnected; nothing to do unless it keeps happening")));
}

void OandaPriceStream::drop(const Error& reason)
{
    closeReply();
    ++m_stats.drops;
    m_state = State::Waiting;
    log::net()->warn("OANDA pricing stream dropped at {}: {}: {}; reconnecting in {} s", m_clock.now().toString(Qt::ISODateWithMs).toStdString(), reason.kind, reason.message, m_watchdog.backoff().count());
    const qint64 retryAtMs = m_watchdog.scheduleReconnect();
    Q_EMIT dropped(reason, retryAtMs);
}

void OandaPriceStream::closeReply()
{
    if (!m_reply)
        return;
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

} // namespace sentinel::oanda

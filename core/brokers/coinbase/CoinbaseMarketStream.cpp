// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseMarketStream.h"

#include "brokers/coinbase/CoinbaseError.h"
#include "common/Log.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

#include <algorithm>

namespace sentinel::coinbase {

namespace ce = coinbaseError;

namespace {

constexpr char16_t kStreamEnded[] = u"stream_ended";
constexpr char16_t kStreamSilent[] = u"stream_silent";
constexpr char16_t kNotSubscribed[] = u"not_subscribed";
constexpr char16_t kSequenceGap[] = u"sequence_gap";
constexpr char16_t kNetworkError[] = u"network_error";
constexpr char16_t kTlsError[] = u"tls_error";

const QString kReconnected = QStringLiteral("it is reconnected and resubscribed; bars meanwhile come from candles");

} // namespace

CoinbaseMarketStream::CoinbaseMarketStream(Clock& clock, QUrl url, QStringList productIds, QObject* parent)
    : QObject(parent),
      m_clock(clock),
      m_url(std::move(url)),
      m_productIds(std::move(productIds)),
      m_watchdog(clock, this, [this] { onSilent(); }, [this] { connectNow(); })
{
}

CoinbaseMarketStream::~CoinbaseMarketStream()
{
    stop();
}

QByteArray CoinbaseMarketStream::subscribeMessage(WsChannel channel, const QStringList& productIds)
{
    QJsonObject subscribe{{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("channel"), wsChannelName(channel)}};
    // Heartbeats belong to the connection, not to a product.
    if (channel != WsChannel::Heartbeats)
        subscribe.insert(QStringLiteral("product_ids"), QJsonArray::fromStringList(productIds));
    return QJsonDocument(subscribe).toJson(QJsonDocument::Compact);
}

void CoinbaseMarketStream::start()
{
    if (m_state != State::Stopped)
        return;
    connectNow();
}

void CoinbaseMarketStream::stop()
{
    m_watchdog.stop();
    closeSocket();
    m_state = State::Stopped;
}

void CoinbaseMarketStream::connectNow()
{
    m_state = State::Connecting;
    m_lastSequence.reset();
    m_socketOpen = false;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(kMaxWsMessageBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(kMaxWsMessageBytes));
    connect(m_socket, &QWebSocket::connected, this, &CoinbaseMarketStream::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &CoinbaseMarketStream::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this] {
        ++m_stats.badMessages; // the feed speaks JSON text only
    });
    connect(m_socket, &QWebSocket::disconnected, this, &CoinbaseMarketStream::onDisconnected);
    // Qt 6.5 renames the signal errorOccurred; 6.4 (Debian 12) has only this overload.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this](QAbstractSocket::SocketError) {
        if (m_socket)
            drop(connectionFailed());
    });
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        // Never ignored: the connection is dropped and tried again later.
        drop(ce::make(kTlsError,
                      QStringLiteral("the Coinbase market-data host's certificate was refused: %1")
                          .arg(errors.isEmpty() ? QStringLiteral("TLS error") : errors.constFirst().errorString()),
                      QStringLiteral("check the system's CA certificates and coinbase.ws_url")));
    });
    // Until the trades subscription is acknowledged only the opening counts as hearing: heartbeats
    // alone do not make a connection useful.
    m_watchdog.heard();
    m_socket->open(m_url);
}

void CoinbaseMarketStream::onConnected()
{
    m_socketOpen = true;
    // One channel a message; heartbeats first, so the trades subscription is never left without them.
    m_socket->sendTextMessage(QString::fromUtf8(subscribeMessage(WsChannel::Heartbeats, m_productIds)));
    m_socket->sendTextMessage(QString::fromUtf8(subscribeMessage(WsChannel::MarketTrades, m_productIds)));
}

void CoinbaseMarketStream::onTextMessage(const QString& text)
{
    Result<WsMessage> message = parseWsMessage(text.toUtf8());
    if (!message) {
        if (message.error().kind == ce::WsError)
            return drop(message.error());
        // Its sequence number is now missing, so the next message reads as a gap: what it
        // carried is lost either way.
        ++m_stats.badMessages;
        log::net()->warn("Coinbase market data: message skipped: {}: {}", message.error().kind, message.error().message);
        return;
    }
    take(*message);
}

void CoinbaseMarketStream::take(const WsMessage& message)
{
    ++m_stats.messages;
    if (!inSequence(message.sequenceNum))
        return;
    if (m_state == State::Live)
        m_watchdog.heard();
    if (const auto* acks = std::get_if<QList<WsSubscriptions>>(&message.events)) {
        const bool tradesSubscribed = std::any_of(acks->cbegin(), acks->cend(), [](const WsSubscriptions& ack) {
            return !ack.channels.value(wsChannelName(WsChannel::MarketTrades)).isEmpty();
        });
        if (tradesSubscribed)
            goLive();
    } else if (std::holds_alternative<QList<WsHeartbeat>>(message.events)) {
        ++m_stats.heartbeats;
    } else if (const auto* events = std::get_if<QList<WsEvent<WsTrade>>>(&message.events); events && m_state == State::Live) {
        // A message may list trades newest first. In trade-time order, a newer trade that opens
        // the next interval never closes a bar before the older trades of this one are in it.
        QList<WsTrade> trades;
        for (const WsEvent<WsTrade>& event : *events) {
            if (event.type == WsEventType::Update) // the snapshot repeats trades from before the subscription
                trades += event.items;
        }
        std::stable_sort(trades.begin(), trades.end(), [](const WsTrade& a, const WsTrade& b) { return a.time < b.time; });
        for (const WsTrade& trade : std::as_const(trades)) {
            ++m_stats.trades;
            Q_EMIT tradeReceived(trade);
        }
    }
}

bool CoinbaseMarketStream::inSequence(qint64 sequenceNum)
{
    const std::optional<qint64> last = m_lastSequence;
    if (last && sequenceNum <= *last)
        return false; // already read
    m_lastSequence = sequenceNum;
    if (!last || sequenceNum == *last + 1)
        return true;
    ++m_stats.gaps;
    drop(ce::make(kSequenceGap,
                  QStringLiteral("Coinbase market-data messages %1 to %2 never arrived").arg(*last + 1).arg(sequenceNum - 1),
                  kReconnected));
    return false;
}

void CoinbaseMarketStream::goLive()
{
    if (m_state == State::Live)
        return;
    m_state = State::Live;
    ++m_stats.connects;
    m_watchdog.heard();
    m_watchdog.resetBackoff();
    log::net()->info("Coinbase market data live for {}", m_productIds.join(u','));
    Q_EMIT wentLive(m_watchdog.lastHeardMs());
}

void CoinbaseMarketStream::onDisconnected()
{
    if (!m_socket)
        return;
    // Qt reports a refused or failed connection as a disconnection, sometimes before the error.
    if (!m_socketOpen)
        return drop(connectionFailed());
    const QString reason = m_socket->closeReason();
    drop(ce::make(kStreamEnded,
                  QStringLiteral("Coinbase closed the market-data connection (code %1%2)")
                      .arg(int(m_socket->closeCode()))
                      .arg(reason.isEmpty() ? QString() : QStringLiteral(": ") + reason.left(200)),
                  kReconnected));
}

Error CoinbaseMarketStream::connectionFailed() const
{
    return ce::make(kNetworkError, QStringLiteral("the Coinbase market-data connection failed: %1").arg(m_socket->errorString()),
                    kReconnected);
}

void CoinbaseMarketStream::onSilent()
{
    if (m_state == State::Live)
        return drop(ce::make(kStreamSilent,
                             QStringLiteral("no message and no heartbeat from Coinbase's market data for %1 s")
                                 .arg(StreamWatchdog::silenceLimit.count()),
                             kReconnected));
    drop(ce::make(kNotSubscribed,
                  QStringLiteral("Coinbase did not acknowledge the market_trades subscription within %1 s of connecting")
                      .arg(StreamWatchdog::silenceLimit.count()),
                  QStringLiteral("check coinbase.ws_url and the watchlist's product ids; it is tried again")));
}

void CoinbaseMarketStream::drop(const Error& reason)
{
    closeSocket();
    ++m_stats.drops;
    m_state = State::Waiting;
    log::net()->warn("Coinbase market data dropped at {}: {}: {}; reconnecting in {} s", m_clock.now().toString(Qt::ISODateWithMs),
                     reason.kind, reason.message, m_watchdog.backoff().count());
    const qint64 retryAtMs = m_watchdog.scheduleReconnect();
    Q_EMIT dropped(reason, retryAtMs);
}

void CoinbaseMarketStream::closeSocket()
{
    if (!m_socket)
        return;
    QWebSocket* socket = m_socket;
    m_socket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
}

} // namespace sentinel::coinbase

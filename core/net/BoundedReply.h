// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "net/NetLimits.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <optional>

class QNetworkReply;
class QTimer;

namespace sentinel::net {

/// Keeps one QNetworkReply within its Limits: a wall-clock timer aborts it at the deadline
/// (network time, not the Clock's market time: a simulated week must not abort a request,
/// and a server must not hold one open for ever), and the body is read as it arrives, so an
/// answer over the cap, announced by Content-Length or actually sent, is aborted before it
/// fills memory. Every network client sends through one of these (docs/adr/0104).
///
/// Owned by the reply (a child of it). Read the body with body(), never reply->readAll(): the
/// guard has already taken the bytes. After the reply's finished(), failure() says whether the
/// guard cut it off, and error() turns that into a typed Error.
///
/// Over HTTP/1.1 Qt holds at most readBufferBytes unread, so a server outrunning a busy thread
/// waits instead of filling memory. That needs the request body, if any, given as a QByteArray
/// (as every client sends it): a sequential upload device is buffered first and starts the
/// request later than the guard can tell Qt its read buffer size (docs/adr/0111).
class BoundedReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoundedReply)
public:
    enum class Failure { None, DeadlineExceeded, BodyTooLarge };
    /// The most body bytes Qt holds for the reply before the guard has read them.
    static constexpr qint64 readBufferBytes = qint64{64} * 1024;

    /// Starts watching `reply` (just sent). Returns the guard, owned by the reply.
    static BoundedReply* watch(QNetworkReply* reply, const Limits& limits);
    /// The guard of `reply`, or nullptr when it has none.
    [[nodiscard]] static BoundedReply* of(const QNetworkReply* reply);

    [[nodiscard]] Failure failure() const { return m_failure; }
    /// The body read so far (all of it once the reply finished without a failure).
    [[nodiscard]] const QByteArray& body() const { return m_body; }
    [[nodiscard]] const Limits& limits() const { return m_limits; }
    /// The failure as a typed error (`deadline_exceeded`, `body_too_large`) naming `where`
    /// (a URL safe to show); nullopt when the guard did not cut the reply off.
    [[nodiscard]] std::optional<Error> error(const QString& where) const;

private:
    BoundedReply(QNetworkReply* reply, const Limits& limits);
    void limitReadBuffer();
    void readAvailable();
    void checkAnnouncedLength();
    void cutOff(Failure failure);

    QPointer<QNetworkReply> m_reply;
    Limits m_limits;
    QTimer* m_deadline;
    QByteArray m_body;
    qint64 m_announced = -1;
    Failure m_failure = Failure::None;
};

} // namespace sentinel::net

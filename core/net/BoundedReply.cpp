// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/BoundedReply.h"

#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

namespace sentinel::net {

BoundedReply* BoundedReply::watch(QNetworkReply* reply, const Limits& limits)
{
    return new BoundedReply(reply, limits);
}

BoundedReply* BoundedReply::of(const QNetworkReply* reply)
{
    return reply ? reply->findChild<BoundedReply*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

BoundedReply::BoundedReply(QNetworkReply* reply, const Limits& limits)
    : QObject(reply), m_reply(reply), m_limits(limits), m_deadline(new QTimer(this))
{
    // Qt's own buffer stays small; the bytes are moved into m_body as they come. The size holds
    // Qt's HTTP thread back (it reads no more from the socket until we have read), but it reaches
    // that thread only through a connection the reply makes when its request starts: a reply with
    // an upload body starts one event-loop turn after post(), a redirect starts a new request. Set
    // only here, it is lost, and a busy thread finds the whole answer queued for it (docs/adr/0111),
    // so it is set again behind the start and behind each redirect's new request.
    reply->setReadBufferSize(readBufferBytes);
    QMetaObject::invokeMethod(this, &BoundedReply::limitReadBuffer, Qt::QueuedConnection);
    connect(reply, &QNetworkReply::redirected, this,
            [this] { QMetaObject::invokeMethod(this, &BoundedReply::limitReadBuffer, Qt::QueuedConnection); });
    m_deadline->setSingleShot(true);
    m_deadline->setTimerType(Qt::PreciseTimer);
    connect(m_deadline, &QTimer::timeout, this, [this] { cutOff(Failure::DeadlineExceeded); });
    m_deadline->start(std::max(m_limits.deadline, std::chrono::milliseconds(0)));
    connect(reply, &QNetworkReply::metaDataChanged, this, &BoundedReply::checkAnnouncedLength);
    connect(reply, &QNetworkReply::readyRead, this, &BoundedReply::readAvailable);
    // Connected before the client's own finished() handler, so the last bytes are in m_body.
    connect(reply, &QNetworkReply::finished, this, [this] {
        m_deadline->stop();
        // The channels also set Qt's transfer timeout to the deadline, and on a busy machine it
        // can fire before our timer: that abort is the deadline too, never a (partial) answer.
        const QNetworkReply::NetworkError error = m_reply->error();
        if (m_failure == Failure::None
            && (error == QNetworkReply::TimeoutError || error == QNetworkReply::OperationCanceledError)) {
            m_failure = Failure::DeadlineExceeded;
            m_body.clear();
            return;
        }
        if (m_failure == Failure::None)
            readAvailable();
    });
}

void BoundedReply::limitReadBuffer()
{
    if (m_reply && !m_reply->isFinished())
        m_reply->setReadBufferSize(readBufferBytes);
}

void BoundedReply::checkAnnouncedLength()
{
    if (!m_reply)
        return;
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (!length.isValid())
        return;
    m_announced = length.toLongLong();
    if (m_announced > m_limits.maxBodyBytes)
        cutOff(Failure::BodyTooLarge);
}

void BoundedReply::readAvailable()
{
    if (!m_reply || m_failure != Failure::None)
        return;
    const qint64 available = m_reply->bytesAvailable();
    if (available <= 0)
        return;
    if (m_body.size() + available > m_limits.maxBodyBytes) {
        cutOff(Failure::BodyTooLarge);
        return;
    }
    m_body += m_reply->read(available);
}

void BoundedReply::cutOff(Failure failure)
{
    if (m_failure != Failure::None || !m_reply || m_reply->isFinished())
        return;
    m_failure = failure;
    m_deadline->stop();
    m_body.clear();
    m_body.squeeze();
    // abort() emits finished() synchronously; the client's handler asks failure() then.
    m_reply->abort();
}

std::optional<Error> BoundedReply::error(const QString& where) const
{
    switch (m_failure) {
    case Failure::None:
        return std::nullopt;
    case Failure::DeadlineExceeded:
        return Error{QString::fromUtf16(DeadlineExceeded),
                     QStringLiteral("no complete answer from %1 within %2 ms").arg(where).arg(m_limits.deadline.count()),
                     QStringLiteral("the server is too slow or holds the connection open; retried later")};
    case Failure::BodyTooLarge:
        return Error{QString::fromUtf16(BodyTooLarge),
                     m_announced > m_limits.maxBodyBytes
                         ? QStringLiteral("the answer from %1 announced %2 bytes, more than the %3 accepted")
                               .arg(where)
                               .arg(m_announced)
                               .arg(m_limits.maxBodyBytes)
                         : QStringLiteral("the answer from %1 grew beyond the %2 bytes accepted")
                               .arg(where)
                               .arg(m_limits.maxBodyBytes),
                     QStringLiteral("check the service URL: no expected answer is this large")};
    }
    return std::nullopt;
}

} // namespace sentinel::net

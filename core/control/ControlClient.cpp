// SPDX-License-Identifier: GPL-3.0-or-later
#include "control/ControlClient.h"

#include <QDeadlineTimer>
#include <QLocalSocket>

namespace sentinel {

namespace {

Error make(const char16_t* kind, const QString& message, const QString& remedy = {})
{
    return Error{QString::fromUtf16(kind), message, remedy};
}

QString seconds(std::chrono::milliseconds timeout)
{
    return QString::number(std::chrono::duration<double>(timeout).count());
}

Error timedOut(std::chrono::milliseconds timeout, const char* stage)
{
    return make(
        controlClientError::Timeout,
        QStringLiteral("the engine did not answer within %1 s (%2)").arg(seconds(timeout), QLatin1String(stage)),
        QStringLiteral("it may be busy; try again, or give more time with --timeout"));
}

} // namespace

Result<ControlReply> ControlClient::send(const QString& serverName, const ControlRequest& request,
                                         std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    const auto remaining = [&deadline] { return int(qMax<qint64>(deadline.remainingTime(), 0)); };

    QLocalSocket socket;
    socket.connectToServer(serverName, QIODevice::ReadWrite);
    if (!socket.waitForConnected(remaining())) {
        switch (socket.error()) {
        case QLocalSocket::ServerNotFoundError:
        case QLocalSocket::ConnectionRefusedError:
            return make(
                controlClientError::NoEngine,
                QStringLiteral("no Trade Sentinel is serving this journal (nothing listens on %1)").arg(serverName),
                QStringLiteral("start the desktop app or `sentinel run` with this configuration"));
        case QLocalSocket::SocketTimeoutError:
            return timedOut(timeout, "connecting");
        default:
            return make(
                controlClientError::Failed,
                QStringLiteral("cannot connect to the control channel %1: %2").arg(serverName, socket.errorString()));
        }
    }

    const QByteArray line = request.toLine();
    socket.write(line);
    while (socket.bytesToWrite() > 0 && socket.state() == QLocalSocket::ConnectedState) {
        // A server that answers before reading (busy) may close first: its reply is read below.
        if (!socket.waitForBytesWritten(remaining())) {
            if (deadline.hasExpired())
                return timedOut(timeout, "sending");
            break;
        }
    }

    QByteArray reply;
    for (;;) {
        reply += socket.read(ControlReply::maxBytes + 1 - reply.size());
        if (reply.contains('\n') || reply.size() > ControlReply::maxBytes)
            break;
        if (socket.state() != QLocalSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        if (!socket.waitForReadyRead(remaining())) {
            if (socket.bytesAvailable() > 0)
                continue;
            if (deadline.hasExpired())
                return timedOut(timeout, "waiting for the reply");
            break; // closed: whatever came is all there is
        }
    }
    socket.abort();
    if (reply.isEmpty())
        return make(controlClientError::NoReply,
                    QStringLiteral("the engine closed the control connection without a reply"),
                    QStringLiteral("it may be shutting down; check with `sentinel control status`"));
    // A reply is one line: whatever came after its newline is not read.
    if (const qsizetype newline = reply.indexOf('\n'); newline >= 0)
        reply.truncate(newline + 1);
    return ControlReply::fromLine(reply);
}

} // namespace sentinel

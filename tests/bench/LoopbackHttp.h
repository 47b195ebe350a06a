// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Percentile.h"

#include <QByteArray>
#include <QList>

#include <algorithm>
#include <vector>

// The loopback benches' shared pieces. Their stand-ins answer HTTP/1.1 on a keep-alive socket with only what the clients under
// measurement need: whole requests taken off the socket's buffer, JSON answers written back.

namespace sentinel::bench {

struct LoopbackRequest {
    QByteArray path; ///< the request target, e.g. "/api/chat" or "/bot<token>/getUpdates"
    QByteArray body;
};

/// Takes every whole request (headers and a Content-Length body) off the front of `buffer`;
/// a partial one stays for the next read.
inline QList<LoopbackRequest> takeRequests(QByteArray& buffer)
{
    QList<LoopbackRequest> requests;
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return requests;
        const QByteArray head = buffer.left(headerEnd).toLower();
        const qsizetype lengthAt = head.indexOf("content-length:");
        const qsizetype length =
            lengthAt < 0 ? 0 : head.mid(lengthAt + 15, head.indexOf('\r', lengthAt) - lengthAt - 15).trimmed().toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return requests;
        requests.append(LoopbackRequest{buffer.left(buffer.indexOf('\r')).split(' ').value(1), buffer.mid(headerEnd + 4, length)});
        buffer.remove(0, headerEnd + 4 + length);
    }
}

/// A 200 answer carrying `body` as JSON.
inline QByteArray jsonAnswer(const QByteArray& body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
           + body;
}

} // namespace sentinel::bench

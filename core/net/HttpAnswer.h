// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "net/NetLimits.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkReply;
class QObject;

namespace sentinel::net {

/// An HTTP answer of any status, its body read within the request's Limits. An error status is
/// an answer too: the caller's parser decides what a 400 or a 429 means.
struct HttpAnswer {
    int status = 0;
    QByteArray body;
    QByteArray retryAfter; ///< the Retry-After header as sent; empty when absent
};

/// A URL a message or log line may show: scheme, host, port and path; never user info, query or
/// fragment (where credentials and tokens travel).
[[nodiscard]] QString shownUrl(const QUrl& url);

/// Logs `reply`'s TLS errors as they come; they are never ignored (Qt then fails the reply).
void logTlsErrors(QNetworkReply* reply);

/// The failure below HTTP of a finished `reply`, typed with the providers' spelling: `timeout`
/// (its BoundedReply's deadline), `body_too_large`, `tls_error`, `truncated_body` (fewer bytes
/// than announced) or `network_error`. For a reply without a BoundedReply too (a stream).
[[nodiscard]] Error transportError(const QNetworkReply* reply, const QString& settingsKey);

/// Keeps `reply` (just sent) within `limits` (net::BoundedReply), logs its TLS errors and never
/// ignores them (Qt then fails the reply), and runs `done` once, in `context`'s thread, when it
/// finished. Any HTTP status is an answer; below HTTP the failure is typed with the providers'
/// spelling: `timeout`, `network_error`, `tls_error`, `truncated_body`, `body_too_large`.
/// `settingsKey` ("oanda", "coinbase") names the configuration section the remedies point at.
/// The reply is deleted later. Shared by the brokers' REST clients (ADR 0117, ADR 0121).
void collectAnswer(QNetworkReply* reply, const Limits& limits, QObject* context, const QString& settingsKey,
                   std::function<void(const Result<HttpAnswer>&)> done);

} // namespace sentinel::net

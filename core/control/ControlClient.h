// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "control/ControlProtocol.h"

#include <QString>

#include <chrono>

namespace sentinel {

// How a conversation over the control channel can fail before a reply is read. A reply that
// came but is not one (bad JSON, ok:false without an error, ...) carries its controlError kind.
namespace controlClientError {
/// Nothing listens on this journal's channel: no socket file, or one nobody answers on.
inline constexpr char16_t NoEngine[] = u"control_no_engine";
/// Connected, but no whole reply within the time given.
inline constexpr char16_t Timeout[] = u"control_timeout";
/// The engine closed the connection without a whole reply (it stopped meanwhile).
inline constexpr char16_t NoReply[] = u"control_no_reply";
/// Anything else the local socket reports (no permission, ...).
inline constexpr char16_t Failed[] = u"control_failed";
} // namespace controlClientError

/// The command line's side of the control channel (ADR 0133): one request, one reply, with
/// blocking waits under one deadline. For `sentinel control`, which has nothing else to do
/// meanwhile; never for code in an event loop that serves anything (the engine, the UI).
class ControlClient final
{
public:
    /// Connects to `serverName` (ControlEndpoint::serverName), sends `request`, and reads the
    /// reply line, all within `timeout`. Errors: controlClientError::NoEngine when nobody is
    /// listening, Timeout, NoReply, Failed, or the controlError kind of a malformed reply.
    [[nodiscard]] static Result<ControlReply> send(const QString& serverName, const ControlRequest& request,
                                                   std::chrono::milliseconds timeout);
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>

namespace sentinel {

/// What `sentinel control` asks of the running engine (ADR 0133).
enum class ControlCommand { Status, Pause, Resume, Flatten, Kill };

/// "status", "pause", "resume", "flatten", "kill": the word on the command line and on the wire.
[[nodiscard]] QString controlCommandName(ControlCommand command);
/// The command a wire word names (exact, lower case), or nothing.
[[nodiscard]] std::optional<ControlCommand> controlCommandFromName(QStringView name);
/// Every command, in the order help texts list them.
[[nodiscard]] QList<ControlCommand> allControlCommands();
/// Flatten and kill close positions: sent with confirm:false they must not act. The engine
/// answers them refused, saying what it would close.
[[nodiscard]] bool controlCommandNeedsConfirmation(ControlCommand command);

// Error kinds of the control channel: what was wrong with a line read off it, or with a
// conversation over it (ControlClient).
namespace controlError {
inline constexpr char16_t TooLong[] = u"control_too_long";           ///< a line over its size cap
inline constexpr char16_t NoNewline[] = u"control_no_newline";       ///< bytes that never ended their line
inline constexpr char16_t TrailingData[] = u"control_trailing_data"; ///< more than one line
inline constexpr char16_t NotJson[] = u"control_not_json";
inline constexpr char16_t NotObject[] = u"control_not_object";
inline constexpr char16_t WrongVersion[] = u"control_wrong_version";
inline constexpr char16_t UnknownCommand[] = u"control_unknown_command";
inline constexpr char16_t MissingField[] = u"control_missing_field";
inline constexpr char16_t BadField[] = u"control_bad_field";         ///< a field of the wrong type or out of bounds
inline constexpr char16_t UnknownField[] = u"control_unknown_field"; ///< a request key this version does not have
/// A reply that is not what the protocol promises (ok:false without an error, ok with refused, a
/// status without its fields).
inline constexpr char16_t MalformedReply[] = u"control_malformed_reply";
} // namespace controlError

/// One request: a single line of JSON, `{"v":1,"command":"pause","who":"cli (alice)","confirm":false}`
/// and a newline, at most maxBytes in all. `who` is a label for the journal and the log, never
/// a credential: the socket's owner-only access is what decides who may send (ADR 0133).
struct ControlRequest {
    static constexpr int version = 1;
    static constexpr qsizetype maxBytes = 4096;    ///< the whole line, newline included
    static constexpr qsizetype maxWhoLength = 128; ///< characters

    ControlCommand command = ControlCommand::Status;
    QString who;          ///< "cli (alice)": 1 to maxWhoLength characters, no control characters
    bool confirm = false; ///< flatten and kill act only with confirm:true; absent reads as false

    /// The line as sent, newline included.
    [[nodiscard]] QByteArray toLine() const;

    /// Reads one request line, strictly: exactly one line ending in '\n' (an optional '\r'
    /// before it is JSON white space), at most maxBytes, a JSON object whose `v` is 1 (checked
    /// before anything else, so a later version is told apart from a typo), a known `command`, a
    /// `who`, an optional boolean `confirm`, and no other key. Every refusal is an Error of a
    /// controlError kind whose message names the field and whose remedy says what to send.
    [[nodiscard]] static Result<ControlRequest> fromLine(QByteArrayView line);

    friend bool operator==(const ControlRequest&, const ControlRequest&) = default;
};

/// One reply: a single line holding a JSON object with `ok`, `refused` (the engine declined:
/// already paused, a flatten not confirmed, ...), `error` (what is wrong and how to fix it; set
/// whenever ok is false) and the command's own fields (a status's state, paused, mode, pending,
/// positions; a refused flatten's would_close).
struct ControlReply {
    static constexpr qsizetype maxBytes = qsizetype(1024) * 1024; ///< the whole line: a status lists every position

    bool ok = false;
    bool refused = false;
    QString error;
    QJsonObject fields; ///< everything else; its "ok", "refused" and "error" keys are ignored

    /// The command was done (or, for status, answered).
    [[nodiscard]] static ControlReply done(const QJsonObject& fields = {});
    /// The engine declined; `reason` says why and what would make it act.
    [[nodiscard]] static ControlReply refusal(const QString& reason, const QJsonObject& fields = {});
    /// Something went wrong: the error's text with its remedy, and its kind as `error_kind`.
    [[nodiscard]] static ControlReply failure(const Error& error);

    [[nodiscard]] QJsonObject toJson() const;
    /// Compact JSON and a newline: JSON escapes every newline inside strings, so it is one line.
    [[nodiscard]] QByteArray toLine() const;

    /// Reads one reply line, as strictly as a request (maxBytes instead of 4 KiB): `ok` a
    /// boolean, `refused` and `error` of their types when present, an error whenever ok is
    /// false, and never ok and refused together.
    [[nodiscard]] static Result<ControlReply> fromLine(QByteArrayView line);

    friend bool operator==(const ControlReply&, const ControlReply&) = default;
};

// The fields a status reply carries (ADR 0133); `sentinel control status` checks them.
namespace controlStatus {
inline constexpr char16_t State[] = u"state";         ///< string: "running", "starting", "stopping", ...
inline constexpr char16_t Paused[] = u"paused";       ///< boolean
inline constexpr char16_t Mode[] = u"mode";           ///< string: "approval", "signal-only", "autonomous"
inline constexpr char16_t Pending[] = u"pending";     ///< whole number >= 0: proposals awaiting a decision
inline constexpr char16_t Positions[] = u"positions"; ///< array of open positions
} // namespace controlStatus

/// Whether an ok reply to `status` carries the status fields with their types; a
/// control_malformed_reply Error naming the first field that is missing or of the wrong type.
[[nodiscard]] Status checkStatusReply(const ControlReply& reply);

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::ControlRequest)
Q_DECLARE_METATYPE(sentinel::ControlReply)

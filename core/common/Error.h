// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cassert>
#include <utility>
#include <variant>

namespace sentinel {

/// A failure as a value: a stable machine-readable kind, a message that names what is wrong,
/// and a remedy that says how to fix it. Shown to users as is (CLI JSON, outbox, journal,
/// /healthz, UI), so it never holds a secret: making one passes message and remedy through the
/// Redactor, which masks every registered secret and every credential-shaped text (URL user
/// info, bot tokens, apikey=/token= values) before the text exists anywhere else (ADR 0103).
struct Error {
    QString kind;     ///< stable code, e.g. "rate_limited", "parse_error", "invalid_config"
    QString message;  ///< what is wrong, in a sentence
    QString remedy;   ///< what to do about it (may be empty)

    Error() = default;
    Error(QString kind, const QString& message, const QString& remedy = {}); // NOLINT(google-explicit-constructor)

    [[nodiscard]] QString toString() const
    {
        return remedy.isEmpty() ? message : message + u" (" + remedy + u')';
    }
};

/// Either a value or an Error. A small stand-in for std::expected (C++23).
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}            // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::move(error)) {}        // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T& value() const& { assert(ok()); return std::get<T>(m_data); }
    [[nodiscard]] T& value() & { assert(ok()); return std::get<T>(m_data); }
    [[nodiscard]] T&& value() && { assert(ok()); return std::get<T>(std::move(m_data)); }
    [[nodiscard]] const Error& error() const { assert(!ok()); return std::get<Error>(m_data); }

    const T* operator->() const { return &value(); }
    const T& operator*() const { return value(); }

private:
    std::variant<T, Error> m_data;
};

/// Result for operations that produce nothing but may fail.
struct Unit {};
using Status = Result<Unit>;
inline Status okStatus() { return Unit{}; }

} // namespace sentinel

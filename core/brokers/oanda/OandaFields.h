// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <utility>

// How the OANDA parsers read a body and its members: every error names the member by its path
// in the body ("candles[3].mid.h") and says what is wrong with it (ADR 0112).

namespace sentinel::oanda {

/// The body as a JSON object, or the typed error of what it is instead (common/JsonBody.h).
[[nodiscard]] Result<QJsonObject> readObjectBody(const QByteArray& body);

/// OANDA's instants: RFC 3339 UTC with up to nine fractional digits
/// ("2016-10-17T19:35:00.000000000Z"), or UNIX seconds as text ("1478012400.000000000") when
/// the request asked for them. Kept to the millisecond; nothing else is an instant.
[[nodiscard]] std::optional<QDateTime> parseOandaTime(QStringView text);

class FieldReader;

/// The root of an answer that should carry `key`; an error answer ({"errorMessage": ...}) in its
/// place is that error (brokers/oanda/OandaErrors.h), with no HTTP status known.
[[nodiscard]] Result<FieldReader> readAnswer(const QByteArray& body, QStringView key);

/// Reads the members of one JSON object at `path` in the body.
class FieldReader
{
public:
    FieldReader(QJsonObject object, QString path);

    [[nodiscard]] const QJsonObject& object() const { return m_object; }
    [[nodiscard]] bool has(QStringView key) const;
    /// "candles[3].mid.h"
    [[nodiscard]] QString pathOf(QStringView key) const;

    /// A non-empty string.
    [[nodiscard]] Result<QString> text(QStringView key) const;
    /// A string, or empty when the member is absent.
    [[nodiscard]] Result<QString> optionalText(QStringView key) const;
    /// A decimal written as a string ("1.05563"), parsed exactly (brokers/oanda/OandaDecimal.h).
    [[nodiscard]] Result<double> decimal(QStringView key) const;
    [[nodiscard]] Result<std::optional<double>> optionalDecimal(QStringView key) const;
    /// A count: a whole JSON number, or a whole decimal string, from 0 up to 2^53.
    [[nodiscard]] Result<qint64> count(QStringView key) const;
    [[nodiscard]] Result<bool> boolean(QStringView key) const;
    [[nodiscard]] Result<QDateTime> time(QStringView key) const;
    [[nodiscard]] Result<FieldReader> child(QStringView key) const;
    [[nodiscard]] Result<QJsonArray> array(QStringView key) const;
    /// Element `index` of the array member `key` (as array() returned it), which must be an object.
    [[nodiscard]] Result<FieldReader> element(QStringView key, const QJsonArray& array, qsizetype index) const;

    [[nodiscard]] Error missing(QStringView key) const;
    [[nodiscard]] Error invalid(QStringView key, const QString& what) const;

private:
    /// The member as a string; absent or of another type is the error, `expected` naming the type.
    [[nodiscard]] Result<QString> string(QStringView key, const char* expected) const;

    QJsonObject m_object;
    QString m_path;
};

/// Stores what a reader read in `target`, or passes its error on:
/// `if (auto read = store(reader.text(u"id"), answer.id); !read) return read.error();`
template <typename T, typename Target>
[[nodiscard]] Status store(Result<T> read, Target& target)
{
    if (!read)
        return read.error();
    target = std::move(read).value();
    return okStatus();
}

} // namespace sentinel::oanda

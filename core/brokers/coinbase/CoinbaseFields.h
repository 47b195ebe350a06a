// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/coinbase/CoinbaseDecimal.h"
#include "common/Error.h"
#include "common/Side.h"
#include "market/TimeText.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// How the Coinbase parsers read bodies and fields; shared by the per-endpoint files, not part of
// the module's public API.

namespace sentinel::coinbase {

/// Bodies of the REST answers this module reads: far above any real one (350 candles are ~35 KiB,
/// a page of orders ~1 MiB), far below what would hurt.
inline constexpr qsizetype kMaxRestBodyBytes = qsizetype{4} * 1024 * 1024;

/// The body as a JSON object, or the typed error for a body that is too large, not JSON, or not
/// an object. `what` names the answer in messages ("the candles answer").
[[nodiscard]] Result<QJsonObject> parseObjectBody(const QByteArray& body, qsizetype maxBytes, const QString& what);

/// Reads the fields of one JSON object and keeps the first problem. Every getter returns a
/// default value once a problem is recorded, so a reader reads all fields and then checks
/// error() once. Messages name the field by path: `where` + "." + name ("orders[2].side").
class FieldReader
{
public:
    FieldReader(const QJsonObject& object, QString where) : m_object(object), m_where(std::move(where)) {}

    /// A string that must be present (it may be empty).
    [[nodiscard]] QString string(QStringView name);
    /// A string that may be absent or null (empty then).
    [[nodiscard]] QString optionalString(QStringView name);
    /// A decimal string (CoinbaseDecimal.h).
    [[nodiscard]] Decimal decimal(QStringView name);
    /// A decimal string that may be absent, null or "" (nullopt then).
    [[nodiscard]] std::optional<Decimal> optionalDecimal(QStringView name);
    /// An RFC 3339 instant, UTC.
    [[nodiscard]] QDateTime time(QStringView name);
    /// An instant that may be absent, null or "" (invalid then).
    [[nodiscard]] QDateTime optionalTime(QStringView name);
    /// Unix seconds written as a string of digits ("1712192400").
    [[nodiscard]] qint64 unixSeconds(QStringView name);
    /// A non-negative integer, as a JSON number or a string of digits (Coinbase writes some
    /// counters both ways).
    [[nodiscard]] qint64 counter(QStringView name);
    [[nodiscard]] bool boolean(QStringView name);
    /// A boolean that may be absent or null (false then).
    [[nodiscard]] bool optionalBoolean(QStringView name);
    /// "BUY" or "SELL".
    [[nodiscard]] Side side(QStringView name);
    [[nodiscard]] QJsonArray array(QStringView name);
    [[nodiscard]] QJsonObject object(QStringView name);

    [[nodiscard]] bool ok() const { return !m_error.has_value(); }
    [[nodiscard]] const Error& error() const { return *m_error; }
    [[nodiscard]] QString path(QStringView name) const { return m_where + u'.' + name; }
    /// The object's own path ("candles[3]").
    [[nodiscard]] const QString& where() const { return m_where; }
    /// Records a problem found by the caller (only the first one is kept).
    void fail(Error error);

private:
    /// The member when present and of the type; records missing_field / wrong_type otherwise.
    [[nodiscard]] std::optional<QJsonValue> member(QStringView name, QJsonValue::Type type, bool required);
    /// `text` of field `name` as a decimal; records the problem.
    [[nodiscard]] std::optional<Decimal> toDecimal(QStringView name, const QString& text);

    QJsonObject m_object;
    QString m_where;
    std::optional<Error> m_error;
};

/// The wrong_type error for an array element that is not an object.
[[nodiscard]] Error notAnObject(const QString& path);

/// Reads every element of `array` as an object named `where`[i] with `read(FieldReader&)`, which
/// returns the item; stops at the first problem, which `reader` then holds.
template <typename Item, typename Read>
[[nodiscard]] QList<Item> readEach(FieldReader& reader, const QJsonArray& array, const QString& where, Read read)
{
    QList<Item> items;
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size() && reader.ok(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(where).arg(i);
        if (!array.at(i).isObject()) {
            reader.fail(notAnObject(path));
            break;
        }
        FieldReader itemReader(array.at(i).toObject(), path);
        Item item = read(itemReader);
        if (!itemReader.ok())
            reader.fail(itemReader.error());
        items.append(std::move(item));
    }
    return items;
}

} // namespace sentinel::coinbase

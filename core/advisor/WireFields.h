// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/ProviderKind.h"
#include "common/Error.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

// How the advisor's wire parsers read a server's body and its members: every problem is
// advisor_unexpected_shape naming the member by its path ("models[1].size"). Shared by the
// per-endpoint files; not part of the module's API.

namespace sentinel::advisor {

/// The body as a JSON object, or the typed error of what it is instead: over `maxBytes`
/// (advisor_response_too_large, unread), not JSON (common/JsonBody.h), a key given twice in one
/// object, or not an object (advisor_unexpected_shape). `what` names the answer ("the /api/tags answer").
[[nodiscard]] Result<QJsonObject> readWireObject(QByteArrayView body, qsizetype maxBytes, ProviderKind provider,
                                                 const QString& what);

/// Reads the members of one JSON object and keeps the first problem, shared with every reader
/// made from it by child() and element(): read all members, then check ok() once. After a
/// problem, getters return empty values.
class WireFields
{
public:
    WireFields(QJsonObject object, ProviderKind provider);

    [[nodiscard]] const QJsonObject& object() const { return m_object; }
    [[nodiscard]] bool has(QStringView key) const { return m_object.contains(key); }
    /// "models[1].details.family"
    [[nodiscard]] QString pathOf(QStringView key) const;

    /// A string, which must be present and not empty.
    [[nodiscard]] QString text(QStringView key);
    /// A string, which must be present but may be empty.
    [[nodiscard]] QString string(QStringView key);
    /// A string that may be absent or null (empty then).
    [[nodiscard]] QString optionalString(QStringView key);
    /// A whole JSON number from 0 to 2^53 (counts, bytes, nanoseconds).
    [[nodiscard]] qint64 count(QStringView key);
    /// The same, absent or null meaning none.
    [[nodiscard]] std::optional<qint64> optionalCount(QStringView key);
    [[nodiscard]] bool boolean(QStringView key);
    /// An RFC 3339 instant with `Z` or an offset, in UTC; absent or null is an invalid QDateTime.
    [[nodiscard]] QDateTime optionalTime(QStringView key);
    /// An object member, read by a reader that shares this one's problem.
    [[nodiscard]] WireFields child(QStringView key);
    /// The same, absent or null meaning none.
    [[nodiscard]] std::optional<WireFields> optionalChild(QStringView key);
    /// An array member; with `nullIsEmpty`, a JSON null (Go's empty slice) is an empty array.
    [[nodiscard]] QJsonArray array(QStringView key, bool nullIsEmpty = false);
    /// Element `index` of the array member `key` (as array() returned it), which must be an object.
    [[nodiscard]] WireFields element(QStringView key, const QJsonArray& array, qsizetype index);

    /// Records a problem with member `key` (only the first problem is kept).
    void invalid(QStringView key, const QString& what);
    [[nodiscard]] bool ok() const { return !m_problem->has_value(); }
    [[nodiscard]] const Error& error() const { return **m_problem; }

private:
    WireFields(QJsonObject object, QString path, ProviderKind provider, std::shared_ptr<std::optional<Error>> problem);
    /// The member when present and of `type`; records the problem otherwise. Absent (and null,
    /// with `nullIsAbsent`) is a problem only when `required`.
    [[nodiscard]] std::optional<QJsonValue> member(QStringView key, QJsonValue::Type type, bool required, bool nullIsAbsent);
    void fail(const QString& message);

    QJsonObject m_object;
    QString m_path;
    ProviderKind m_provider;
    std::shared_ptr<std::optional<Error>> m_problem;
};

} // namespace sentinel::advisor

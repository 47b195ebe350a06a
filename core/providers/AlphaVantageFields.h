// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "providers/DataQuality.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

// How the Alpha Vantage parser (providers/AlphaVantageParser.h) reads names, numbers, times and
// metadata; shared by its per-endpoint files, not part of the public provider API.

namespace sentinel {
namespace alphaVantage {

// ---- names ---------------------------------------------------------------------------------
// Alpha Vantage numbers its fields ("1. open", "1a. open (USD)", "01. symbol", "1: Symbol") and
// the numbering changed over the years; the words did not. Match on words.

struct FieldName {
    QString name; ///< lower-case words, underscores as spaces: "open", "from currency code"
    QString unit; ///< text in trailing parentheses, upper-case: "USD"; empty when none
};

[[nodiscard]] FieldName splitFieldName(const QString& key);
/// The value of the first member whose name (without numbering) is `name`.
[[nodiscard]] QJsonValue findField(const QJsonObject& object, QStringView name);
/// That value as trimmed text; a JSON number is written out in full.
[[nodiscard]] QString findText(const QJsonObject& object, QStringView name);

// ---- numbers -------------------------------------------------------------------------------
// Numbers arrive as strings ("121.7900", "0.5100%") or as JSON numbers.

enum class NumberProblem { None, Missing, NotANumber };

struct Number {
    double value = 0;
    NumberProblem problem = NumberProblem::None;
};

[[nodiscard]] Number readNumber(const QJsonValue& value, bool allowPercent = false);
/// The named field when it is a finite number above zero.
[[nodiscard]] std::optional<double> optionalPositive(const QJsonObject& object, QStringView name);
/// The named field when it is a finite number (a trailing '%' allowed when `percent`).
[[nodiscard]] std::optional<double> optionalFinite(const QJsonObject& object, QStringView name,
                                                   bool percent = false);

// ---- time ----------------------------------------------------------------------------------
// The metadata names the zone; bars are labelled in local wall time, with or without seconds,
// or as dates only.

[[nodiscard]] std::optional<QTimeZone> zoneNamed(const QString& name);

struct Timestamp {
    QDateTime utc;
    bool dateOnly = false;
    QString problem; ///< rule code when the text is no valid instant
    QString detail;
};

[[nodiscard]] Timestamp readTimestamp(const QString& text, const QTimeZone& zone);
/// 09:30–16:00 America/New_York, Monday to Friday.
[[nodiscard]] bool isNyseRegularHours(const QDateTime& utc);

// ---- duplicate keys ------------------------------------------------------------------------
// QJsonObject keeps one value per key and sorts keys, so it hides both a duplicated timestamp
// and the order rows came in.

/// Reads the raw text of a well-formed body and lists, for each object directly under the root,
/// its keys in document order (duplicates included).
[[nodiscard]] QHash<QString, QStringList> keysInDocumentOrder(const QByteArray& body);
/// How often each key appears; a key missing from the scan counts as appearing once.
[[nodiscard]] QHash<QString, int> countOccurrences(const QStringList& keysInOrder);

// ---- rows and metadata ---------------------------------------------------------------------

[[nodiscard]] DataQualityIssue rowIssue(const QString& row, const QString& rule, const QString& message);
/// A timestamp the body lists `occurrences` times: the JSON reader kept only one of the values,
/// so none of them can be trusted.
[[nodiscard]] DataQualityIssue duplicateKeyIssue(const QString& row, int occurrences);

/// The "Meta Data" object of a series response.
struct Meta {
    QJsonObject object;
    [[nodiscard]] QString text(QStringView name) const { return findText(object, name); }
};

/// Chooses a zone: the metadata's, else `fallback` (the function's documented default) with an
/// issue. `zoneName` receives the name chosen.
[[nodiscard]] Result<QTimeZone> zoneFromMeta(const Meta& meta, const QString& fallback, QString& zoneName,
                                             QList<DataQualityIssue>& issues);

} // namespace alphaVantage
} // namespace sentinel

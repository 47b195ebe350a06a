// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QString>
#include <QStringView>

namespace sentinel::advisor {

/// An Ollama model name as the advisor sends it: `[host[:port]/][namespace/]model:tag`, with the
/// tag `latest` when none is written ("llama3.2" is "llama3.2:latest", as Ollama itself reads it).
/// Parts are ASCII letters, digits, '.', '_' and '-'; whitespace, control characters, other
/// characters, empty parts, ".." and a ':' with no tag are refused (advisor_invalid_model_name),
/// so a configured name can only ever be a name (ADR 0114).
class ModelName
{
public:
    /// The longest name accepted.
    static constexpr qsizetype maxChars = 256;

    [[nodiscard]] static Result<ModelName> parse(QStringView text);

    /// "llama3.2:latest"
    [[nodiscard]] const QString& full() const { return m_full; }
    /// "llama3.2"
    [[nodiscard]] QString base() const { return m_full.left(m_tagColon); }
    /// "latest"
    [[nodiscard]] QString tag() const { return m_full.mid(m_tagColon + 1); }
    /// Whether `listed` (a name from /api/tags or /api/ps) is this model: both read the same way,
    /// compared without regard to case, as Ollama compares them. A name that is no valid model
    /// name matches nothing.
    [[nodiscard]] bool matches(QStringView listed) const;

    friend bool operator==(const ModelName&, const ModelName&) = default;

private:
    ModelName(QString full, qsizetype tagColon) : m_full(std::move(full)), m_tagColon(tagColon) {}

    QString m_full;
    qsizetype m_tagColon = 0;
};

} // namespace sentinel::advisor

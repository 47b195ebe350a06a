// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the config module: it exposes yaml-cpp, which sentinel_core links privately.

#include "common/Excerpt.h"
#include "common/Issue.h"
#include "common/Secret.h"
#include "config/ConfigLoader.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <initializer_list>
#include <string>
#include <utility>

namespace sentinel {

[[nodiscard]] inline QString fromYaml(const std::string& text)
{
    return QString::fromStdString(text);
}

/// "telegram" + "chat_id" → "telegram.chat_id"; at the top level the key alone.
[[nodiscard]] inline QString joinKeyPath(const QString& path, const QString& key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}

/// Reads typed values out of YAML maps and reports each problem as an Issue with its key path,
/// its line and a remedy. A value that is missing or wrong leaves the target untouched, so the
/// Config keeps its default and the walk goes on: the user sees every problem at once.
class SchemaReader final
{
public:
    SchemaReader(Issues& issues, const EnvironmentLookup& environment, MissingSecretRemedy missingSecretRemedy = {});

    void error(const QString& path, const YAML::Node& node, const QString& message, const QString& remedy = {});
    void warning(const QString& path, const YAML::Node& node, const QString& message, const QString& remedy = {});

    /// True when `node` is a map (false when absent); reports keys outside `allowed`.
    bool checkMap(const YAML::Node& node, const QString& path, std::initializer_list<const char*> allowed);

    void readBool(const YAML::Node& map, const QString& path, const char* key, bool& out);
    void readInt(const YAML::Node& map, const QString& path, const char* key, int& out, int min, int max);
    /// A finite number in [min, max] (or (min, max] when minExclusive).
    void readDouble(const YAML::Node& map, const QString& path, const char* key, double& out, double min, double max,
                    bool minExclusive = false, bool maxExclusive = false);
    /// True when the key holds a single value (then in `out`).
    bool readString(const YAML::Node& map, const QString& path, const char* key, QString& out);
    void readDuration(const YAML::Node& map, const QString& path, const char* key, std::chrono::seconds& out);
    /// A whole number of seconds from 1 to `max`.
    void readSeconds(const YAML::Node& map, const QString& path, const char* key, std::chrono::seconds& out, int max);
    /// An https:// URL, or http:// to a loopback host.
    void readUrl(const YAML::Node& map, const QString& path, const char* key, QUrl& out);
    /// A wss:// URL, or ws:// to a loopback host.
    void readWebSocketUrl(const YAML::Node& map, const QString& path, const char* key, QUrl& out);
    /// A `${NAME}` reference or a value in clear. A secret shorter than minimumSecretLength is
    /// refused: the Redactor could not mask it without mangling ordinary words (ADR 0103).
    void readSecret(const YAML::Node& map, const QString& path, const char* key, Secret& out, bool required,
                    const QString& suggestedVariable);
    /// The remedy for the required secret at `where` when it is missing: when the file refers to
    /// it as a `${NAME}` that did not resolve, what to do about NAME (ConfigLoadOptions::
    /// missingSecretRemedy, which may say whether the keychain was reachable); else `otherwise`.
    [[nodiscard]] QString missingSecretRemedy(const QString& where, const QString& otherwise) const;
    /// An error naming `where` (never the value) when `value` is too short to be a secret.
    bool refuseShortSecret(const QString& where, const YAML::Node& node, const QString& value,
                           const QString& variable);

    static constexpr int minimumSecretLength = 8;

    /// One of a fixed set of names, each mapped to an enum value.
    template <typename Enum>
    void readChoice(const YAML::Node& map, const QString& path, const char* key, Enum& out,
                    std::initializer_list<std::pair<const char*, Enum>> choices)
    {
        QString text;
        if (!readString(map, path, key, text))
            return;
        QStringList names;
        for (const auto& [name, value] : choices) {
            if (text == QLatin1String(name)) {
                out = value;
                return;
            }
            names << QString::fromLatin1(name);
        }
        error(joinKeyPath(path, QString::fromLatin1(key)), map[key], QStringLiteral("unknown value '%1'").arg(excerpt(text)),
              QStringLiteral("use one of: %1").arg(names.join(u", ")));
    }

    /// A secret written in clear rather than as a `${NAME}` reference; the loader warns about
    /// these only once it knows whether the file is readable by others.
    struct ClearSecret {
        QString path;
        int line;
        QString variable;
    };
    [[nodiscard]] const QList<ClearSecret>& clearSecrets() const { return m_clearSecrets; }
    [[nodiscard]] const Issues& issues() const { return m_issues; }

private:
    void readUrlWithSchemes(const YAML::Node& map, const QString& path, const char* key, QUrl& out, QStringView secure,
                            QStringView plain);
    void add(Issue::Severity severity, const QString& path, const YAML::Node& node, const QString& message,
             const QString& remedy);

    Issues& m_issues;
    const EnvironmentLookup& m_environment;
    MissingSecretRemedy m_missingSecretRemedy;
    QHash<QString, QString> m_unresolvedReferences; ///< key path → NAME of a `${NAME}` nothing provided
    QList<ClearSecret> m_clearSecrets;
};

} // namespace sentinel

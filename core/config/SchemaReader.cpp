// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/SchemaReader.h"

#include "common/Excerpt.h"
#include "config/Duration.h"
#include "config/KeySuggestion.h"
#include "config/SecretReference.h"

#include <cmath>
#include <utility>

namespace sentinel {

namespace {

bool present(const YAML::Node& node)
{
    return node.IsDefined() && !node.IsNull();
}

QString wrongType(const YAML::Node& node, const QString& expected)
{
    if (node.IsScalar())
        return QStringLiteral("'%1' is not %2").arg(excerpt(fromYaml(node.Scalar())), expected);
    return QStringLiteral("must be %1, not a %2")
        .arg(expected, node.IsMap() ? QStringLiteral("mapping") : QStringLiteral("list"));
}

} // namespace

SchemaReader::SchemaReader(Issues& issues, const EnvironmentLookup& environment, MissingSecretRemedy missingSecretRemedy)
    : m_issues(issues), m_environment(environment), m_missingSecretRemedy(std::move(missingSecretRemedy))
{
}

void SchemaReader::error(const QString& path, const YAML::Node& node, const QString& message, const QString& remedy)
{
    add(Issue::Severity::Error, path, node, message, remedy);
}

void SchemaReader::warning(const QString& path, const YAML::Node& node, const QString& message, const QString& remedy)
{
    add(Issue::Severity::Warning, path, node, message, remedy);
}

bool SchemaReader::checkMap(const YAML::Node& node, const QString& path, std::initializer_list<const char*> allowed)
{
    if (!node.IsDefined() || node.IsNull())
        return false;
    if (!node.IsMap()) {
        error(path, node, QStringLiteral("must be a mapping of keys to values"),
              QStringLiteral("write it as `key: value` lines indented under '%1:'").arg(path));
        return false;
    }
    QStringList names;
    for (const char* candidate : allowed)
        names << QString::fromLatin1(candidate);
    for (auto it = node.begin(); it != node.end(); ++it) {
        // A `? [a, b]` key, a null key or "" has no name to put in a key path; without this the
        // issue would carry an empty location.
        if (!it->first.IsScalar() || it->first.Scalar().empty()) {
            error(path.isEmpty() ? QStringLiteral("(file)") : path, it->first,
                  QStringLiteral("a key must be a name, not empty, null, a list or a mapping"),
                  QStringLiteral("write each setting as `name: value`; known keys here: %1").arg(names.join(u", ")));
            continue;
        }
        const QString key = fromYaml(it->first.Scalar());
        if (names.contains(key))
            continue;
        const QString suggestion = suggestKey(key, names);
        error(joinKeyPath(path, key), it->first, QStringLiteral("unknown key '%1'").arg(excerpt(key)),
              suggestion.isEmpty() ? QStringLiteral("remove it; known keys here: %1").arg(names.join(u", "))
                                   : QStringLiteral("did you mean '%1'?").arg(suggestion));
    }
    return true;
}

void SchemaReader::readBool(const YAML::Node& map, const QString& path, const char* key, bool& out)
{
    const YAML::Node node = map[key];
    if (!present(node))
        return;
    bool value = false;
    if (node.IsScalar() && YAML::convert<bool>::decode(node, value))
        out = value;
    else
        error(joinKeyPath(path, QString::fromLatin1(key)), node, wrongType(node, QStringLiteral("true or false")),
              QStringLiteral("write true or false"));
}

void SchemaReader::readInt(const YAML::Node& map, const QString& path, const char* key, int& out, int min, int max)
{
    const YAML::Node node = map[key];
    if (!present(node))
        return;
    const QString where = joinKeyPath(path, QString::fromLatin1(key));
    long long value = 0;
    if (!node.IsScalar() || !YAML::convert<long long>::decode(node, value)) {
        error(where, node, wrongType(node, QStringLiteral("a whole number")),
              QStringLiteral("write a whole number from %1 to %2").arg(min).arg(max));
        return;
    }
    if (value < min || value > max) {
        error(where, node, QStringLiteral("%1 is out of range").arg(value),
              QStringLiteral("use a whole number from %1 to %2").arg(min).arg(max));
        return;
    }
    out = int(value);
}

void SchemaReader::readDouble(const YAML::Node& map, const QString& path, const char* key, double& out, double min,
                              double max, bool minExclusive, bool maxExclusive)
{
    const YAML::Node node = map[key];
    if (!present(node))
        return;
    const QString where = joinKeyPath(path, QString::fromLatin1(key));
    double value = 0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || !std::isfinite(value)) {
        error(where, node, wrongType(node, QStringLiteral("a finite number")),
              QStringLiteral("write a number such as %1").arg(out));
        return;
    }
    const bool tooLow = minExclusive ? value <= min : value < min;
    const bool tooHigh = maxExclusive ? value >= max : value > max;
    if (tooLow || tooHigh) {
        error(where, node, QStringLiteral("%1 is out of range").arg(value),
              QStringLiteral("use a number %1 %2 and %3 %4")
                  .arg(minExclusive ? QStringLiteral("above") : QStringLiteral("from"))
                  .arg(min)
                  .arg(maxExclusive ? QStringLiteral("below") : QStringLiteral("up to"))
                  .arg(max));
        return;
    }
    out = value;
}

bool SchemaReader::readString(const YAML::Node& map, const QString& path, const char* key, QString& out)
{
    const YAML::Node node = map[key];
    if (!present(node))
        return false;
    if (!node.IsScalar()) {
        error(joinKeyPath(path, QString::fromLatin1(key)), node, wrongType(node, QStringLiteral("text")),
              QStringLiteral("write a single value, quoted if it contains ':' or '#'"));
        return false;
    }
    out = fromYaml(node.Scalar());
    return true;
}

void SchemaReader::readDuration(const YAML::Node& map, const QString& path, const char* key, std::chrono::seconds& out)
{
    const YAML::Node node = map[key];
    if (!present(node))
        return;
    const QString where = joinKeyPath(path, QString::fromLatin1(key));
    const auto parsed = node.IsScalar() ? parseDuration(fromYaml(node.Scalar())) : std::nullopt;
    if (!parsed || parsed->count() <= 0) {
        error(where, node,
              QStringLiteral("'%1' is not a duration")
                  .arg(node.IsScalar() ? excerpt(fromYaml(node.Scalar())) : QStringLiteral("?")),
              QStringLiteral("write a positive number with a unit: 30s, 5m, 2h or 1d"));
        return;
    }
    out = std::chrono::duration_cast<std::chrono::seconds>(*parsed);
    if (out.count() == 0)
        error(where, node, QStringLiteral("must be at least one second"), QStringLiteral("write 1s or more"));
}

void SchemaReader::readSeconds(const YAML::Node& map, const QString& path, const char* key, std::chrono::seconds& out,
                               int max)
{
    int value = int(out.count());
    const int before = value;
    readInt(map, path, key, value, 1, max);
    if (value != before)
        out = std::chrono::seconds(value);
}

// https only; plain http only for loopback hosts (tests, local relays), so a token is never sent in
// clear over a network.
void SchemaReader::readUrl(const YAML::Node& map, const QString& path, const char* key, QUrl& out)
{
    readUrlWithSchemes(map, path, key, out, u"https", u"http");
}

void SchemaReader::readWebSocketUrl(const YAML::Node& map, const QString& path, const char* key, QUrl& out)
{
    readUrlWithSchemes(map, path, key, out, u"wss", u"ws");
}

void SchemaReader::readUrlWithSchemes(const YAML::Node& map, const QString& path, const char* key, QUrl& out,
                                      QStringView secure, QStringView plain)
{
    QString text;
    if (!readString(map, path, key, text))
        return;
    const QString where = joinKeyPath(path, QString::fromLatin1(key));
    if (text.isEmpty()) {
        out = QUrl();
        return;
    }
    const QUrl url(text, QUrl::StrictMode);
    const bool loopback = url.host() == u"127.0.0.1" || url.host() == u"localhost" || url.host() == u"::1";
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != secure && url.scheme() != plain)) {
        error(where, map[key], QStringLiteral("'%1' is not a %2 or %3 URL").arg(excerpt(text), secure, plain),
              QStringLiteral("write a full URL such as %1://example.com/path").arg(secure));
        return;
    }
    if (url.scheme() == plain && !loopback) {
        error(where, map[key],
              QStringLiteral("plain %1 to a remote host would send data and credentials unencrypted").arg(plain),
              QStringLiteral("use %1:// (%2:// is allowed only for 127.0.0.1 or localhost)").arg(secure, plain));
        return;
    }
    out = url;
}

// A `${NAME}` reference, or (discouraged) a value in clear that the loader may warn about.
void SchemaReader::readSecret(const YAML::Node& map, const QString& path, const char* key, Secret& out, bool required,
                              const QString& suggestedVariable)
{
    const QString where = joinKeyPath(path, QString::fromLatin1(key));
    QString text;
    readString(map, path, key, text);
    if (const auto reference = secretReferenceName(text)) {
        const QString& variable = *reference;
        const auto value = m_environment(variable);
        if (value && !value->isEmpty()) {
            if (refuseShortSecret(where, map[key], *value, variable))
                return;
            out = Secret(*value);
            return;
        }
        m_unresolvedReferences.insert(where, variable);
        if (required)
            error(where, map[key], QStringLiteral("environment variable %1 is not set").arg(variable),
                  missingSecretRemedy(where, {}));
        return;
    }
    if (!text.isEmpty()) {
        if (refuseShortSecret(where, map[key], text, suggestedVariable))
            return;
        out = Secret(text);
        m_clearSecrets.append({where, map[key].Mark().line + 1, suggestedVariable});
        return;
    }
    if (required) {
        error(where, map[key].IsDefined() ? map[key] : map, QStringLiteral("is required but empty"),
              QStringLiteral("write %1: \"${%2}\" and export %2").arg(QString::fromLatin1(key), suggestedVariable));
    }
}

QString SchemaReader::missingSecretRemedy(const QString& where, const QString& otherwise) const
{
    const auto reference = m_unresolvedReferences.constFind(where);
    if (reference == m_unresolvedReferences.cend())
        return otherwise;
    if (m_missingSecretRemedy)
        return m_missingSecretRemedy(*reference);
    return QStringLiteral("export %1 before starting, or store the secret in the OS keychain").arg(*reference);
}

bool SchemaReader::refuseShortSecret(const QString& where, const YAML::Node& node, const QString& value,
                                     const QString& variable)
{
    if (value.size() >= minimumSecretLength)
        return false;
    // The value stays out of the message; its length is no help to anyone guessing it.
    error(where, node,
          QStringLiteral("the secret is shorter than %1 characters; a value this short cannot be masked safely "
                         "in logs and messages")
              .arg(minimumSecretLength),
          QStringLiteral("use the full credential the service issued (set %1 to it), or a longer shared secret")
              .arg(variable));
    return true;
}

void SchemaReader::add(Issue::Severity severity, const QString& path, const YAML::Node& node, const QString& message,
                       const QString& remedy)
{
    Issue issue{severity, path, message, remedy, 0};
    if (node.IsDefined() && node.Mark().line >= 0)
        issue.line = node.Mark().line + 1;
    m_issues.append(issue);
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/ConfigLoader.h"

#include "common/BoundedFile.h"
#include "common/Excerpt.h"
#include "common/Log.h"
#include "config/ConfigSchema.h"
#include "config/SchemaReader.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>

#include <utility>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace sentinel {

namespace {

/// A file on disk, rather than text with no file or one embedded in the program (":/...").
bool isRealFile(const QString& sourceName)
{
    return !sourceName.isEmpty() && !sourceName.startsWith(u':');
}

/// A relative `calendars.file` means "next to this configuration", wherever the program was
/// started from.
void resolveCalendarsFile(Config& config, const QString& sourceName)
{
    QString& file = config.calendarsFile;
    if (!file.isEmpty() && QFileInfo(file).isRelative() && isRealFile(sourceName))
        file = QFileInfo(QFileInfo(sourceName).absoluteDir(), file).absoluteFilePath();
}

/// A calendar file that is not there is reported here, so `config check` names the key even
/// without the calendar registry. Whether its content parses is the registry's to say.
void checkCalendarsFile(ConfigLoadResult& result)
{
    const QString& file = result.config.calendarsFile;
    if (file.isEmpty())
        return;
    const QFileInfo info(file);
    if (!info.isFile() || !info.isReadable()) {
        result.issues.append({Issue::Severity::Error, QStringLiteral("calendars.file"),
                              QStringLiteral("cannot read the calendar file %1").arg(file),
                              QStringLiteral("give the path of a readable calendar JSON file (relative paths are "
                                             "taken from the configuration file's folder), or remove the key to use "
                                             "the built-in calendars"),
                              0});
    }
}

/// Deeper than any real configuration (the schema goes four levels down), shallow enough that
/// walking it is never a stack problem.
constexpr int kMaxNesting = 64;

int lineOf(const YAML::Node& node)
{
    return node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
}

/// What yaml-cpp does not check: a key given twice in one mapping (yaml-cpp keeps both, and
/// every lookup returns the first, so a second `mode: autonomous` was silently ignored), and
/// nesting deeper than kMaxNesting. One walk over the whole document, each problem an Issue.
class StructureCheck
{
public:
    explicit StructureCheck(Issues& issues) : m_issues(issues) {}

    void walk(const YAML::Node& node, const QString& path, int depth)
    {
        if (depth > kMaxNesting) {
            m_issues.append({Issue::Severity::Error, path.isEmpty() ? QStringLiteral("(file)") : excerpt(path),
                             QStringLiteral("nesting too deep at line %1: more than %2 levels of mappings and lists")
                                 .arg(lineOf(node))
                                 .arg(kMaxNesting),
                             QStringLiteral("flatten the structure; no setting is nested more than a few levels"),
                             lineOf(node)});
            m_tooDeep = true;
            return;
        }
        if (node.IsSequence()) {
            for (std::size_t i = 0; i < node.size() && !m_tooDeep; ++i)
                walk(node[i], path + QStringLiteral("[%1]").arg(i), depth + 1);
        } else if (node.IsMap()) {
            QHash<QString, int> lineOfKey;
            for (auto it = node.begin(); it != node.end() && !m_tooDeep; ++it) {
                const QString key = it->first.IsScalar() ? fromYaml(it->first.Scalar()) : QStringLiteral("(complex key)");
                const QString keyPath = joinKeyPath(path, excerpt(key));
                const int line = lineOf(it->first);
                if (const auto first = lineOfKey.constFind(key); first != lineOfKey.constEnd()) {
                    m_issues.append({Issue::Severity::Error, keyPath,
                                     QStringLiteral("key '%1' is given twice, at lines %2 and %3").arg(excerpt(key)).arg(*first).arg(line),
                                     QStringLiteral("keep one of them: only the first was being read"), line});
                } else {
                    lineOfKey.insert(key, line);
                }
                walk(it->second, keyPath, depth + 1);
            }
        }
    }

    [[nodiscard]] bool tooDeep() const { return m_tooDeep; }

private:
    Issues& m_issues;
    bool m_tooDeep = false;
};

bool readableByOthers(const QString& path)
{
    const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
    return permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther);
}

/// A secret in clear is the owner's business while only the owner can read the file.
void warnAboutClearSecrets(ConfigLoadResult& result, const QList<SchemaReader::ClearSecret>& secrets,
                           const QString& sourceName)
{
    if (!isRealFile(sourceName) || !readableByOthers(sourceName))
        return;
    for (const auto& secret : secrets) {
        result.issues.append({Issue::Severity::Warning, secret.path,
                              QStringLiteral("a secret is written in clear in a file that group or others can read"),
                              QStringLiteral("write \"${%1}\" and export it, or run chmod 600 %2").arg(secret.variable, sourceName),
                              secret.line});
    }
}

} // namespace

ConfigLoader::ConfigLoader(ConfigLoadOptions options) : m_options(std::move(options))
{
    if (!m_options.environment) {
        m_options.environment = [](const QString& name) -> std::optional<QString> {
            if (!qEnvironmentVariableIsSet(name.toLocal8Bit().constData()))
                return std::nullopt;
            return qEnvironmentVariable(name.toLocal8Bit().constData());
        };
    }
}

ConfigLoadResult ConfigLoader::loadText(const QByteArray& yaml, const QString& sourceName) const
{
    ConfigLoadResult result;
    result.known = m_options.known;
    result.config.sourcePath = sourceName;
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp's own guard, hit before ours on flow nesting like [[[[…]]]].
        const int line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
        result.issues.append({Issue::Severity::Error, QStringLiteral("(file)"),
                              QStringLiteral("nesting too deep at line %1: the parser stopped at depth %2").arg(line).arg(e.depth()),
                              QStringLiteral("flatten the structure; no setting is nested more than a few levels"), line});
        return result;
    } catch (const YAML::Exception& e) {
        result.issues.append({Issue::Severity::Error, QStringLiteral("(file)"),
                              QStringLiteral("not valid YAML: %1").arg(fromYaml(e.msg)),
                              QStringLiteral("fix the syntax near line %1, column %2").arg(e.mark.line + 1).arg(e.mark.column + 1),
                              e.mark.line >= 0 ? e.mark.line + 1 : 0});
        return result;
    }
    if (!root.IsMap()) {
        result.issues.append({Issue::Severity::Error, QStringLiteral("(file)"),
                              QStringLiteral("the configuration must be a mapping of keys to values"),
                              QStringLiteral("start from the demo profile in the user guide"), 0});
        return result;
    }
    // Too deep stops here; a duplicate key does not, so every other problem is still listed.
    StructureCheck structure(result.issues);
    structure.walk(root, QString(), 0);
    if (structure.tooDeep())
        return result;
    // Which names are known can depend on the calendar file this very configuration names: ask
    // once, before the schema walk, so the file is read and walked once (issue 18).
    if (m_options.knownNamesFor) {
        // A missing key gives a node on which only IsDefined() may be asked.
        const YAML::Node calendars = std::as_const(root)["calendars"];
        const YAML::Node file = calendars.IsDefined() && calendars.IsMap() ? calendars["file"] : YAML::Node();
        result.config.calendarsFile = file.IsDefined() && file.IsScalar() ? fromYaml(file.Scalar()) : QString();
        resolveCalendarsFile(result.config, sourceName);
        result.known = m_options.knownNamesFor(result.config.calendarsFile);
    }
    SchemaReader reader(result.issues, m_options.environment, m_options.missingSecretRemedy);
    try {
        readConfig(reader, root, result.known, result.config);
    } catch (const YAML::Exception& e) {
        // The schema walk guards every lookup; this is the net that keeps odd input from crashing.
        result.issues.append({Issue::Severity::Error, QStringLiteral("(file)"),
                              QStringLiteral("unexpected structure: %1").arg(fromYaml(e.msg)),
                              QStringLiteral("compare the file with the demo profile in the user guide"),
                              e.mark.line >= 0 ? e.mark.line + 1 : 0});
    }
    resolveCalendarsFile(result.config, sourceName);
    if (m_options.fileChecks == FileChecks::Run) {
        checkCalendarsFile(result);
        warnAboutClearSecrets(result, reader.clearSecrets(), sourceName);
    }
    return result;
}

ConfigLoadResult ConfigLoader::loadFile(const QString& path) const
{
    const Result<QByteArray> text = readBoundedFile(path, FileKind::Config);
    if (!text) {
        ConfigLoadResult result;
        result.known = m_options.known;
        result.config.sourcePath = path;
        result.issues.append({Issue::Severity::Error, QStringLiteral("(file)"), text.error().message,
                              text.error().remedy, 0});
        return result;
    }
    return loadText(*text, path);
}

ConfigLoadResult ConfigLoader::loadDemoProfile() const
{
    auto result = loadFile(QStringLiteral(":/sentinel/config/demo.yaml"));
    result.config.sourcePath.clear();
    return result;
}

ConfigLoadResult ConfigLoader::loadDefault(const QString& explicitPath) const
{
    const QString path = defaultPath(explicitPath);
    if (path.isEmpty())
        return loadDemoProfile();
    if (explicitPath.isEmpty())
        log::config()->info("using configuration {}", path);
    return loadFile(path);
}

QString ConfigLoader::defaultPath(const QString& explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString platformPath = platformConfigPath();
    return QFileInfo::exists(platformPath) ? platformPath : QString();
}

QString ConfigLoader::platformConfigPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/config.yaml");
}

} // namespace sentinel

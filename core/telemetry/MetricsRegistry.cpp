// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/MetricsRegistry.h"

#include "common/Log.h"

#include <QRegularExpression>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sentinel {

namespace {

bool validMetricName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
    return pattern.match(name).hasMatch();
}

bool validLabelName(const QString& name)
{
    // Names starting with "__" are reserved for Prometheus itself.
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    return pattern.match(name).hasMatch() && !name.startsWith(u"__");
}

QString typeName(MetricsRegistry::Type type)
{
    return type == MetricsRegistry::Type::Counter ? QStringLiteral("counter") : QStringLiteral("gauge");
}

MetricLabels sortedLabels(MetricLabels labels)
{
    std::sort(labels.begin(), labels.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return labels;
}

/// `{a="1",b="2"}`, or empty for no labels; also the key that tells series apart.
QString renderLabels(const MetricLabels& sorted)
{
    if (sorted.isEmpty())
        return {};
    QStringList parts;
    for (const auto& [name, value] : sorted)
        parts << name + QStringLiteral("=\"") + MetricsRegistry::escapeLabelValue(value) + u'"';
    return u'{' + parts.join(u',') + u'}';
}

} // namespace

Status MetricsRegistry::describe(const QString& name, Type type, const QString& help)
{
    if (!validMetricName(name)) {
        return Error{QStringLiteral("invalid_metric"), QStringLiteral("'%1' is not a valid metric name").arg(name),
                     QStringLiteral("use letters, digits, '_' and ':', not starting with a digit")};
    }
    auto found = m_families.find(name);
    if (found != m_families.end() && found->second.type != type) {
        return Error{QStringLiteral("invalid_metric"),
                     QStringLiteral("metric %1 is already a %2").arg(name, typeName(found->second.type)),
                     QStringLiteral("give the %1 another name").arg(typeName(type))};
    }
    Family& family = m_families[name];
    family.type = type;
    family.help = help;
    return okStatus();
}

MetricsRegistry::Series* MetricsRegistry::series(const QString& name, const MetricLabels& labels, Type expected)
{
    auto found = m_families.find(name);
    if (found == m_families.end()) {
        complainOnce(name, QStringLiteral("was never described"));
        return nullptr;
    }
    if (expected == Type::Counter && found->second.type != Type::Counter) {
        complainOnce(name, QStringLiteral("is a gauge; set it instead of incrementing it"));
        return nullptr;
    }
    for (const auto& label : labels) {
        if (!validLabelName(label.first)) {
            complainOnce(name, QStringLiteral("has an invalid label name '%1'").arg(label.first));
            return nullptr;
        }
    }
    const MetricLabels sorted = sortedLabels(labels);
    Series& series = found->second.series[renderLabels(sorted)];
    series.labels = sorted;
    return &series;
}

void MetricsRegistry::increment(const QString& name, const MetricLabels& labels, double by)
{
    if (!(by >= 0) || !std::isfinite(by)) {
        complainOnce(name, QStringLiteral("was incremented by %1; counters only go up").arg(by));
        return;
    }
    if (Series* found = series(name, labels, Type::Counter))
        found->value += by;
}

void MetricsRegistry::set(const QString& name, double value, const MetricLabels& labels)
{
    Series* found = series(name, labels, Type::Gauge);
    if (!found)
        return;
    if (m_families.at(name).type == Type::Counter && value < found->value) {
        // A counter that goes down reads as a restart to Prometheus and corrupts rate().
        complainOnce(name, QStringLiteral("was set below its current value; counters only go up"));
        return;
    }
    found->value = value;
}

void MetricsRegistry::clear(const QString& name)
{
    if (auto found = m_families.find(name); found != m_families.end())
        found->second.series.clear();
}

double MetricsRegistry::value(const QString& name, const MetricLabels& labels) const
{
    const auto family = m_families.find(name);
    if (family == m_families.end())
        return 0;
    const auto found = family->second.series.find(renderLabels(sortedLabels(labels)));
    return found == family->second.series.end() ? 0 : found->second.value;
}

bool MetricsRegistry::contains(const QString& name, const MetricLabels& labels) const
{
    const auto family = m_families.find(name);
    return family != m_families.end() && family->second.series.count(renderLabels(sortedLabels(labels))) > 0;
}

QStringList MetricsRegistry::names() const
{
    QStringList result;
    for (const auto& [name, family] : m_families)
        result << name;
    return result;
}

QByteArray MetricsRegistry::exposition() const
{
    QByteArray text;
    for (const auto& [name, family] : m_families) {
        const QByteArray metric = name.toUtf8();
        text += "# HELP " + metric + ' ' + escapeHelp(family.help).toUtf8() + '\n';
        text += "# TYPE " + metric + ' ' + typeName(family.type).toUtf8() + '\n';
        for (const auto& [labels, series] : family.series)
            text += metric + labels.toUtf8() + ' ' + formatValue(series.value) + '\n';
    }
    return text;
}

QString MetricsRegistry::escapeLabelValue(const QString& value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\')
            escaped += QStringLiteral("\\\\");
        else if (c == u'"')
            escaped += QStringLiteral("\\\"");
        else if (c == u'\n')
            escaped += QStringLiteral("\\n");
        else
            escaped += c;
    }
    return escaped;
}

QString MetricsRegistry::escapeHelp(const QString& help)
{
    QString escaped = help;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'\n', QStringLiteral("\\n"));
    return escaped;
}

QByteArray MetricsRegistry::formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QByteArray(buffer, int(result.ptr - buffer));
}

void MetricsRegistry::complainOnce(const QString& name, const QString& problem)
{
    const QString text = QStringLiteral("metric %1 %2").arg(name, problem);
    if (m_complaints.contains(text))
        return;
    m_complaints << text;
    log::get("telemetry")->warn("{} (ignored)", text);
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/MetricsRegistry.h"

#include "common/Log.h"

#include <QRegularExpression>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <limits>

namespace sentinel {

namespace {

bool validMetricName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
    return pattern.match(name).hasMatch();
}

Status checkMetricName(const QString& name)
{
    if (validMetricName(name))
        return okStatus();
    return Error{QStringLiteral("invalid_metric"), QStringLiteral("'%1' is not a valid metric name").arg(name),
                 QStringLiteral("use letters, digits, '_' and ':', not starting with a digit")};
}

bool validLabelName(const QString& name)
{
    // Names starting with "__" are reserved for Prometheus itself.
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    return pattern.match(name).hasMatch() && !name.startsWith(u"__");
}

QString typeName(MetricsRegistry::Type type)
{
    switch (type) {
    case MetricsRegistry::Type::Counter: return QStringLiteral("counter");
    case MetricsRegistry::Type::Gauge: return QStringLiteral("gauge");
    case MetricsRegistry::Type::Histogram: return QStringLiteral("histogram");
    }
    return QStringLiteral("gauge");
}

const QString bucketLabel = QStringLiteral("le");

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
    if (type == Type::Histogram) {
        return Error{QStringLiteral("invalid_metric"), QStringLiteral("histogram %1 needs bucket bounds").arg(name),
                     QStringLiteral("describe it with describeHistogram()")};
    }
    if (Status valid = checkMetricName(name); !valid)
        return valid;
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

Status MetricsRegistry::describeHistogram(const QString& name, const QString& help, const std::vector<double>& upperBounds)
{
    const bool increasing = std::adjacent_find(upperBounds.cbegin(), upperBounds.cend(), std::greater_equal<>()) == upperBounds.cend();
    const bool finite = std::all_of(upperBounds.cbegin(), upperBounds.cend(), [](double bound) { return std::isfinite(bound); });
    if (upperBounds.empty() || !increasing || !finite) {
        return Error{QStringLiteral("invalid_metric"), QStringLiteral("histogram %1 has invalid bucket bounds").arg(name),
                     QStringLiteral("give finite, strictly increasing upper bounds; +Inf is implied")};
    }
    if (Status valid = checkMetricName(name); !valid)
        return valid;
    auto found = m_families.find(name);
    if (found != m_families.end() && (found->second.type != Type::Histogram || found->second.upperBounds != upperBounds)) {
        return Error{QStringLiteral("invalid_metric"), QStringLiteral("metric %1 is already described otherwise").arg(name),
                     QStringLiteral("give the histogram another name")};
    }
    Family& family = m_families[name];
    family.type = Type::Histogram;
    family.help = help;
    family.upperBounds = upperBounds;
    return okStatus();
}

MetricsRegistry::Series* MetricsRegistry::series(const QString& name, const MetricLabels& labels, Type expected)
{
    auto found = m_families.find(name);
    if (found == m_families.end()) {
        complainOnce(name, QStringLiteral("was never described"));
        return nullptr;
    }
    const Type type = found->second.type;
    if (type == Type::Histogram && expected != Type::Histogram) {
        complainOnce(name, QStringLiteral("is a histogram; observe it"));
        return nullptr;
    }
    if (expected == Type::Histogram && type != Type::Histogram) {
        complainOnce(name, QStringLiteral("is not a histogram; it cannot be observed"));
        return nullptr;
    }
    if (expected == Type::Counter && type != Type::Counter) {
        complainOnce(name, QStringLiteral("is a gauge; set it instead of incrementing it"));
        return nullptr;
    }
    for (const auto& label : labels) {
        if (!validLabelName(label.first) || (type == Type::Histogram && label.first == bucketLabel)) {
            complainOnce(name, QStringLiteral("has an invalid label name '%1'").arg(label.first));
            return nullptr;
        }
    }
    const MetricLabels sorted = sortedLabels(labels);
    Series& series = found->second.series[renderLabels(sorted)];
    series.labels = sorted;
    if (type == Type::Histogram)
        series.buckets.resize(found->second.upperBounds.size() + 1, 0);
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

void MetricsRegistry::observe(const QString& name, double value, const MetricLabels& labels)
{
    if (std::isnan(value)) {
        complainOnce(name, QStringLiteral("was given NaN to observe"));
        return;
    }
    Series* found = series(name, labels, Type::Histogram);
    if (!found)
        return;
    const std::vector<double>& bounds = m_families.at(name).upperBounds;
    // The first bucket whose upper bound holds the value (le means "less than or equal").
    const auto bucket = std::lower_bound(bounds.cbegin(), bounds.cend(), value);
    ++found->buckets[std::size_t(bucket - bounds.cbegin())];
    ++found->count;
    found->value += value;
}

void MetricsRegistry::declare(const QString& name, const MetricLabels& labels)
{
    const auto family = m_families.find(name);
    if (family == m_families.end()) {
        complainOnce(name, QStringLiteral("was never described"));
        return;
    }
    (void)series(name, labels, family->second.type);
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
    if (found == family->second.series.end())
        return 0;
    return family->second.type == Type::Histogram ? double(found->second.count) : found->second.value;
}

MetricsRegistry::HistogramValue MetricsRegistry::histogram(const QString& name, const MetricLabels& labels) const
{
    HistogramValue result;
    const auto family = m_families.find(name);
    if (family == m_families.end() || family->second.type != Type::Histogram)
        return result;
    result.upperBounds = family->second.upperBounds;
    result.upperBounds.push_back(std::numeric_limits<double>::infinity());
    result.cumulativeCounts.assign(result.upperBounds.size(), 0);
    const auto found = family->second.series.find(renderLabels(sortedLabels(labels)));
    if (found == family->second.series.end())
        return result;
    quint64 running = 0;
    for (std::size_t i = 0; i < found->second.buckets.size(); ++i)
        result.cumulativeCounts[i] = running += found->second.buckets[i];
    result.sum = found->second.value;
    result.count = found->second.count;
    return result;
}

bool MetricsRegistry::contains(const QString& name, const MetricLabels& labels) const
{
    const auto family = m_families.find(name);
    return family != m_families.end() && family->second.series.contains(renderLabels(sortedLabels(labels)));
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
        for (const auto& [labels, series] : family.series) {
            if (family.type == Type::Histogram)
                text += renderHistogram(metric, family, series);
            else
                text += metric + labels.toUtf8() + ' ' + formatValue(series.value) + '\n';
        }
    }
    return text;
}

QByteArray MetricsRegistry::renderHistogram(const QByteArray& metric, const Family& family, const Series& series)
{
    const QByteArray labels = renderLabels(series.labels).toUtf8();
    // `le` goes after the series' own labels: {a="1",le="0.5"}.
    const QByteArray open = labels.isEmpty() ? QByteArray("{") : labels.chopped(1) + ',';
    QByteArray text;
    quint64 running = 0;
    for (std::size_t i = 0; i <= family.upperBounds.size(); ++i) {
        running += series.buckets[i];
        const QByteArray bound = i < family.upperBounds.size() ? formatValue(family.upperBounds[i]) : QByteArray("+Inf");
        text += metric + "_bucket" + open + "le=\"" + bound + "\"} " + QByteArray::number(running) + '\n';
    }
    text += metric + "_sum" + labels + ' ' + formatValue(series.value) + '\n';
    text += metric + "_count" + labels + ' ' + QByteArray::number(series.count) + '\n';
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

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <map>
#include <utility>
#include <vector>

namespace sentinel {

/// Labels of one time series, e.g. {{"cache", "quote"}}. Their order does not matter.
using MetricLabels = QList<std::pair<QString, QString>>;

/// Counters, gauges and histograms, each a family of series told apart by labels, rendered in
/// the Prometheus text exposition format (version 0.0.4) for `/metrics`.
///
/// Not synchronised: it lives in the engine thread, which alone feeds it, and the MetricsServer
/// that renders it is created in that same thread (its socket events arrive there too), so no
/// lock is needed and none is taken. Other threads must not touch it.
///
/// A family is described once (name, type, help); feeding a name that was never described, or
/// with an invalid label name, is a programming error: it is ignored and logged once, never a
/// crash. Counters only go up.
class MetricsRegistry final
{
public:
    enum class Type { Counter, Gauge, Histogram };

    /// Registers a counter or gauge family. The name must match `[a-zA-Z_:][a-zA-Z0-9_:]*`;
    /// describing the same name again with the same type updates the help text, with another
    /// type is an error. A histogram is described with describeHistogram().
    Status describe(const QString& name, Type type, const QString& help);
    /// Registers a histogram family with fixed bucket upper bounds (finite, strictly increasing;
    /// the `+Inf` bucket is implied). Rendered as `_bucket{le}`, `_sum` and `_count`.
    Status describeHistogram(const QString& name, const QString& help, const std::vector<double>& upperBounds);

    /// Adds `by` (>= 0) to a counter series, creating it at 0 first.
    void increment(const QString& name, const MetricLabels& labels = {}, double by = 1.0);
    /// Sets a gauge series; a counter series may be set to a larger value than it holds (to
    /// mirror a count kept elsewhere, e.g. a cache's hits), never a smaller one.
    void set(const QString& name, double value, const MetricLabels& labels = {});
    /// Adds one observation to a histogram series, creating it empty first. The label `le` is
    /// the format's own and may not be used.
    void observe(const QString& name, double value, const MetricLabels& labels = {});
    /// Creates a series at zero (an empty histogram) unless it exists, so a family is exported
    /// with its known label sets from the first scrape, not only once something happened.
    void declare(const QString& name, const MetricLabels& labels = {});
    /// Drops every series of a family (e.g. per-instrument gauges after a watchlist change).
    void clear(const QString& name);

    /// The series' value, or 0 when it does not exist; a histogram's observation count.
    [[nodiscard]] double value(const QString& name, const MetricLabels& labels = {}) const;
    /// A histogram series as rendered: cumulative counts per upper bound (the last is `+Inf`).
    struct HistogramValue {
        std::vector<double> upperBounds;
        std::vector<quint64> cumulativeCounts;
        double sum = 0;
        quint64 count = 0;
    };
    [[nodiscard]] HistogramValue histogram(const QString& name, const MetricLabels& labels = {}) const;
    [[nodiscard]] bool contains(const QString& name, const MetricLabels& labels = {}) const;
    [[nodiscard]] QStringList names() const;

    /// Every family, sorted by name, with `# HELP` and `# TYPE`; series sorted by labels.
    [[nodiscard]] QByteArray exposition() const;

    /// Escaping the format asks for: a label value escapes `\`, `"` and newline; help text
    /// escapes `\` and newline.
    [[nodiscard]] static QString escapeLabelValue(const QString& value);
    [[nodiscard]] static QString escapeHelp(const QString& help);
    /// Go-style float text: shortest round-trip form, `NaN`, `+Inf`, `-Inf`.
    [[nodiscard]] static QByteArray formatValue(double value);

private:
    struct Series {
        MetricLabels labels; ///< sorted by name
        double value = 0;    ///< a histogram's sum of observations
        std::vector<quint64> buckets; ///< histogram only: observations per bucket, not cumulative
        quint64 count = 0;            ///< histogram only
    };
    struct Family {
        Type type = Type::Gauge;
        QString help;
        std::vector<double> upperBounds; ///< histogram only, without the implied +Inf
        std::map<QString, Series> series; ///< keyed by the rendered label set
    };
    [[nodiscard]] static QByteArray renderHistogram(const QByteArray& metric, const Family& family, const Series& series);
    Series* series(const QString& name, const MetricLabels& labels, Type expected);
    void complainOnce(const QString& name, const QString& problem);

    std::map<QString, Family> m_families;
    QStringList m_complaints;
};

} // namespace sentinel

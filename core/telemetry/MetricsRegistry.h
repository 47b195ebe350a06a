// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <map>
#include <utility>

namespace sentinel {

/// Labels of one time series, e.g. {{"cache", "quote"}}. Their order does not matter.
using MetricLabels = QList<std::pair<QString, QString>>;

/// Counters and gauges, each a family of series told apart by labels, rendered in the
/// Prometheus text exposition format (version 0.0.4) for `/metrics`.
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
    enum class Type { Counter, Gauge };

    /// Registers a family. The name must match `[a-zA-Z_:][a-zA-Z0-9_:]*`; describing the same
    /// name again with the same type updates the help text, with another type is an error.
    Status describe(const QString& name, Type type, const QString& help);

    /// Adds `by` (>= 0) to a counter series, creating it at 0 first.
    void increment(const QString& name, const MetricLabels& labels = {}, double by = 1.0);
    /// Sets a gauge series; a counter series may be set to a larger value than it holds (to
    /// mirror a count kept elsewhere, e.g. a cache's hits), never a smaller one.
    void set(const QString& name, double value, const MetricLabels& labels = {});
    /// Drops every series of a family (e.g. per-instrument gauges after a watchlist change).
    void clear(const QString& name);

    /// The series' value, or 0 when it does not exist.
    [[nodiscard]] double value(const QString& name, const MetricLabels& labels = {}) const;
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
        double value = 0;
    };
    struct Family {
        Type type = Type::Gauge;
        QString help;
        std::map<QString, Series> series; ///< keyed by the rendered label set
    };
    Series* series(const QString& name, const MetricLabels& labels, Type expected);
    void complainOnce(const QString& name, const QString& problem);

    std::map<QString, Family> m_families;
    QStringList m_complaints;
};

} // namespace sentinel

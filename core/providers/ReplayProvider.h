// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "providers/MarketDataProvider.h"

#include <QDateTime>
#include <QHash>

namespace sentinel {

/// Replays recorded bars from CSV files against the engine's clock (format: docs/replay-format.md):
/// one file per instrument and interval, `<SYMBOL with / as _>_<interval>.csv` in `directory`,
/// header `open_time_utc,open,high,low,close,volume`, rows oldest first. Only bars closed by
/// clock.now() are served, so a replay behaves like a live feed. Rows are sanitised with the
/// same rules as Alpha Vantage's; dropped rows are reported with their line number. Counts
/// requests like a real provider.
class ReplayProvider final : public MarketDataProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayProvider)
public:
    ReplayProvider(Clock& clock, QString directory, QObject* parent = nullptr);

    [[nodiscard]] QString name() const override { return QStringLiteral("replay"); }
    void fetchBars(const BarRequest& request, BarsCallback done) override;

    void setMaxBars(int maxBars) { m_maxBars = maxBars; }
    /// The file that holds an instrument's bars.
    [[nodiscard]] QString filePathFor(const Instrument& instrument) const;

    /// Reads and sanitises one replay file's text; `now` invalid: no future check.
    [[nodiscard]] static Result<SanitizedBars> parseCsv(const QByteArray& text, const QDateTime& now);

private:
    struct Loaded {
        QDateTime modified;
        Result<SanitizedBars> bars;
    };
    Result<SanitizedBars> load(const QString& path);

    Clock& m_clock;
    QString m_directory;
    int m_maxBars = 200;
    QHash<QString, Loaded> m_files;
};

} // namespace sentinel

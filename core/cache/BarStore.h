// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>

#include "common/Error.h"
#include "market/Bar.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace sentinel {

class SqliteConnection;

/// Bars kept on disk (SQLite, WAL) so that a restart warms the bar cache instead of spending
/// the provider's daily quota again. One row per (instrument key, bar opening instant); a
/// bar fetched again replaces the stored one. Opens its file through SqliteConnection with
/// synchronous=NORMAL (a cache: ADR 0101) and versions its table as owner "bar store" in
/// `schema_versions`. Its connection belongs to the thread that opened it (the engine's).
class BarStore
{
public:
    static constexpr int kSchemaVersion = 1;

    /// Opens or creates the store; a file written by a newer release, or not a database, is
    /// an Error naming the file.
    [[nodiscard]] static Result<std::unique_ptr<BarStore>> open(const QString& path);
    ~BarStore();
    BarStore(const BarStore&) = delete;
    BarStore& operator=(const BarStore&) = delete;

    struct Loaded {
        Bars bars;            ///< oldest first
        QStringList dropped;  ///< rows refused on reading, with the reason
    };
    /// Every stored bar of the instrument.
    [[nodiscard]] Result<Loaded> load(const QString& instrumentKey) const;

    /// What a restart needs of an instrument's history (ADR 0106).
    struct RecentWindow {
        qsizetype recentBars = 0;   ///< the newest bars, kept whole
        qsizetype olderDays = 0;    ///< before them, at most this many trading days' last bars
        std::function<qint64(qint64 openMs)> tradingDayOf; ///< the trading day a bar opening then belongs to
    };
    /// The newest `recentBars` bars and, before them, the last bar (the close) of each of up to
    /// `olderDays` trading days, oldest first: the bars and daily closes an engine that keeps that
    /// many of each would hold, read at a cost that does not grow with the age of the store.
    [[nodiscard]] Result<Loaded> loadRecent(const QString& instrumentKey, const RecentWindow& window) const;
    /// Inserts or replaces, in one transaction, the bars from the newest already stored for the
    /// instrument on (a provider may still revise its latest bar; older ones are final, and
    /// rewriting the whole overlapping window would cost a write per bar on every fetch). Refuses the whole batch
    /// if a bar is implausible (NaN, negative, low above high).
    [[nodiscard]] Status upsert(const QString& instrumentKey, const Bars& bars);
    [[nodiscard]] Result<QStringList> instrumentKeys() const;
    [[nodiscard]] const QString& path() const;

private:
    explicit BarStore(std::unique_ptr<SqliteConnection> db);

    [[nodiscard]] Result<qint64> newestStored(const QString& instrumentKey);

    std::unique_ptr<SqliteConnection> m_db;
    QHash<QString, qint64> m_newestStored; ///< open_time_ms of the newest stored bar per instrument
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "journal/JournalFills.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace sentinel {

class Journal;
struct PortfolioView;

/// Where an open position came from, as the journal's fills tell it.
struct PositionOrigin {
    double units = 0;                               ///< signed, as the fills add up: long > 0, short < 0
    QDateTime openedAt;                             ///< UTC: the fill that last took it from flat to held
    std::optional<double> stopPrice = std::nullopt; ///< the newest entry's protective stop since then
    friend bool operator==(const PositionOrigin&, const PositionOrigin&) = default;
};

/// When each open position was opened and which protective stop guards it (ADR 0140), from the
/// journal's executed proposals. The journal is read again only when a fill was journalled, not at
/// every account refresh or bar. A position the journal does not account for (opened at the
/// broker, or held in another quantity than its fills add up to) has no origin: the journal cannot
/// say, and nothing is guessed.
class PositionOrigins final
{
public:
    explicit PositionOrigins(Journal& journal) : m_journal(journal) {}

    /// Reads the journal when `executions` (the engine's running count of journalled fills) is not
    /// the count of the last good read.
    void refresh(qint64 executions);
    /// The origin of a position of `units` (signed) in `instrumentKey` as of the last refresh;
    /// nullopt when the journal cannot say.
    [[nodiscard]] std::optional<PositionOrigin> of(const QString& instrumentKey, double units) const;
    /// Refreshes, then fills `openedAt` and `stopPrice` of every position of `view` the journal
    /// accounts for; the others are left empty.
    void annotate(PortfolioView& view, qint64 executions);

    /// The open positions `fills` (oldest first) leave, by instrument key. The age counts from the
    /// last fill that opened the position (from flat, or through flat to the other side); the stop
    /// is the newest entry's since then, so adding to a position moves its stop to the new entry's
    /// and a partial exit leaves it.
    [[nodiscard]] static QHash<QString, PositionOrigin> fromFills(const QList<FillRecord>& fills);
    /// Units closer than this (relative to the larger figure, at least 1e-9 units) are the same.
    static constexpr double tolerance = 1e-9;

private:
    Journal& m_journal;
    qint64 m_executions = -1;
    bool m_known = false; ///< the last read succeeded
    QHash<QString, PositionOrigin> m_origins;
};

} // namespace sentinel

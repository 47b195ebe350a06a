// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace sentinel {

/// How the panels put numbers, times and engine states into words. Engine states arrive as
/// English identifiers ("open", "retrying"); they are translated here, and an unknown one is shown
/// as it came rather than hidden.
class Format final
{
    Q_DECLARE_TR_FUNCTIONS(Format)
public:
    [[nodiscard]] static QString price(double price);
    [[nodiscard]] static QString percent(double fraction, int decimals = 1);
    [[nodiscard]] static QString money(double amount, const QString& currency);
    /// Money with its sign always written ("+12.50 USD", "−3.00 USD"): a profit or a loss.
    [[nodiscard]] static QString profit(double amount, const QString& currency);
    /// A position or order size as the operator typed it: up to eight significant digits.
    [[nodiscard]] static QString quantity(double quantity);
    /// "XNYS:AAPL:5min" → "AAPL (XNYS)"; a key of another shape is shown as it came.
    [[nodiscard]] static QString instrumentKey(const QString& key);
    /// "45 s", "12 min", "2 h 05 min", "3 d 4 h".
    [[nodiscard]] static QString duration(qint64 seconds);
    /// "4:59", "1:02:03"; "expired" at or below zero.
    [[nodiscard]] static QString countdown(qint64 seconds);
    /// Local time with its zone abbreviation, e.g. "2026-11-24 16:05 CET".
    [[nodiscard]] static QString localTime(const QDateTime& utc);
    [[nodiscard]] static QString utcTime(const QDateTime& utc);

    [[nodiscard]] static QString freshness(Freshness state);
    [[nodiscard]] static QString marketState(const QString& engineState);
    [[nodiscard]] static QString severity(AlertView::Severity severity);
    [[nodiscard]] static QString alertKind(const QString& kind);
    [[nodiscard]] static QString proposalState(ProposalView::State state);
    [[nodiscard]] static QString side(Side side, bool isExit);
    [[nodiscard]] static QString channelState(ChannelState state);
    [[nodiscard]] static QString engineState(EngineState state);
    /// The Telegram update poller's state ("polling", "backing off", ...).
    [[nodiscard]] static QString updatesStatus(const QString& status);
};

} // namespace sentinel

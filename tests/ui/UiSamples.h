// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QAccessible>
#include <QDateTime>
#include <QStringList>
#include <QWidget>

// Engine DTOs as the engine would fill them, for tests that drive the UI directly.
namespace sentinel::test {

inline QDateTime at(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

inline Instrument instrument(const char* symbol, const char* market = "XNYS", Interval interval = Interval::Min5)
{
    return Instrument{QString::fromLatin1(symbol), QString::fromLatin1(market), interval};
}

inline InstrumentSnapshot snapshot(const char* symbol, Freshness freshness, double price = 101.25,
                                   const char* market = "XNYS")
{
    InstrumentSnapshot s;
    s.instrument = instrument(symbol, market);
    s.lastPrice = price;
    s.lastBarOpen = at("2026-11-24T15:00:00Z");
    s.updatedAt = at("2026-11-24T15:05:02Z");
    s.barCount = 120;
    s.marketOpen = true;
    s.marketState = QStringLiteral("open");
    s.freshness = freshness;
    s.lagSeconds = freshness == Freshness::Stale ? 3 * 3600 : 60;
    s.toleranceSeconds = 2 * 3600;
    s.freshnessReason = QStringLiteral("no bar since 10:00 ET while XNYS is open");
    return s;
}

inline ProposalView proposal(const char* id, const QDateTime& created, int timeoutS = 300,
                             ProposalView::State state = ProposalView::State::Pending)
{
    ProposalView p;
    p.id = QString::fromLatin1(id);
    p.instrument = instrument("AAPL");
    p.side = Side::Buy;
    p.quantity = 25;
    p.price = 189.42;
    p.strategyReason = QStringLiteral("SMA 10 crossed above SMA 30");
    p.riskApproved = true;
    p.riskReasons = {QStringLiteral("VaR 1.9 % within 5 %"), QStringLiteral("position 4.7 % within 5 %")};
    p.varBefore = 0.012;
    p.varAfter = 0.019;
    p.freshness = QStringLiteral("fresh (lag 1 min)");
    p.createdAt = created;
    p.expiresAt = created.addSecs(timeoutS);
    p.state = state;
    return p;
}

inline AlertView alert(const char* id, AlertView::Severity severity, const char* kind = "stale_data")
{
    AlertView a;
    a.id = QString::fromLatin1(id);
    a.severity = severity;
    a.kind = QString::fromLatin1(kind);
    a.instrumentKey = QStringLiteral("XNYS:AAPL:5min");
    a.message = QStringLiteral("no bar for 3 h while XNYS is open");
    a.at = at("2026-11-24T15:05:00Z");
    return a;
}

inline EngineStatus status(const QDateTime& clockTime)
{
    EngineStatus s;
    s.state = EngineState::Running;
    s.mode = TradingMode::Approval;
    s.provider = QStringLiteral("simulated");
    s.cycles = 42;
    s.cyclesPerMinute = 12.5;
    s.apiCallsPerHour = 180;
    s.clockTime = clockTime;
    return s;
}

inline PositionView position(const char* key, double quantity, double averagePrice, double marketPrice, double pnl)
{
    return PositionView{QString::fromLatin1(key), quantity, averagePrice, marketPrice, pnl};
}

/// Two open positions: AAPL long and in profit, EUR/USD short and at a loss.
inline PortfolioView portfolio(const QDateTime& asOf)
{
    PortfolioView p;
    p.at = asOf;
    p.currency = QStringLiteral("USD");
    p.balance = 100000;
    p.equity = 100153.25;
    p.positions = {position("XNYS:AAPL:5min", 25, 183.5, 189.42, 148.0),
                   position("FX:EUR/USD:5min", -10000, 1.08215, 1.08345, -13.0)};
    // AAPL opened through the journal 3 h 20 min before the report; EUR/USD at the broker, so unknown.
    p.positions[0].stopPrice = 179.8;
    p.positions[0].openedAt = asOf.addSecs(-(3 * 3600 + 20 * 60));
    return p;
}

/// The portfolio's risk as the Risk panel shows it: 1.9 % VaR against a 5 % limit.
inline RiskSnapshot risk(const QDateTime& asOf)
{
    RiskSnapshot r;
    r.at = asOf;
    r.var = 0.019;
    r.expectedShortfall = 0.027;
    r.methodLabel = QStringLiteral("bootstrap (12 returns)");
    r.equity = 100000;
    r.exposure = 4735.5;
    r.currency = QStringLiteral("USD");
    r.limits = {LimitUsage{QStringLiteral("portfolio VaR"), 0.019, 0.05}};
    return r;
}

inline Bars bars(const QDateTime& first, int count, double start = 100.0, int stepSeconds = 300)
{
    Bars out;
    for (int i = 0; i < count; ++i) {
        const double open = start + i * 0.1;
        out.append(Bar{first.addSecs(qint64(i) * stepSeconds), open, open + 0.5, open - 0.4, open + 0.2, 1000});
    }
    return out;
}

/// Focusable, visible widgets under `root` that a screen reader could not name.
inline QStringList unnamedControls(QWidget* root)
{
    QStringList unnamed;
    for (QWidget* widget : root->findChildren<QWidget*>()) {
        // A spin box's inner editor is reached through the (named) spin box itself.
        if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisibleTo(root)
            || widget->objectName() == u"qt_spinbox_lineedit")
            continue;
        QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty()) {
            const QWidget* parent = widget->parentWidget();
            unnamed << QStringLiteral("%1 '%2' in %3")
                           .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
                                parent ? QString::fromLatin1(parent->metaObject()->className()) : QString());
        }
    }
    return unnamed;
}

} // namespace sentinel::test

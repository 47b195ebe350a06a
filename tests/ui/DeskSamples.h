// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "UiSamples.h"
#include "ui/MainWindow.h"

// A desk at work, for tests that look at the whole window: six instruments, a pending proposal
// and a decided one, an alert, two positions, risk, channels, caches and a chart.
namespace sentinel::test {

inline void fillDesk(MainWindow& window, const QDateTime& now)
{
    window.onEngineStatusChanged(status(now));
    window.onSnapshotsChanged({snapshot("AAPL", Freshness::Fresh), snapshot("MSFT", Freshness::Warn, 412.5, "XNAS"),
                               snapshot("EUR/USD", Freshness::Fresh, 1.08421, "FX"),
                               snapshot("GBP/USD", Freshness::Stale, 1.26513, "FX"),
                               snapshot("BTC/USD", Freshness::Fresh, 87052.27, "CRYPTO"),
                               snapshot("ETH/USD", Freshness::Fresh, 2470.41, "CRYPTO")});
    window.onProposalChanged(proposal("p1", now));
    window.onProposalChanged(proposal("p0", now.addSecs(-600), 300, ProposalView::State::Executed));
    window.onAlertRaised(alert("a1", AlertView::Severity::Critical, "stale_data"));
    window.onPortfolioChanged(portfolio(now));
    DeliverySnapshot delivery;
    delivery.at = now;
    delivery.channels = {ChannelSnapshot{QStringLiteral("telegram"), ChannelState::Retrying, 1204, 3, 1, 0.997,
                                         QStringLiteral("HTTP 429 Too Many Requests: retry after 30 s"), {}, 240, 910},
                         ChannelSnapshot{QStringLiteral("webhook"), ChannelState::Ok, 1207, 0, 0, 1.0, {}, {}, 80, 150}};
    window.onDeliveryChanged(delivery);
    CacheReport caches;
    caches.at = now;
    caches.caches = {CacheSnapshot{QStringLiteral("bars"), 12045, 310, 12, 0, 220, true, QStringLiteral("memory")},
                     CacheSnapshot{QStringLiteral("portfolio"), 840, 120, 0, 0, 1, true, QStringLiteral("memory")}};
    window.onCacheReportChanged(caches);
    window.onRiskChanged(risk(now));
    window.onBarsAppended(BarUpdate{QStringLiteral("XNYS:AAPL:5min"), bars(now.addSecs(-300 * 60), 60), true});
}

} // namespace sentinel::test

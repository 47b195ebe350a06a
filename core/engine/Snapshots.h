// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/AdviceRecord.h"
#include "common/Freshness.h"
#include "common/HistoryRecords.h"
#include "common/Instrument.h"
#include "common/ProposalState.h"
#include "common/Severity.h"
#include "common/Side.h"
#include "config/Config.h"
#include "market/Bar.h"
#include "providers/StreamState.h"
#include "report/PerformanceView.h"
#include "risk/RiskReport.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QStringList>

#include <chrono>
#include <optional>

// Immutable values the engine sends to the UI through queued signals. The UI depends on these and
// on nothing in core that does I/O. The engine fills them from the module types (calendar verdicts,
// cache statistics, risk reports, delivery statistics, proposals, alerts).

namespace sentinel {

/// What the watchlist shows for one instrument.
struct InstrumentSnapshot {
    Instrument instrument;
    double lastPrice = 0;
    QDateTime lastBarOpen;   ///< UTC; invalid until the first bar arrives
    QDateTime updatedAt;     ///< engine clock time of this snapshot
    int barCount = 0;
    QString lastError;       ///< empty when the last fetch succeeded
    bool marketOpen = false;
    QString marketState;     ///< "open", "weekend", "holiday: Thanksgiving Day", "early close", ...
    Freshness freshness = Freshness::Unknown;
    qint64 lagSeconds = 0;       ///< market-time lag behind the newest bar the market could have closed
    qint64 toleranceSeconds = 0;
    QString freshnessReason; ///< "no bar since 10:35 ET while XNYS is open"
    QString feed;            ///< the provider that serves it ("oanda", "alphavantage")
    /// The price stream that serves it; nullopt when it is polled. While the stream is down the
    /// instrument is degraded: its bars come from candles, later than a stream would bring them.
    std::optional<StreamState> stream;
    [[nodiscard]] bool degraded() const { return stream && !stream->live; }
};
using InstrumentSnapshots = QList<InstrumentSnapshot>;

/// New closed bars for the chart; `replace` means the series was reloaded from scratch.
struct BarUpdate {
    QString instrumentKey;
    Bars bars;
    bool replace = false;
};

/// A proposal or execution to mark on the chart.
struct ChartMarker {
    enum class Kind { Proposal, Execution };
    QString instrumentKey;
    Kind kind = Kind::Proposal;
    Side side = Side::Buy;
    QDateTime at;
    double price = 0;
};

struct CacheSnapshot {
    QString name;            ///< "bars", "portfolio", "quote", ...
    qint64 hits = 0;
    qint64 misses = 0;
    qint64 expirations = 0;
    qint64 evictions = 0;
    qint64 entries = 0;
    bool enabled = true;
    QString backend;         ///< "memory", "redis", "redis (degraded: memory)"
    [[nodiscard]] double hitRate() const { return hits + misses == 0 ? 0.0 : double(hits) / double(hits + misses); }
};

struct QuotaSnapshot {
    QString provider;
    int usedToday = 0;
    int dailyLimit = 0;      ///< 0: unlimited
    QDateTime resetsAt;
    qint64 apiCallsSaved = 0; ///< requests answered from a cache instead of the provider
    std::optional<StreamState> stream; ///< the feed's price stream, when it streams
    int windowLimit = 0;      ///< the rate limit: requests per `window`; 0: none
    int windowUsed = 0;       ///< requests in the window that ends now
    std::chrono::milliseconds window{std::chrono::minutes{1}};
};

struct CacheReport {
    QDateTime at;
    QList<CacheSnapshot> caches;
    QList<QuotaSnapshot> quotas;
};

struct LimitUsage {
    QString name;            ///< "portfolio VaR", "position AAPL", "drawdown", "trades today"
    double value = 0;
    double limit = 0;
};

struct RiskSnapshot {
    QDateTime at;
    double confidence = 0.95;
    double var = 0;              ///< positive loss fraction of equity
    double expectedShortfall = 0;
    QString methodLabel;         ///< "historical", "bootstrap (12 returns)"
    std::optional<VarMethod> method; ///< none when nothing was estimated (no positions, no data)
    double equity = 0;
    double exposure = 0;         ///< gross exposure, account currency
    QString currency;
    QList<LimitUsage> limits;
};

/// A delivery channel's health as the Delivery panel shows it.
enum class ChannelState { Ok, Retrying, Failing, Disabled, Offline };

struct ChannelSnapshot {
    QString channel;             ///< "telegram", "webhook", "desktop", "log"
    ChannelState state = ChannelState::Ok;
    qint64 delivered = 0;
    qint64 failed = 0;
    qint64 retrying = 0;
    double successRate = 0;
    QString lastError;
    QString lastRemedy;
    qint64 p50Ms = 0;
    qint64 p95Ms = 0;
};

/// The Telegram update poller as the Delivery panel shows it (two-way Telegram, ADR 0132).
struct UpdatesView {
    QString status;              ///< "polling", "backing off", "rate limited", "conflict", "unauthorized", ...
    QString lastError;           ///< redacted; empty while answers come back
    QDateTime lastAnswerAt;
    QDateTime nextAttemptAt;     ///< while waiting to retry
    qint64 handled = 0;          ///< presses and commands acted on or answered
    qint64 refused = 0;          ///< from people who are not operators
};

struct DeliverySnapshot {
    QDateTime at;
    QList<ChannelSnapshot> channels;
    int outboxDepth = 0;
    bool offline = false;        ///< started with --offline: live checks skipped
    std::optional<UpdatesView> updates; ///< set when Telegram operators are configured
};

/// One open position as the positions view and the flatten confirmation show it.
struct PositionView {
    QString instrumentKey;
    double quantity = 0;
    double averagePrice = 0;
    double marketPrice = 0;
    double unrealizedPnl = 0;    ///< account currency
    // The two below come from the journal (ADR 0140) and are empty when it cannot say: a position
    // opened at the broker, or held in another quantity than the journal's fills add up to.
    // Defaulted here, so initialisers that list the fields above stay complete.
    std::optional<double> stopPrice = std::nullopt; ///< the protective stop of its newest entry
    QDateTime openedAt = QDateTime();               ///< UTC: when it last went from flat to held; invalid when unknown
};

/// The account as the platform last reported it.
struct PortfolioView {
    QDateTime at;
    QString currency;
    double balance = 0;
    double equity = 0;
    std::optional<double> realisedToday; ///< round trips closed today (UTC), net of fees; none when the journal could not say
    QList<PositionView> positions; ///< by instrument key
};

/// Everything the operator needs to decide on a trade.
struct ProposalView {
    using State = ProposalState;
    QString id;
    Instrument instrument;
    Side side = Side::Buy;
    bool isExit = false;
    double quantity = 0;
    double price = 0;
    QString strategyReason;
    std::optional<AdviceRecord> advice; ///< the advisor's reason, votes and latencies, when it advised
    bool riskApproved = false;
    QStringList riskReasons;     ///< every check's outcome, failed ones first
    double varBefore = 0;
    double varAfter = 0;
    QString freshness;           ///< "fresh (lag 1 min)"
    QDateTime createdAt;
    QDateTime expiresAt;
    State state = State::Pending;
    QString resolution;          ///< why it left the queue (rejection reason, refusal reason)
    QDateTime resolvedAt;        ///< when it left the queue; invalid while pending
    struct FillView {
        double quantity = 0;
        double price = 0;
    };
    std::optional<FillView> fill; ///< for an executed proposal
};

struct AlertView {
    using Severity = sentinel::Severity;
    QString id;
    Severity severity = Severity::Warning;
    QString kind;                ///< "stale_data", "delivery_failed", "quota", "risk_rejection", "recovered", ...
    QString instrumentKey;       ///< empty when not about one instrument
    QString message;
    QDateTime at;
    bool acknowledged = false;
};

enum class EngineState { Starting, Running, Stopped };

/// Engine-wide state for the status bar.
struct EngineStatus {
    EngineState state = EngineState::Starting;
    TradingMode mode = TradingMode::Approval;
    QString provider;
    qint64 cycles = 0;
    double cyclesPerMinute = 0;
    double apiCallsPerHour = 0;
    bool offline = false;
    QDateTime clockTime;
    QString liveAccount; ///< "OANDA account …" when orders move real money; empty otherwise
    bool paused = false; ///< no new proposals; exits and alerts go on (ADR 0132)
    QString pausedBy;    ///< "desktop (alice)", "telegram @bob", "cli (alice)"
    QDateTime pausedAt;
};

/// A question of the History panel (ADR 0136): one page of the proposals a filter selects.
struct HistoryQuery {
    quint64 request = 0;                ///< echoed in the answer, so the panel can drop one it no longer wants
    HistoryFilter filter;
    std::optional<HistoryCursor> after; ///< the last row the panel holds; unset for the first page
    int limit = 200;
};

/// The engine's answer to a HistoryQuery.
struct HistoryPageView {
    quint64 request = 0;
    QList<HistoryRow> rows;               ///< newest first
    bool more = false;                    ///< another page follows
    std::optional<qint64> matching;       ///< first page only: how many proposals the filter selects
    QStringList strategies;               ///< first page only: the strategies the journal names
    QString error;                        ///< the journal could not answer (rows are empty)
};

/// What the History panel's detail pane shows beyond the row: the proposal as the Approvals panel
/// showed it (reason, advice, risk checks, VaR, freshness) and the delivery of its signal.
struct HistoryDetailView {
    QString proposalId;
    std::optional<ProposalView> proposal;
    struct Delivery {
        QString state;       ///< the outbox's: "queued", "sending", "delivered", "failed", "expired"
        QString channel;     ///< who delivered it; "" until delivered
        int attempts = 0;
        QString lastError;
        QDateTime finishedAt;
    };
    std::optional<Delivery> delivery; ///< none when no signal went out for it (no remote channel)
    QString error;
};

/// Export the proposals a filter selects to a file the operator chose.
struct HistoryExportRequest {
    HistoryFilter filter;
    QString path;
    QString format; ///< "csv" or "json"
};

struct HistoryExportResult {
    QString path;
    qint64 rows = 0;
    QString error; ///< empty when the file was written
};

/// Registers the snapshot types with the meta-type system so queued connections can carry them.
void registerSnapshotTypes();

/// What File ▸ Simulate… asks for (issue 17, ADR 0137): the engine driven on a simulated clock
/// over [from, to), for some of the watchlist, with one strategy, on a scratch journal and the
/// paper account, approving its own proposals as `sentinel run --simulate --auto-approve` does.
struct SimulationRequest {
    QDateTime from;             ///< UTC
    QDateTime to;               ///< UTC, after `from`
    QStringList instrumentKeys; ///< a non-empty subset of the watchlist's Instrument::key()s
    QString strategy;           ///< a StrategyRegistry name
};

struct SimulationProgress {
    double fraction = 0;      ///< of the simulated range covered, 0..1
    QDateTime simulatedTime;  ///< the simulated clock now
};

/// How a simulation ended: finished (with its performance), cancelled, or refused or failed
/// (`error` says why and what to change).
struct SimulationOutcome {
    enum class End { Finished, Cancelled, Failed };
    End end = End::Failed;
    QString error;
    PerformanceView performance; ///< Source::Simulation; its report is empty unless Finished
};

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::InstrumentSnapshot)
Q_DECLARE_METATYPE(sentinel::BarUpdate)
Q_DECLARE_METATYPE(sentinel::ChartMarker)
Q_DECLARE_METATYPE(sentinel::CacheReport)
Q_DECLARE_METATYPE(sentinel::RiskSnapshot)
Q_DECLARE_METATYPE(sentinel::DeliverySnapshot)
Q_DECLARE_METATYPE(sentinel::ProposalView)
Q_DECLARE_METATYPE(sentinel::AlertView)
Q_DECLARE_METATYPE(sentinel::EngineStatus)
Q_DECLARE_METATYPE(sentinel::PortfolioView)
Q_DECLARE_METATYPE(sentinel::HistoryQuery)
Q_DECLARE_METATYPE(sentinel::HistoryPageView)
Q_DECLARE_METATYPE(sentinel::HistoryDetailView)
Q_DECLARE_METATYPE(sentinel::HistoryExportRequest)
Q_DECLARE_METATYPE(sentinel::HistoryExportResult)
Q_DECLARE_METATYPE(sentinel::SimulationRequest)
Q_DECLARE_METATYPE(sentinel::SimulationProgress)
Q_DECLARE_METATYPE(sentinel::SimulationOutcome)

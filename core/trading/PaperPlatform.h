// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Config.h"
#include "trading/TradingPlatform.h"

#include <QHash>

#include <memory>
#include <optional>

namespace sentinel {

class Clock;
class SqliteConnection;

/// A simulated account kept in `paper_*` tables of an SQLite file (normally the journal's).
/// Market orders fill at the instrument's latest marked price (the request's reference price
/// until one is marked) moved against the trader by the configured slippage, and pay the
/// configured fee; both in basis points of notional. Long only: a buy must be paid from cash,
/// a sell may not exceed the position (ADR 0061). Each fill is one transaction (order, position,
/// cash), committed before anyone is told, and client order ids are remembered across restarts,
/// so an order sent twice trades once. Lives in one thread (its QtSql connection belongs there).
class PaperPlatform final : public TradingPlatform
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaperPlatform)
public:
    static constexpr int schemaVersion = 1;

    /// Opens the account in the SQLite file at `path`, creating it with `settings.startingBalance`
    /// when the file has none. An existing account keeps its own balance; a different currency
    /// is an error (the ledger cannot be re-denominated).
    [[nodiscard]] static Result<std::unique_ptr<PaperPlatform>> open(const QString& path, const PaperSettings& settings,
                                                                       Clock& clock, QObject* parent = nullptr);
    ~PaperPlatform() override;

    [[nodiscard]] QString name() const override;
    /// Executes at once (persisted before this returns); `done` runs from the event loop.
    void placeOrder(const OrderRequest& request, FillCallback done) override;
    void fetchPortfolio(PortfolioCallback done) override;

    /// What placeOrder does, answered directly.
    [[nodiscard]] Result<Fill> execute(const OrderRequest& request);
    /// The account now, positions at their last marked prices.
    [[nodiscard]] PortfolioSnapshot snapshot() const;
    /// Records the latest market price of an instrument: the next fill's base price and the
    /// mark for equity. Persisted (with the peak equity) when the account holds the instrument.
    [[nodiscard]] Status markPrice(const QString& instrumentKey, double price) override;
    /// The stored fill of a client order id, if that order was filled.
    [[nodiscard]] Result<std::optional<Fill>> findFill(const QString& clientOrderId);
    /// The same, answered at once (the account is a local file).
    void findFill(const QString& clientOrderId, FindFillCallback done) override;

private:
    PaperPlatform(std::unique_ptr<SqliteConnection> db, const PaperSettings& settings, Clock& clock, QObject* parent);
    Status createSchema();
    Status loadAccount();
    /// Writes each position's last mark (inside the caller's transaction).
    Status writeMarks(const QHash<QString, Position>& positions);
    [[nodiscard]] double equity(const QHash<QString, Position>& positions, double cash) const;
    /// The earlier fill of this client order id, if any; an error when the id was used for another order.
    [[nodiscard]] Result<std::optional<Fill>> previousFill(const OrderRequest& request);
    /// The fill at the last mark (else the reference price), with slippage and fee.
    [[nodiscard]] Fill priceFill(const OrderRequest& request) const;
    /// Moves `position` and `cash` by the fill; refuses a buy without the cash or a short sale.
    [[nodiscard]] Status applyFill(const Fill& fill, Position& position, double& cash) const;
    [[nodiscard]] Status storeFill(const Fill& fill, const Position& position, double cash, double peak);

    std::unique_ptr<SqliteConnection> m_db;
    PaperSettings m_settings;
    Clock* m_clock;
    double m_cash = 0;
    double m_peakEquity = 0;
    qint64 m_nextOrderSeq = 1;
    QHash<QString, Position> m_positions;
    QHash<QString, double> m_marks;
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/PaperPlatform.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "storage/SchemaVersions.h"
#include "storage/SqliteConnection.h"

#include <QMetaObject>

#include <cmath>

namespace sentinel {

namespace {
// Quantities are doubles; a sell within this fraction of the position closes it exactly.
constexpr double quantityTolerance = 1e-9;

Error orderError(const QString& kind, const QString& message, const QString& remedy)
{
    return Error{kind, message, remedy};
}

bool finitePositive(double value)
{
    return std::isfinite(value) && value > 0;
}

bool sameQuantity(double a, double b)
{
    return std::abs(a - b) <= quantityTolerance * std::max(std::abs(a), std::abs(b));
}

Status validate(const OrderRequest& request)
{
    const QString remedy = QStringLiteral("this is a bug in the caller: report it with the log");
    if (request.clientOrderId.trimmed().isEmpty())
        return orderError(QStringLiteral("invalid_order"), QStringLiteral("order has no client order id"), remedy);
    if (request.instrumentKey.isEmpty())
        return orderError(QStringLiteral("invalid_order"), QStringLiteral("order %1 names no instrument").arg(request.clientOrderId), remedy);
    if (!finitePositive(request.quantity))
        return orderError(QStringLiteral("invalid_order"),
                          QStringLiteral("order %1 has quantity %2; it must be a positive number").arg(request.clientOrderId).arg(request.quantity),
                          remedy);
    if (!finitePositive(request.referencePrice))
        return orderError(QStringLiteral("invalid_order"),
                          QStringLiteral("order %1 has reference price %2; it must be a positive number")
                              .arg(request.clientOrderId)
                              .arg(request.referencePrice),
                          remedy);
    return okStatus();
}
} // namespace

PaperPlatform::PaperPlatform(std::unique_ptr<SqliteConnection> db, const PaperSettings& settings, Clock& clock,
                             QObject* parent)
    : TradingPlatform(parent), m_db(std::move(db)), m_settings(settings), m_clock(&clock)
{
}

PaperPlatform::~PaperPlatform()
{
    // Marks live in memory between equity peaks (markPrice); a clean shutdown keeps the last ones.
    const Status stored = m_db->transaction([&] { return writeMarks(m_positions); });
    if (!stored)
        log::get("trading")->warn("last marks not saved: {}", stored.error().toString());
}

Result<std::unique_ptr<PaperPlatform>> PaperPlatform::open(const QString& path, const PaperSettings& settings, Clock& clock,
                                                           QObject* parent)
{
    const auto badSetting = [](const QString& key, double value) {
        return Error{QStringLiteral("invalid_config"), QStringLiteral("%1 is %2").arg(key).arg(value),
                     QStringLiteral("set %1 to a number from 0 to 1000 (basis points)").arg(key)};
    };
    if (!std::isfinite(settings.feeBps) || settings.feeBps < 0 || settings.feeBps > 1000)
        return badSetting(QStringLiteral("paper.fee_bps"), settings.feeBps);
    if (!std::isfinite(settings.slippageBps) || settings.slippageBps < 0 || settings.slippageBps > 1000)
        return badSetting(QStringLiteral("paper.slippage_bps"), settings.slippageBps);
    if (!finitePositive(settings.startingBalance))
        return Error{QStringLiteral("invalid_config"), QStringLiteral("paper.starting_balance is %1").arg(settings.startingBalance),
                     QStringLiteral("set paper.starting_balance to a positive amount")};

    auto db = SqliteConnection::open(path, QStringLiteral("paper account"));
    if (!db)
        return db.error();
    std::unique_ptr<PaperPlatform> platform(new PaperPlatform(std::move(db).value(), settings, clock, parent));
    if (Status status = platform->createSchema(); !status)
        return status.error();
    if (Status status = platform->loadAccount(); !status)
        return status.error();
    return platform;
}

Status PaperPlatform::createSchema()
{
    static const SchemaOwner paperAccount{
        QStringLiteral("paper account"),
        {
            {1,
             QStringLiteral("account, positions, orders"),
             {
                 QStringLiteral("CREATE TABLE paper_account ("
                                " id INTEGER PRIMARY KEY CHECK (id = 1),"
                                " currency TEXT NOT NULL,"
                                " starting_balance REAL NOT NULL,"
                                " cash REAL NOT NULL,"
                                " peak_equity REAL NOT NULL,"
                                " next_order_seq INTEGER NOT NULL,"
                                " created_at_ms INTEGER NOT NULL)"),
                 QStringLiteral("CREATE TABLE paper_positions ("
                                " instrument_key TEXT PRIMARY KEY,"
                                " quantity REAL NOT NULL CHECK (quantity > 0),"
                                " average_price REAL NOT NULL CHECK (average_price > 0),"
                                " market_price REAL NOT NULL CHECK (market_price > 0))"),
                 QStringLiteral("CREATE TABLE paper_orders ("
                                " client_order_id TEXT PRIMARY KEY,"
                                " order_id TEXT NOT NULL UNIQUE,"
                                " instrument_key TEXT NOT NULL,"
                                " side TEXT NOT NULL CHECK (side IN ('buy','sell')),"
                                " quantity REAL NOT NULL CHECK (quantity > 0),"
                                " price REAL NOT NULL CHECK (price > 0),"
                                " fee REAL NOT NULL CHECK (fee >= 0),"
                                " at_ms INTEGER NOT NULL)"),
             }},
        },
        // Releases before schema_versions kept the version here (ADR 0061).
        LegacyVersionMark::keyValue(QStringLiteral("paper_meta"), QStringLiteral("schema_version")),
        QStringLiteral("schema_too_new"),
        QStringLiteral("use the Trade Sentinel version that wrote this file, or point journal.path to a new file"),
    };
    Q_ASSERT(paperAccount.latestVersion() == schemaVersion);
    auto version = SchemaVersions::migrate(*m_db, paperAccount);
    if (!version)
        return version.error();
    return okStatus();
}

Status PaperPlatform::loadAccount()
{
    auto account = m_db->query(QStringLiteral("SELECT currency, cash, peak_equity, next_order_seq FROM paper_account WHERE id = 1"));
    if (!account)
        return account.error();
    if (!account.value().next()) {
        m_cash = m_settings.startingBalance;
        m_peakEquity = m_settings.startingBalance;
        m_nextOrderSeq = 1;
        return m_db->exec(QStringLiteral("INSERT INTO paper_account (id, currency, starting_balance, cash, peak_equity, "
                                         "next_order_seq, created_at_ms) VALUES (1, ?, ?, ?, ?, 1, ?)"),
                          {m_settings.currency, m_settings.startingBalance, m_cash, m_peakEquity, m_clock->nowMs()});
    }
    const QString currency = account.value().value(0).toString();
    if (currency != m_settings.currency)
        return Error{QStringLiteral("currency_mismatch"),
                     QStringLiteral("the paper account in %1 is kept in %2, but paper.currency is %3")
                         .arg(m_db->path(), currency, m_settings.currency),
                     QStringLiteral("set paper.currency to %1, or point journal.path to a new file for a new account").arg(currency)};
    m_cash = account.value().value(1).toDouble();
    m_peakEquity = account.value().value(2).toDouble();
    m_nextOrderSeq = account.value().value(3).toLongLong();

    auto positions = m_db->query(QStringLiteral("SELECT instrument_key, quantity, average_price, market_price FROM paper_positions"));
    if (!positions)
        return positions.error();
    while (positions.value().next()) {
        const QSqlQuery& row = positions.value();
        Position position{row.value(0).toString(), row.value(1).toDouble(), row.value(2).toDouble(), row.value(3).toDouble()};
        m_marks.insert(position.instrumentKey, position.marketPrice);
        m_positions.insert(position.instrumentKey, position);
    }
    log::get("trading")->info("paper account {} restored: cash {} {}, {} positions", m_db->path(), m_cash,
                              m_settings.currency, m_positions.size());
    return okStatus();
}

QString PaperPlatform::name() const
{
    return QStringLiteral("paper");
}

void PaperPlatform::placeOrder(const OrderRequest& request, FillCallback done)
{
    Result<Fill> result = execute(request);
    // Queued so the caller never sees its callback run inside placeOrder, as with a real broker.
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)]() { done(result); }, Qt::QueuedConnection);
}

void PaperPlatform::fetchPortfolio(PortfolioCallback done)
{
    QMetaObject::invokeMethod(
        this, [this, done = std::move(done)]() { done(snapshot()); }, Qt::QueuedConnection);
}

void PaperPlatform::findFill(const QString& clientOrderId, FindFillCallback done)
{
    done(findFill(clientOrderId));
}

Result<std::optional<Fill>> PaperPlatform::findFill(const QString& clientOrderId)
{
    auto row = m_db->query(QStringLiteral("SELECT order_id, instrument_key, side, quantity, price, fee, at_ms "
                                          "FROM paper_orders WHERE client_order_id = ?"),
                           {clientOrderId});
    if (!row)
        return row.error();
    QSqlQuery& query = row.value();
    if (!query.next())
        return std::optional<Fill>();
    Fill fill;
    fill.clientOrderId = clientOrderId;
    fill.orderId = query.value(0).toString();
    fill.instrumentKey = query.value(1).toString();
    fill.side = parseSide(query.value(2).toString()).value_or(Side::Buy);
    fill.quantity = query.value(3).toDouble();
    fill.price = query.value(4).toDouble();
    fill.fee = query.value(5).toDouble();
    fill.at = dateTimeFromMs(query.value(6));
    fill.replayed = true;
    return std::optional<Fill>(fill);
}

Result<std::optional<Fill>> PaperPlatform::previousFill(const OrderRequest& request)
{
    auto previous = findFill(request.clientOrderId);
    if (!previous)
        return previous.error();
    const std::optional<Fill>& fill = previous.value();
    if (fill
        && (fill->instrumentKey != request.instrumentKey || fill->side != request.side
            || !sameQuantity(fill->quantity, request.quantity)))
        return orderError(QStringLiteral("client_order_id_reused"),
                          QStringLiteral("client order id %1 was already used for %2 %3 %4, not for %5 %6 %7")
                              .arg(request.clientOrderId, sideName(fill->side))
                              .arg(fill->quantity)
                              .arg(fill->instrumentKey, sideName(request.side))
                              .arg(request.quantity)
                              .arg(request.instrumentKey),
                          QStringLiteral("give each new order its own client order id"));
    return previous;
}

Fill PaperPlatform::priceFill(const OrderRequest& request) const
{
    const double base = m_marks.value(request.instrumentKey, request.referencePrice);
    const double slip = m_settings.slippageBps / 10'000.0;
    Fill fill;
    fill.clientOrderId = request.clientOrderId;
    fill.orderId = QStringLiteral("PAPER-%1").arg(m_nextOrderSeq, 8, 10, QLatin1Char('0'));
    fill.instrumentKey = request.instrumentKey;
    fill.side = request.side;
    fill.quantity = request.quantity;
    fill.price = request.side == Side::Buy ? base * (1 + slip) : base * (1 - slip);
    fill.fee = fill.notional() * m_settings.feeBps / 10'000.0;
    fill.at = m_clock->now();
    return fill;
}

Status PaperPlatform::applyFill(const Fill& fill, Position& position, double& cash) const
{
    if (fill.side == Side::Buy) {
        const double cost = fill.notional() + fill.fee;
        if (cost > cash)
            return orderError(QStringLiteral("insufficient_funds"),
                              QStringLiteral("buying %1 %2 at %3 costs %4 %5 with fees; the paper account has %6 %5")
                                  .arg(fill.quantity)
                                  .arg(fill.instrumentKey)
                                  .arg(fill.price)
                                  .arg(cost, 0, 'f', 2)
                                  .arg(m_settings.currency)
                                  .arg(cash, 0, 'f', 2),
                              QStringLiteral("reduce the quantity or raise paper.starting_balance for a new account"));
        position.averagePrice = (position.quantity * position.averagePrice + fill.notional()) / (position.quantity + fill.quantity);
        position.quantity += fill.quantity;
        cash -= cost;
    } else {
        if (fill.quantity > position.quantity && !sameQuantity(fill.quantity, position.quantity))
            return orderError(QStringLiteral("insufficient_position"),
                              QStringLiteral("selling %1 %2 but the paper account holds %3; it does not sell short")
                                  .arg(fill.quantity)
                                  .arg(fill.instrumentKey)
                                  .arg(position.quantity),
                              QStringLiteral("sell at most the quantity held"));
        position.quantity = sameQuantity(fill.quantity, position.quantity) ? 0.0 : position.quantity - fill.quantity;
        cash += fill.notional() - fill.fee;
    }
    position.marketPrice = m_marks.value(fill.instrumentKey, fill.price);
    return okStatus();
}

Status PaperPlatform::storeFill(const Fill& fill, const Position& position, double cash, double peak)
{
    return m_db->transaction([&]() -> Status {
        if (Status s = m_db->exec(QStringLiteral("INSERT INTO paper_orders (client_order_id, order_id, instrument_key, side, "
                                                 "quantity, price, fee, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                                  {fill.clientOrderId, fill.orderId, fill.instrumentKey, sideName(fill.side), fill.quantity,
                                   fill.price, fill.fee, fill.at.toMSecsSinceEpoch()});
            !s)
            return s;
        if (position.quantity > 0) {
            if (Status s = m_db->exec(QStringLiteral("INSERT OR REPLACE INTO paper_positions (instrument_key, quantity, "
                                                     "average_price, market_price) VALUES (?, ?, ?, ?)"),
                                      {position.instrumentKey, position.quantity, position.averagePrice, position.marketPrice});
                !s)
                return s;
        } else if (Status s = m_db->exec(QStringLiteral("DELETE FROM paper_positions WHERE instrument_key = ?"),
                                         {position.instrumentKey});
                   !s) {
            return s;
        }
        return m_db->exec(QStringLiteral("UPDATE paper_account SET cash = ?, peak_equity = ?, next_order_seq = ? WHERE id = 1"),
                          {cash, peak, m_nextOrderSeq + 1});
    });
}

Result<Fill> PaperPlatform::execute(const OrderRequest& request)
{
    if (Status status = validate(request); !status)
        return status.error();
    auto previous = previousFill(request);
    if (!previous)
        return previous.error();
    if (previous.value())
        return *previous.value(); // the same order again: its original fill, nothing traded

    const Fill fill = priceFill(request);
    QHash<QString, Position> positions = m_positions;
    Position position = positions.value(request.instrumentKey, Position{request.instrumentKey, 0, 0, 0});
    double cash = m_cash;
    if (Status applied = applyFill(fill, position, cash); !applied)
        return applied.error();
    if (position.quantity > 0)
        positions.insert(position.instrumentKey, position);
    else
        positions.remove(position.instrumentKey);
    const double peak = std::max(m_peakEquity, equity(positions, cash));
    // Persisted before the account in memory changes: a failed write leaves both as they were.
    if (const Status stored = storeFill(fill, position, cash, peak); !stored)
        return stored.error();

    m_cash = cash;
    m_peakEquity = peak;
    m_positions = std::move(positions);
    ++m_nextOrderSeq;
    log::get("trading")->info("paper fill {} {} {} {} at {} fee {} (client order {})", fill.orderId, sideName(fill.side),
                              fill.quantity, fill.instrumentKey, fill.price, fill.fee, fill.clientOrderId);
    Q_EMIT filled(fill);
    return fill;
}

double PaperPlatform::equity(const QHash<QString, Position>& positions, double cash) const
{
    double total = cash;
    for (const Position& position : positions)
        total += position.marketValue();
    return total;
}

Status PaperPlatform::markPrice(const QString& instrumentKey, double price)
{
    if (!finitePositive(price))
        return Error{QStringLiteral("invalid_price"), QStringLiteral("price %1 for %2 is not a positive number").arg(price).arg(instrumentKey),
                     QStringLiteral("the market data quality gate should have rejected this bar")};
    m_marks.insert(instrumentKey, price);
    const auto it = m_positions.find(instrumentKey);
    if (it == m_positions.end())
        return okStatus();
    QHash<QString, Position> positions = m_positions;
    positions[instrumentKey].marketPrice = price;
    const double peak = std::max(m_peakEquity, equity(positions, m_cash));
    // Marks change with every bar and the next bar refreshes them, so they stay in memory (a
    // durable write per bar per position would cost an fsync each). A new equity peak is what the
    // drawdown limit must remember across a restart: that one is written, with the marks.
    if (peak > m_peakEquity) {
        Status stored = m_db->transaction([&]() -> Status {
            if (Status s = writeMarks(positions); !s)
                return s;
            return m_db->exec(QStringLiteral("UPDATE paper_account SET peak_equity = ? WHERE id = 1"), {peak});
        });
        if (!stored)
            return stored;
    }
    m_positions = std::move(positions);
    m_peakEquity = peak;
    return okStatus();
}

Status PaperPlatform::writeMarks(const QHash<QString, Position>& positions)
{
    for (const Position& position : positions) {
        if (Status s = m_db->exec(QStringLiteral("UPDATE paper_positions SET market_price = ? WHERE instrument_key = ?"),
                                  {position.marketPrice, position.instrumentKey});
            !s)
            return s;
    }
    return okStatus();
}

PortfolioSnapshot PaperPlatform::snapshot() const
{
    PortfolioSnapshot snapshot;
    snapshot.balance = m_cash;
    snapshot.equity = equity(m_positions, m_cash);
    snapshot.peakEquity = std::max(m_peakEquity, snapshot.equity);
    snapshot.currency = m_settings.currency;
    for (const Position& position : m_positions)
        snapshot.positions.insert(position.instrumentKey, position);
    snapshot.at = m_clock->now();
    return snapshot;
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
// Golden cases for every Coinbase parser: one folder under tests/data/coinbase/golden a case
// (README.md there), covering every recorded body in tests/data/coinbase.
#include "TestData.h"

#include "brokers/coinbase/CoinbaseAccounts.h"
#include "brokers/coinbase/CoinbaseCandles.h"
#include "brokers/coinbase/CoinbaseFills.h"
#include "brokers/coinbase/CoinbaseHttpError.h"
#include "brokers/coinbase/CoinbaseOrders.h"
#include "brokers/coinbase/CoinbaseWsMessage.h"
#include "market/BarJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace sentinel;
using namespace sentinel::coinbase;

class TestCoinbaseGolden final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goldenCase_data();
    void goldenCase();
    void everyRecordedBodyHasAGoldenCase();
};

namespace {

QString isoMs(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue decimalJson(const std::optional<Decimal>& d)
{
    return d ? QJsonValue(d->text) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const CoinbaseCandles& candles)
{
    QJsonArray closed;
    for (const Bar& bar : candles.closed)
        closed.append(barToJson(bar));
    return QJsonObject{
        {QStringLiteral("granularity"), candles.granularity ? QJsonValue(granularityName(*candles.granularity)) : QJsonValue()},
        {QStringLiteral("granularity_inferred"), candles.granularityInferred},
        {QStringLiteral("closed"), closed},
        {QStringLiteral("forming"), candles.forming ? QJsonValue(barToJson(*candles.forming)) : QJsonValue()}};
}

QString typeName(WsEventType type)
{
    return type == WsEventType::Snapshot ? QStringLiteral("snapshot") : QStringLiteral("update");
}

QJsonObject itemJson(const WsHeartbeat& h)
{
    return {{QStringLiteral("current_time"), isoMs(h.currentTime)}, {QStringLiteral("counter"), h.counter}};
}

QJsonObject itemJson(const WsCandle& c)
{
    QJsonObject o = barToJson(c.bar);
    o.insert(QStringLiteral("product_id"), c.productId);
    return o;
}

QJsonObject itemJson(const WsTicker& t)
{
    return {{QStringLiteral("product_id"), t.productId},        {QStringLiteral("price"), t.price.text},
            {QStringLiteral("volume_24_h"), t.volume24h.text},  {QStringLiteral("best_bid"), decimalJson(t.bestBid)},
            {QStringLiteral("best_bid_quantity"), decimalJson(t.bestBidQuantity)},
            {QStringLiteral("best_ask"), decimalJson(t.bestAsk)},
            {QStringLiteral("best_ask_quantity"), decimalJson(t.bestAskQuantity)}};
}

QJsonObject itemJson(const WsTrade& t)
{
    return {{QStringLiteral("trade_id"), t.tradeId}, {QStringLiteral("product_id"), t.productId},
            {QStringLiteral("price"), t.price.text},  {QStringLiteral("size"), t.size.text},
            {QStringLiteral("side"), sideName(t.side)}, {QStringLiteral("time"), isoMs(t.time)}};
}

QJsonObject itemJson(const WsSubscriptions& s)
{
    QJsonObject channels;
    for (auto it = s.channels.begin(); it != s.channels.end(); ++it)
        channels.insert(it.key(), QJsonArray::fromStringList(it.value()));
    return {{QStringLiteral("subscriptions"), channels}};
}

template <typename Item>
QJsonObject itemJson(const WsEvent<Item>& event)
{
    static const QString keys[] = {QStringLiteral("candles"), QStringLiteral("tickers"), QStringLiteral("trades")};
    const QString& key = std::is_same_v<Item, WsCandle> ? keys[0] : std::is_same_v<Item, WsTicker> ? keys[1] : keys[2];
    QJsonArray items;
    for (const Item& item : event.items)
        items.append(itemJson(item));
    return {{QStringLiteral("type"), typeName(event.type)}, {key, items}};
}

QJsonObject toJson(const WsMessage& message)
{
    QJsonArray events;
    std::visit([&](const auto& list) {
        for (const auto& event : list)
            events.append(itemJson(event));
    }, message.events);
    return {{QStringLiteral("channel"), wsChannelName(message.channel)},
            {QStringLiteral("client_id"), message.clientId},
            {QStringLiteral("timestamp"), isoMs(message.timestamp)},
            {QStringLiteral("sequence_num"), message.sequenceNum},
            {QStringLiteral("events"), events}};
}

QJsonObject toJson(const CreateOrderAnswer& a)
{
    QJsonValue rejection;
    if (a.rejection)
        rejection = QJsonObject{{QStringLiteral("error"), a.rejection->error},
                                {QStringLiteral("message"), a.rejection->message},
                                {QStringLiteral("details"), a.rejection->details},
                                {QStringLiteral("preview_failure_reason"), a.rejection->previewFailureReason},
                                {QStringLiteral("new_order_failure_reason"), a.rejection->newOrderFailureReason}};
    return {{QStringLiteral("accepted"), a.accepted()},
            {QStringLiteral("order_id"), a.orderId},
            {QStringLiteral("client_order_id"), a.clientOrderId},
            {QStringLiteral("product_id"), a.productId},
            {QStringLiteral("side"), a.side ? QJsonValue(sideName(*a.side)) : QJsonValue()},
            {QStringLiteral("rejection"), rejection}};
}

QJsonObject toJson(const CoinbaseOrder& o)
{
    return {{QStringLiteral("order_id"), o.orderId},
            {QStringLiteral("client_order_id"), o.clientOrderId},
            {QStringLiteral("product_id"), o.productId},
            {QStringLiteral("side"), sideName(o.side)},
            {QStringLiteral("status"), o.status},
            {QStringLiteral("order_type"), o.orderType},
            {QStringLiteral("time_in_force"), o.timeInForce},
            {QStringLiteral("configuration"), o.configuration},
            {QStringLiteral("base_size"), decimalJson(o.baseSize)},
            {QStringLiteral("quote_size"), decimalJson(o.quoteSize)},
            {QStringLiteral("limit_price"), decimalJson(o.limitPrice)},
            {QStringLiteral("created_time"), isoMs(o.createdTime)},
            {QStringLiteral("filled_size"), o.filledSize.text},
            {QStringLiteral("average_filled_price"), decimalJson(o.averageFilledPrice)},
            {QStringLiteral("filled_value"), decimalJson(o.filledValue)},
            {QStringLiteral("total_fees"), decimalJson(o.totalFees)},
            {QStringLiteral("reject_reason"), o.rejectReason},
            {QStringLiteral("final"), o.isFinal()}};
}

QJsonObject toJson(const OrderPage& page)
{
    QJsonArray orders;
    for (const CoinbaseOrder& order : page.orders)
        orders.append(toJson(order));
    return {{QStringLiteral("orders"), orders}, {QStringLiteral("has_next"), page.hasNext}, {QStringLiteral("cursor"), page.cursor}};
}

QJsonObject toJson(const FillPage& page)
{
    QJsonArray fills;
    for (const CoinbaseFill& f : page.fills)
        fills.append(QJsonObject{{QStringLiteral("entry_id"), f.entryId},
                                 {QStringLiteral("trade_id"), f.tradeId},
                                 {QStringLiteral("order_id"), f.orderId},
                                 {QStringLiteral("product_id"), f.productId},
                                 {QStringLiteral("side"), sideName(f.side)},
                                 {QStringLiteral("price"), f.price.text},
                                 {QStringLiteral("size"), f.size.text},
                                 {QStringLiteral("commission"), f.commission.text},
                                 {QStringLiteral("liquidity_indicator"), f.liquidityIndicator},
                                 {QStringLiteral("size_in_quote"), f.sizeInQuote},
                                 {QStringLiteral("trade_time"), isoMs(f.tradeTime)}});
    return {{QStringLiteral("fills"), fills}, {QStringLiteral("cursor"), page.cursor}};
}

QJsonObject toJson(const AccountPage& page)
{
    QJsonArray accounts;
    for (const CoinbaseAccount& a : page.accounts)
        accounts.append(QJsonObject{{QStringLiteral("uuid"), a.uuid},
                                    {QStringLiteral("name"), a.name},
                                    {QStringLiteral("currency"), a.currency},
                                    {QStringLiteral("available"), a.available.text},
                                    {QStringLiteral("hold"), a.hold.text},
                                    {QStringLiteral("active"), a.active},
                                    {QStringLiteral("ready"), a.ready}});
    return {{QStringLiteral("accounts"), accounts}, {QStringLiteral("has_next"), page.hasNext}, {QStringLiteral("cursor"), page.cursor}};
}

/// The parse outcome as JSON, or the error.
struct Outcome {
    std::optional<QJsonObject> value;
    Error error;
};

template <typename T>
Outcome outcomeOf(const Result<T>& result)
{
    if (result)
        return {toJson(result.value()), {}};
    return {std::nullopt, result.error()};
}

Outcome run(const QJsonObject& spec, const QByteArray& body)
{
    const QString parser = spec.value(QStringLiteral("parser")).toString();
    if (parser == u"candles") {
        CandleParseOptions options;
        options.now = QDateTime::fromString(spec.value(QStringLiteral("now")).toString(), Qt::ISODate);
        if (spec.contains(QStringLiteral("granularity")))
            options.granularity = parseGranularity(spec.value(QStringLiteral("granularity")).toString());
        return outcomeOf(parseCoinbaseCandles(body, options));
    }
    if (parser == u"ws")
        return outcomeOf(parseWsMessage(body));
    if (parser == u"create_order")
        return outcomeOf(parseCreateOrderAnswer(body));
    if (parser == u"order")
        return outcomeOf(parseHistoricalOrder(body));
    if (parser == u"orders")
        return outcomeOf(parseHistoricalOrders(body));
    if (parser == u"fills")
        return outcomeOf(parseFills(body));
    if (parser == u"accounts")
        return outcomeOf(parseAccounts(body));
    if (parser == u"http") {
        const QDateTime now(QDate(2026, 4, 7), QTime(12, 0), Qt::UTC);
        const HttpErrorAnswer answer = classifyHttpError(spec.value(QStringLiteral("status")).toInt(), body,
                                                         spec.value(QStringLiteral("retry_after")).toString().toLatin1(), now);
        QJsonObject json{{QStringLiteral("error_kind"), answer.error.kind},
                         {QStringLiteral("retry_after_s"), answer.retryAfter ? QJsonValue(qint64(answer.retryAfter->count())) : QJsonValue()}};
        return {json, answer.error};
    }
    return {std::nullopt, Error{QStringLiteral("test_setup"), QStringLiteral("unknown parser '%1'").arg(parser)}};
}

} // namespace

void TestCoinbaseGolden::goldenCase_data()
{
    test::addGoldenCaseRows(QStringLiteral("coinbase/golden"), 60);
}

void TestCoinbaseGolden::goldenCase()
{
    QFETCH(QString, folder);
    const QDir dir(folder);
    QJsonParseError parseError{};
    const QJsonObject spec = QJsonDocument::fromJson(test::readFile(dir.filePath(QStringLiteral("case.json"))), &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError && !spec.isEmpty(), "case.json is unreadable");
    QString input;
    if (spec.contains(QStringLiteral("input"))) {
        input = test::dataPath(QStringLiteral("coinbase/") + spec.value(QStringLiteral("input")).toString());
    } else {
        const QStringList inputs = dir.entryList({QStringLiteral("input.*")}, QDir::Files);
        QCOMPARE(inputs.size(), 1);
        input = dir.filePath(inputs.first());
    }
    QVERIFY2(QFile::exists(input), qPrintable(input));
    const Outcome outcome = run(spec, test::readFile(input));

    const QString wantedKind = spec.value(QStringLiteral("error_kind")).toString();
    if (!wantedKind.isEmpty()) {
        QVERIFY2(!outcome.value, qPrintable(QStringLiteral("expected %1, parsed: %2").arg(wantedKind,
                     outcome.value ? QString::fromUtf8(QJsonDocument(*outcome.value).toJson(QJsonDocument::Compact)) : QString())));
        QCOMPARE(outcome.error.kind, wantedKind);
        QVERIFY2(!outcome.error.remedy.isEmpty(), "every error says how to fix it");
    } else {
        QVERIFY2(outcome.value, qPrintable(outcome.error.kind + u": " + outcome.error.toString()));
        const QJsonObject expected = spec.value(QStringLiteral("expected")).toObject();
        if (*outcome.value != expected) {
            qWarning().noquote() << "got     " << QJsonDocument(*outcome.value).toJson(QJsonDocument::Compact);
            qWarning().noquote() << "expected" << QJsonDocument(expected).toJson(QJsonDocument::Compact);
        }
        QCOMPARE(*outcome.value, expected);
    }
    const QString contains = spec.value(QStringLiteral("message_contains")).toString();
    if (!contains.isEmpty())
        QVERIFY2(outcome.error.message.contains(contains), qPrintable(outcome.error.message));
}

void TestCoinbaseGolden::everyRecordedBodyHasAGoldenCase()
{
    const QDir data(test::dataPath(QStringLiteral("coinbase")));
    QSet<QString> used;
    const QDir golden(data.filePath(QStringLiteral("golden")));
    for (const QString& name : golden.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QJsonObject spec =
            QJsonDocument::fromJson(test::readFile(golden.filePath(name + QStringLiteral("/case.json")))).object();
        used.insert(spec.value(QStringLiteral("input")).toString());
    }
    const QStringList recorded = data.entryList({QStringLiteral("*.json"), QStringLiteral("*.txt")}, QDir::Files);
    QVERIFY(recorded.size() >= 15);
    for (const QString& file : recorded)
        QVERIFY2(used.contains(file), qPrintable(file + QStringLiteral(" has no golden case")));
}

QTEST_GUILESS_MAIN(TestCoinbaseGolden)
#include "tst_coinbasegolden.moc"

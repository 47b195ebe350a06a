// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseFills.h"

#include "brokers/coinbase/CoinbaseError.h"
#include "brokers/coinbase/CoinbaseFields.h"

namespace sentinel::coinbase {

namespace ce = coinbaseError;

namespace {

CoinbaseFill readFill(FieldReader& fill)
{
    CoinbaseFill item;
    item.entryId = fill.string(u"entry_id");
    item.tradeId = fill.string(u"trade_id");
    item.orderId = fill.string(u"order_id");
    item.productId = fill.string(u"product_id");
    item.side = fill.side(u"side");
    item.price = fill.decimal(u"price");
    item.size = fill.decimal(u"size");
    item.commission = fill.decimal(u"commission");
    item.liquidityIndicator = fill.optionalString(u"liquidity_indicator");
    item.sizeInQuote = fill.optionalBoolean(u"size_in_quote");
    item.tradeTime = fill.time(u"trade_time");
    if (fill.ok() && (item.price.value <= 0 || item.size.value <= 0 || item.commission.value < 0))
        fill.fail(ce::make(ce::InvalidNumber,
                           QStringLiteral("%1: price %2, size %3, commission %4: a fill has a positive price and size and no negative fee")
                               .arg(fill.where(), item.price.text, item.size.text, item.commission.text),
                           QStringLiteral("report this body")));
    return item;
}

} // namespace

Result<FillPage> parseFills(const QByteArray& body)
{
    Result<QJsonObject> root = parseObjectBody(body, kMaxRestBodyBytes, QStringLiteral("the fills answer"));
    if (!root)
        return root.error();
    FieldReader reader(*root, QStringLiteral("body"));
    FillPage page;
    const QJsonArray fills = reader.array(u"fills");
    page.cursor = reader.optionalString(u"cursor");
    page.fills = readEach<CoinbaseFill>(reader, fills, QStringLiteral("fills"), readFill);
    if (!reader.ok())
        return reader.error();
    return page;
}

} // namespace sentinel::coinbase

// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaPricing.h"

#include "brokers/oanda/OandaErrors.h"
#include "brokers/oanda/OandaFields.h"
#include "common/Excerpt.h"

namespace sentinel::oanda {

namespace oe = oandaError;

namespace {

Result<QList<PriceLevel>> readLevels(const FieldReader& price, QStringView side)
{
    const auto array = price.array(side);
    if (!array)
        return array.error();
    QList<PriceLevel> levels;
    for (qsizetype i = 0; i < array.value().size(); ++i) {
        const auto element = price.element(side, array.value(), i);
        if (!element)
            return element.error();
        const FieldReader& level = element.value();
        const auto at = level.decimal(u"price");
        if (!at)
            return at.error();
        if (at.value() <= 0)
            return level.invalid(u"price", QStringLiteral("is %1; a price must be positive").arg(at.value()));
        // `liquidity` is a number in a price, a string inside an order fill's fullPrice.
        const auto liquidity = level.count(u"liquidity");
        if (!liquidity)
            return liquidity.error();
        levels.append(PriceLevel{at.value(), double(liquidity.value())});
    }
    return levels;
}

Result<bool> readTradeable(const FieldReader& price)
{
    if (price.has(u"tradeable"))
        return price.boolean(u"tradeable");
    // Older answers say it only as `status` ("tradeable", "non-tradeable", "invalid").
    const auto status = price.text(u"status");
    if (!status)
        return price.missing(u"tradeable");
    return status.value() == u"tradeable";
}

Result<Price> readPrice(const FieldReader& reader)
{
    Price price;
    if (auto read = store(reader.text(u"instrument"), price.instrument); !read)
        return read.error();
    if (auto read = store(reader.time(u"time"), price.time); !read)
        return read.error();
    if (auto read = store(readTradeable(reader), price.tradeable); !read)
        return read.error();
    if (auto read = store(readLevels(reader, u"bids"), price.bids); !read)
        return read.error();
    if (auto read = store(readLevels(reader, u"asks"), price.asks); !read)
        return read.error();
    if (auto read = store(reader.optionalDecimal(u"closeoutBid"), price.closeoutBid); !read)
        return read.error();
    if (auto read = store(reader.optionalDecimal(u"closeoutAsk"), price.closeoutAsk); !read)
        return read.error();
    return price;
}

} // namespace

Result<StreamMessage> parseStreamLine(QByteArrayView line)
{
    if (line.size() > kMaxStreamLineBytes)
        return oe::make(oe::LineTooLong,
                        QStringLiteral("the stream line has %1 bytes, more than the %2 a price line may have")
                            .arg(line.size())
                            .arg(kMaxStreamLineBytes),
                        QStringLiteral("the stream is not OANDA's pricing stream or it is corrupt; reconnect"));
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    const auto object = readObjectBody(line.toByteArray());
    if (!object)
        return object.error();
    const FieldReader reader(object.value(), QString());
    const auto type = reader.text(u"type");
    if (!type)
        return type.error();
    if (type.value() == u"HEARTBEAT") {
        const auto time = reader.time(u"time");
        if (!time)
            return time.error();
        return StreamMessage(Heartbeat{time.value()});
    }
    if (type.value() == u"PRICE") {
        auto price = readPrice(reader);
        if (!price)
            return price.error();
        return StreamMessage(std::move(price).value());
    }
    return oe::make(oe::UnknownMessage,
                    QStringLiteral("the stream line's type is '%1', neither PRICE nor HEARTBEAT").arg(excerpt(type.value())),
                    QStringLiteral("the stream is not OANDA's pricing stream, or OANDA changed it; report it"));
}

Result<Pricing> parsePricing(const QByteArray& body)
{
    const auto answer = readAnswer(body, u"prices");
    if (!answer)
        return answer.error();
    const FieldReader& root = answer.value();
    const auto list = root.array(u"prices");
    if (!list)
        return list.error();
    Pricing result;
    if (root.has(u"time")) {
        const auto time = root.time(u"time");
        if (!time)
            return time.error();
        result.time = time.value();
    }
    for (qsizetype i = 0; i < list.value().size(); ++i) {
        const auto element = root.element(u"prices", list.value(), i);
        if (!element)
            return element.error();
        const FieldReader& reader = element.value();
        // A REST price may omit `type`; when present it must say PRICE.
        const auto type = reader.optionalText(u"type");
        if (!type)
            return type.error();
        if (!type.value().isEmpty() && type.value() != u"PRICE")
            return reader.invalid(u"type", QStringLiteral("is '%1', not PRICE").arg(excerpt(type.value())));
        auto price = readPrice(reader);
        if (!price)
            return price.error();
        result.prices.append(std::move(price).value());
    }
    return result;
}

} // namespace sentinel::oanda

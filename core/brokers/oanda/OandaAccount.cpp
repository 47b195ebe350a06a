// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaAccount.h"

#include "brokers/oanda/OandaFields.h"

#include <array>
#include <utility>

namespace sentinel::oanda {

namespace {

Result<PositionSide> readSide(const FieldReader& position, QStringView key, bool isLong)
{
    const auto side = position.child(key);
    if (!side)
        return side.error();
    PositionSide result;
    const auto units = side.value().decimal(u"units");
    if (!units)
        return units.error();
    result.units = units.value();
    if (isLong ? result.units < 0 : result.units > 0)
        return side.value().invalid(u"units", QStringLiteral("is %1; a %2 side's units are %3")
                                                  .arg(result.units)
                                                  .arg(isLong ? u"long" : u"short")
                                                  .arg(isLong ? u"never negative" : u"never positive"));
    const auto average = side.value().optionalDecimal(u"averagePrice");
    if (!average)
        return average.error();
    result.averagePrice = average.value();
    if (result.units != 0 && !result.averagePrice)
        return side.value().missing(u"averagePrice");
    if (result.averagePrice && *result.averagePrice <= 0)
        return side.value().invalid(u"averagePrice", QStringLiteral("is %1; a price must be positive").arg(*result.averagePrice));
    return result;
}

} // namespace

Result<AccountSummary> parseAccountSummary(const QByteArray& body)
{
    const auto root = readAnswer(body, u"account");
    if (!root)
        return root.error();
    const auto account = root.value().child(u"account");
    if (!account)
        return account.error();
    const FieldReader& a = account.value();
    AccountSummary summary;
    for (auto [key, target] : {std::pair{u"id", &summary.id}, std::pair{u"currency", &summary.currency}}) {
        if (auto read = store(a.text(QStringView(key)), *target); !read)
            return read.error();
    }
    const std::array<std::pair<const char16_t*, double*>, 5> amounts{{{u"balance", &summary.balance},
                                                                      {u"NAV", &summary.nav},
                                                                      {u"unrealizedPL", &summary.unrealizedPl},
                                                                      {u"marginUsed", &summary.marginUsed},
                                                                      {u"marginAvailable", &summary.marginAvailable}}};
    for (const auto& [key, target] : amounts) {
        if (auto read = store(a.decimal(QStringView(key)), *target); !read)
            return read.error();
    }
    for (auto [key, target] : {std::pair{u"openPositionCount", &summary.openPositionCount},
                               std::pair{u"openTradeCount", &summary.openTradeCount}}) {
        if (auto read = store(a.count(QStringView(key)), *target); !read)
            return read.error();
    }
    const auto last = root.value().optionalText(u"lastTransactionID");
    if (!last)
        return last.error();
    summary.lastTransactionId = last.value();
    return summary;
}

Result<QList<Position>> parseOpenPositions(const QByteArray& body)
{
    const auto root = readAnswer(body, u"positions");
    if (!root)
        return root.error();
    const auto list = root.value().array(u"positions");
    if (!list)
        return list.error();
    QList<Position> positions;
    for (qsizetype i = 0; i < list.value().size(); ++i) {
        const auto element = root.value().element(u"positions", list.value(), i);
        if (!element)
            return element.error();
        const FieldReader& reader = element.value();
        Position position;
        if (auto read = store(reader.text(u"instrument"), position.instrument); !read)
            return read.error();
        if (auto read = store(readSide(reader, u"long", true), position.longSide); !read)
            return read.error();
        if (auto read = store(readSide(reader, u"short", false), position.shortSide); !read)
            return read.error();
        if (auto read = store(reader.decimal(u"unrealizedPL"), position.unrealizedPl); !read)
            return read.error();
        positions.append(position);
    }
    return positions;
}

} // namespace sentinel::oanda

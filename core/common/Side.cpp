// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Side.h"

namespace sentinel {

QString sideName(Side side)
{
    return side == Side::Buy ? QStringLiteral("buy") : QStringLiteral("sell");
}

std::optional<Side> parseSide(QStringView name)
{
    if (name == u"buy")
        return Side::Buy;
    if (name == u"sell")
        return Side::Sell;
    return std::nullopt;
}

} // namespace sentinel

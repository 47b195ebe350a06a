// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/Advice.h"

namespace sentinel::advisor {

QString actionName(AdviceAction action)
{
    switch (action) {
    case AdviceAction::Buy:
        return QStringLiteral("buy");
    case AdviceAction::Sell:
        return QStringLiteral("sell");
    case AdviceAction::Hold:
        break;
    }
    return QStringLiteral("hold");
}

std::optional<AdviceAction> parseAction(QStringView word)
{
    if (word == u"buy")
        return AdviceAction::Buy;
    if (word == u"sell")
        return AdviceAction::Sell;
    if (word == u"hold")
        return AdviceAction::Hold;
    return std::nullopt;
}

std::optional<Side> sideOf(AdviceAction action)
{
    if (action == AdviceAction::Buy)
        return Side::Buy;
    if (action == AdviceAction::Sell)
        return Side::Sell;
    return std::nullopt;
}

AdviceAction effectiveAction(const Result<Advice>& advice)
{
    return advice.ok() ? advice.value().action : AdviceAction::Hold;
}

} // namespace sentinel::advisor

// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/RiskVerdict.h"

namespace sentinel {

QString riskReasonName(RiskReasonCode code)
{
    switch (code) {
    case RiskReasonCode::NotFinite: return QStringLiteral("not_finite");
    case RiskReasonCode::InvalidTrade: return QStringLiteral("invalid_trade");
    case RiskReasonCode::DataNotFresh: return QStringLiteral("data_not_fresh");
    case RiskReasonCode::MarketClosed: return QStringLiteral("market_closed");
    case RiskReasonCode::NotAReduction: return QStringLiteral("not_a_reduction");
    case RiskReasonCode::BalanceUnavailable: return QStringLiteral("balance_unavailable");
    case RiskReasonCode::DrawdownLimit: return QStringLiteral("drawdown_limit");
    case RiskReasonCode::VarLimit: return QStringLiteral("var_limit");
    case RiskReasonCode::VarUnavailable: return QStringLiteral("var_unavailable");
    case RiskReasonCode::PositionLimit: return QStringLiteral("position_limit");
    case RiskReasonCode::ConcentrationLimit: return QStringLiteral("concentration_limit");
    case RiskReasonCode::DailyTradeLimit: return QStringLiteral("daily_trade_limit");
    case RiskReasonCode::VolatilityTooHigh: return QStringLiteral("volatility_too_high");
    }
    return {};
}

bool RiskVerdict::has(RiskReasonCode code) const
{
    for (const RiskReason& reason : reasons) {
        if (reason.code == code)
            return true;
    }
    return false;
}

QStringList reasonLines(const RiskVerdict& verdict)
{
    QStringList lines;
    for (const RiskReason& reason : verdict.reasons)
        lines << riskReasonName(reason.code) + QStringLiteral(": ") + reason.message;
    return lines;
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/PositionSizer.h"

#include <cmath>

namespace sentinel {

namespace {

bool positiveFinite(double value)
{
    return std::isfinite(value) && value > 0.0;
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

// Rounds down to whole lots. The small relative slack keeps 0.3 / 0.1 = 2.9999999999999996
// from losing a lot the caller could plainly afford.
double floorToLots(double quantity, double lotSize)
{
    const double lots = std::floor(quantity / lotSize * (1.0 + 1e-12));
    return lots * lotSize;
}

} // namespace

bool SizingResult::has(SizingReasonCode code) const
{
    for (const SizingReason& reason : reasons) {
        if (reason.code == code)
            return true;
    }
    return false;
}

SizingResult PositionSizer::size(const SizingRequest& request)
{
    SizingResult result;
    QList<SizingReason>& reasons = result.reasons;

    // Malformed inputs first, all of them, so one answer names everything to fix.
    if (!positiveFinite(request.price))
        reasons.append({SizingReasonCode::InvalidPrice,
                        QStringLiteral("price %1 is not a positive finite number").arg(number(request.price))});
    if (!positiveFinite(request.stopDistance))
        reasons.append({SizingReasonCode::InvalidStopDistance,
                        QStringLiteral("stop distance %1 is not a positive finite number").arg(number(request.stopDistance))});
    if (!(std::isfinite(request.riskBudget) && request.riskBudget > 0.0 && request.riskBudget <= 1.0))
        reasons.append({SizingReasonCode::InvalidRiskBudget,
                        QStringLiteral("risk budget %1 is outside (0, 1]").arg(number(request.riskBudget))});
    if (!positiveFinite(request.lotSize))
        reasons.append({SizingReasonCode::InvalidLotSize,
                        QStringLiteral("lot size %1 is not a positive finite number").arg(number(request.lotSize))});
    if (!(std::isfinite(request.minOrder) && request.minOrder >= 0.0))
        reasons.append({SizingReasonCode::InvalidMinOrder,
                        QStringLiteral("minimum order %1 is not a finite number >= 0").arg(number(request.minOrder))});
    if (!(std::isfinite(request.maxPositionFraction) && request.maxPositionFraction > 0.0))
        reasons.append({SizingReasonCode::InvalidMaxPosition,
                        QStringLiteral("maximum position fraction %1 is not a positive finite number")
                            .arg(number(request.maxPositionFraction))});
    if (request.balance && !std::isfinite(*request.balance))
        reasons.append({SizingReasonCode::BalanceUnknown,
                        QStringLiteral("balance %1 is not a finite number").arg(number(*request.balance))});
    if (!reasons.isEmpty()) {
        result.status = SizingResult::Status::Rejected;
        return result;
    }

    if (!request.balance) {
        reasons.append({SizingReasonCode::BalanceUnknown,
                        QStringLiteral("balance unknown: the trading platform did not report it, so nothing is traded")});
    } else if (*request.balance <= 0.0) {
        reasons.append({SizingReasonCode::BalanceNotPositive,
                        QStringLiteral("balance %1 is not positive: nothing to risk, so nothing is traded")
                            .arg(number(*request.balance))});
    }
    if (!reasons.isEmpty()) {
        result.status = SizingResult::Status::Zero;
        return result;
    }

    const double balance = *request.balance;
    const double byRisk = balance * request.riskBudget / request.stopDistance;
    const double byPosition = balance * request.maxPositionFraction / request.price;
    double quantity = byRisk;
    if (byPosition < byRisk) {
        quantity = byPosition;
        reasons.append({SizingReasonCode::CappedByMaxPosition,
                        QStringLiteral("capped at %1 units by the position limit of %2 % of the balance (the stop allowed %3)")
                            .arg(number(byPosition), number(request.maxPositionFraction * 100.0), number(byRisk))});
    }
    quantity = floorToLots(quantity, request.lotSize);
    if (quantity <= 0.0 || quantity < request.minOrder) {
        reasons.append({SizingReasonCode::BelowMinimumOrder,
                        QStringLiteral("affordable size %1 (in lots of %2) is below the minimum order %3: "
                                       "not rounded up, nothing is traded")
                            .arg(number(quantity), number(request.lotSize), number(request.minOrder))});
        result.status = SizingResult::Status::Zero;
        return result;
    }
    result.status = SizingResult::Status::Sized;
    result.quantity = quantity;
    return result;
}

} // namespace sentinel

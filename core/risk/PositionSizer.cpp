// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/PositionSizer.h"

#include <cmath>
#include <optional>

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

/// Every malformed input, so one answer names everything to fix.
QList<SizingReason> inputProblems(const SizingRequest& request)
{
    QList<SizingReason> reasons;
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
    return reasons;
}

/// Why there is no money to size against, if there is none.
std::optional<SizingReason> balanceProblem(const std::optional<double>& balance)
{
    if (!balance)
        return SizingReason{SizingReasonCode::BalanceUnknown,
                            QStringLiteral("balance unknown: the trading platform did not report it, so nothing is traded")};
    if (*balance <= 0.0)
        return SizingReason{SizingReasonCode::BalanceNotPositive,
                            QStringLiteral("balance %1 is not positive: nothing to risk, so nothing is traded")
                                .arg(number(*balance))};
    return std::nullopt;
}

SizingResult notSized(SizingResult::Status status, QList<SizingReason> reasons)
{
    SizingResult result;
    result.status = status;
    result.reasons = std::move(reasons);
    return result;
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
    if (QList<SizingReason> problems = inputProblems(request); !problems.isEmpty())
        return notSized(SizingResult::Status::Rejected, std::move(problems));
    if (std::optional<SizingReason> problem = balanceProblem(request.balance))
        return notSized(SizingResult::Status::Zero, {std::move(*problem)});

    SizingResult result;
    const double balance = *request.balance;
    const double byRisk = balance * request.riskBudget / request.stopDistance;
    const double byPosition = balance * request.maxPositionFraction / request.price;
    double quantity = byRisk;
    if (byPosition < byRisk) {
        quantity = byPosition;
        result.reasons.append({SizingReasonCode::CappedByMaxPosition,
                               QStringLiteral("capped at %1 units by the position limit of %2 % of the balance (the stop allowed %3)")
                                   .arg(number(byPosition), number(request.maxPositionFraction * 100.0), number(byRisk))});
    }
    quantity = floorToLots(quantity, request.lotSize);
    // Finite inputs can still overflow (1e308 over a stop of 1e-300, or lots of 1e-320): an
    // infinite size must not pass `quantity <= 0` as a tradable one (issue 18).
    if (!std::isfinite(quantity))
        return notSized(SizingResult::Status::Rejected,
                        {{SizingReasonCode::SizeNotFinite,
                          QStringLiteral("the computed size is %1, not a finite number (balance %2, stop %3, lot %4): "
                                         "nothing is traded")
                              .arg(number(quantity), number(balance), number(request.stopDistance), number(request.lotSize))}});
    if (quantity <= 0.0 || quantity < request.minOrder) {
        result.reasons.append({SizingReasonCode::BelowMinimumOrder,
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

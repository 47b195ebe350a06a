// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace sentinel {

/// What a position size is computed from. All money in the account currency.
struct SizingRequest {
    std::optional<double> balance; ///< account equity; nullopt when the platform could not tell us
    double price = 0.0;            ///< expected fill price of one unit
    double stopDistance = 0.0;     ///< price distance to the protective stop, per unit
    double riskBudget = 0.01;      ///< fraction of the balance lost if the stop is hit
    double lotSize = 1.0;          ///< quantities are whole multiples of this
    double minOrder = 0.0;         ///< smallest quantity the venue accepts (0: no minimum)
    double maxPositionFraction = 0.05; ///< the position's value is at most this fraction of the balance
};

enum class SizingReasonCode {
    BalanceUnknown,
    BalanceNotPositive,
    InvalidPrice,
    InvalidStopDistance,
    InvalidRiskBudget,
    InvalidLotSize,
    InvalidMinOrder,
    InvalidMaxPosition,
    CappedByMaxPosition, ///< informational: the stop allowed more than the position limit
    BelowMinimumOrder,
    SizeNotFinite,       ///< finite inputs whose size overflows (a huge balance over a tiny stop)
};

struct SizingReason {
    SizingReasonCode code;
    QString message;
};

/// Outcome of sizing. Sized: quantity > 0. Zero: the inputs are valid but no trade should be
/// made (no money, or the affordable size is below the venue minimum). Rejected: an input is
/// invalid. Zero and Rejected always carry quantity 0 and at least one reason.
struct SizingResult {
    enum class Status { Sized, Zero, Rejected };

    Status status = Status::Rejected;
    double quantity = 0.0;
    QList<SizingReason> reasons;

    [[nodiscard]] bool tradable() const { return status == Status::Sized; }
    [[nodiscard]] bool has(SizingReasonCode code) const;
};

/// Fixed-fractional sizing: risk `riskBudget` of the balance between entry and stop, capped by
/// the position limit, rounded down to the lot size. Never rounds up to the venue minimum and
/// never sizes against a zero, negative or unknown balance: those give quantity 0 with the reason.
class PositionSizer
{
public:
    [[nodiscard]] static SizingResult size(const SizingRequest& request);
};

} // namespace sentinel

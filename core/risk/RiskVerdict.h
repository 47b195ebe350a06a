// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "risk/RiskReport.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace sentinel {

/// Why the gate refused, one code per check, in the order the checks run.
enum class RiskReasonCode {
    NotFinite,           ///< an input or a figure computed from them is NaN or infinite: nothing is judged on it
    InvalidTrade,        ///< quantity, price or confidence is not a usable number
    DataNotFresh,        ///< freshness Stale or Unknown (entries only)
    MarketClosed,        ///< exchange-traded instrument outside its session (every order)
    NotAReduction,       ///< flagged as an exit but would open or flip a position
    BalanceUnavailable,  ///< balance unknown, zero or negative (entries only)
    DrawdownLimit,
    VarLimit,            ///< portfolio VaR after the trade above max_var_pct
    VarUnavailable,      ///< portfolio VaR could not be computed: entries are not taken blind
    PositionLimit,       ///< the instrument's exposure incl. pending above max_position_pct
    ConcentrationLimit,  ///< the asset class's gross exposure incl. pending above max_asset_class_pct
    DailyTradeLimit,
    VolatilityTooHigh,   ///< recent volatility above what the signal's confidence allows
};

/// Stable snake_case name for journals and the UI ("var_limit").
[[nodiscard]] QString riskReasonName(RiskReasonCode code);

/// One failed check: what failed, a sentence for the operator, and the figures compared
/// (NaN where a check has no number, e.g. a closed market).
struct RiskReason {
    RiskReasonCode code = RiskReasonCode::InvalidTrade;
    QString message;
    double value = 0.0;
    double limit = 0.0;
};

/// The gate's answer. Approved only when no check failed; otherwise every failed check is
/// listed, not only the first, so the operator sees all that stands in the way.
struct RiskVerdict {
    bool approved = false;
    QList<RiskReason> reasons;
    bool isReduction = false;              ///< judged as an exit or reduction: entry limits skipped
    std::optional<RiskReport> varAfterTrade; ///< the portfolio VaR the limit was checked against

    [[nodiscard]] bool has(RiskReasonCode code) const;
};

/// "check: message" for each reason, in the verdict's order (failed checks first): how the
/// journal and the operator read a verdict.
[[nodiscard]] QStringList reasonLines(const RiskVerdict& verdict);

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::RiskVerdict)

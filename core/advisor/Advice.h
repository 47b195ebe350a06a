// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Side.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace sentinel::advisor {

/// What a model may advise: one of three words, nothing else.
enum class AdviceAction { Buy, Sell, Hold };

/// "buy", "sell", "hold": the words the answer schema allows and the journal and UI show.
[[nodiscard]] QString actionName(AdviceAction action);
/// The action for exactly one of those words (lower case, as the schema's enum spells them).
[[nodiscard]] std::optional<AdviceAction> parseAction(QStringView word);
/// The trade side the action proposes; none for hold.
[[nodiscard]] std::optional<Side> sideOf(AdviceAction action);

/// A model's answer after validation (AdviceSchema.h): a proposal, never an order. Every field is
/// checked: the action is one of three words, the confidence a finite number in [0, 1], the stop
/// a positive finite price or absent, horizon and reason short printable text.
struct Advice {
    AdviceAction action = AdviceAction::Hold;
    double confidence = 0;
    QString horizon;           ///< the model's own words ("1d", "intraday"); shown, never interpreted
    std::optional<double> stop; ///< a stop price, or none (null in the answer)
    QString reason;            ///< non-empty; shown to the operator

    friend bool operator==(const Advice&, const Advice&) = default;
};

/// What an advice request comes to: its action, or hold when the answer was invalid or the
/// request failed (issue 15: anything but a valid answer counts as hold).
[[nodiscard]] AdviceAction effectiveAction(const Result<Advice>& advice);

} // namespace sentinel::advisor

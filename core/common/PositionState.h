// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sentinel {

/// What a strategy, the risk gate and the UI need to know about the position in one instrument.
/// Quantity is signed: positive long, negative short, zero flat.
struct PositionState {
    double quantity = 0;
    double averagePrice = 0;

    [[nodiscard]] bool isLong() const { return quantity > 0; }
    [[nodiscard]] bool isShort() const { return quantity < 0; }
    [[nodiscard]] bool isFlat() const { return quantity == 0; }
};

} // namespace sentinel

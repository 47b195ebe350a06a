// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/AdvisorTestPrompt.h"

namespace sentinel {

namespace {
constexpr int kBars = 30;
constexpr double kFirstClose = 1.08;
constexpr double kStep = 0.0002;
constexpr double kHalfRange = 0.0003;
constexpr double kLimitPct = 0.05;
} // namespace

PromptInput advisorTestInput()
{
    PromptInput input;
    input.instrument = Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5};
    const QDateTime start(QDate(2025, 3, 4), QTime(14, 0), Qt::UTC);
    double previous = kFirstClose;
    for (int i = 0; i < kBars; ++i) {
        const double close = kFirstClose + kStep * i;
        input.closedBars.append(Bar{start.addSecs(qint64(300) * i), previous, close + kHalfRange, close - kHalfRange, close,
                                    1000.0 + 10.0 * i});
        previous = close;
    }
    input.historyBars = kBars;
    input.limits = PromptLimits{kLimitPct, kLimitPct};
    return input;
}

advisor::AdviceRequest advisorTestPrompt()
{
    return buildAdvicePrompt(advisorTestInput());
}

} // namespace sentinel

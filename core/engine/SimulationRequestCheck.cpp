// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/SimulationRequestCheck.h"

#include "strategy/StrategyRegistry.h"

namespace sentinel {

QStringList simulationRequestProblems(const SimulationRequest& request, const QStringList& watchlistKeys)
{
    QStringList problems;
    if (!request.from.isValid() || !request.to.isValid() || request.to <= request.from)
        problems << QStringLiteral("The simulation's end must come after its start: choose a later 'To' date.");
    if (request.instrumentKeys.isEmpty())
        problems << QStringLiteral("No instrument is chosen: tick at least one from the watchlist.");
    for (const QString& key : request.instrumentKeys)
        if (!watchlistKeys.contains(key))
            problems << QStringLiteral("%1 is not in the watchlist: add it in Settings first.").arg(key);
    if (request.strategy == StrategyRegistry::advisorName())
        problems << QStringLiteral("The model advisor is not simulated on the desk (its answers for past days cannot be "
                                   "replayed, and each simulated bar would ask the model servers): choose one of %1.")
                        .arg(StrategyRegistry::ruleNames().join(QStringLiteral(", ")));
    else if (!StrategyRegistry::contains(request.strategy))
        problems << QStringLiteral("There is no strategy named '%1': choose one of %2.")
                        .arg(request.strategy, StrategyRegistry::ruleNames().join(QStringLiteral(", ")));
    return problems;
}

QString describeSimulation(const SimulationRequest& request, const QStringList& symbols)
{
    // The end is exclusive: a range to midnight ends on the day before.
    const QDate last = request.to.addMSecs(-1).toUTC().date();
    return QStringLiteral("%1 – %2 · %3 · %4")
        .arg(request.from.toUTC().date().toString(Qt::ISODate), last.toString(Qt::ISODate), request.strategy,
             symbols.join(QStringLiteral(", ")));
}

} // namespace sentinel

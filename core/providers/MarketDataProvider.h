// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Instrument.h"
#include "market/Bar.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace sentinel {

/// Ask for the bars of one instrument, newest last. `since` (optional) lets a provider that
/// supports it return only newer bars; `urgency` orders queued requests (earlier first).
struct BarRequest {
    Instrument instrument;
    QDateTime since;        ///< invalid: full history the provider offers
    QDateTime dueAt;        ///< when the bar that motivates this request was due (queue order)
};

/// Bars as a provider returned them, after sanitising. `droppedRows` lists rows rejected by
/// data-quality rules, with the reason, so nothing is silently discarded.
struct BarSeries {
    Instrument instrument;
    Bars bars;
    QStringList droppedRows;
};

using BarsCallback = std::function<void(const Result<BarSeries>&)>;

/// Asynchronous market data source. Lives in the engine thread. A callback is always invoked
/// later from the event loop (never from inside the fetch call) and exactly once.
class MarketDataProvider : public QObject
{
    Q_OBJECT
public:
    explicit MarketDataProvider(QObject* parent = nullptr) : QObject(parent) {}

    [[nodiscard]] virtual QString name() const = 0;
    virtual void fetchBars(const BarRequest& request, BarsCallback done) = 0;
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/StreamedBars.h"

namespace sentinel {

namespace oanda {
class OandaPriceStream;
class OandaRest;
struct Price;
struct PriceStreamStats;
}

/// Bars of OANDA's pricing stream (issue 14, ADR 0120): one stream for the intraday instruments
/// of the watchlist, their mid prices (best bid + best ask) / 2 made into bars, each counting as
/// one tick of volume, merged with the broker's complete candles (StreamedBars).
class OandaStreamBars final : public StreamedBars
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OandaStreamBars)
public:
    /// `instruments`: the intraday ones this feed serves (others are ignored). `rest` must
    /// outlive this object.
    OandaStreamBars(Clock& clock, oanda::OandaRest& rest, const QList<Instrument>& instruments, QObject* parent = nullptr);
    ~OandaStreamBars() override;

    void start() override;
    [[nodiscard]] qint64 messagesReceived() const override;
    [[nodiscard]] const oanda::PriceStreamStats& streamStats() const;

private:
    void onPrice(const oanda::Price& price);

    oanda::OandaPriceStream* m_stream = nullptr;
};

} // namespace sentinel

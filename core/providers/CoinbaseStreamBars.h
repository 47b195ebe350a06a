// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/StreamedBars.h"

#include <QUrl>

namespace sentinel {

namespace coinbase {
class CoinbaseMarketStream;
struct MarketStreamStats;
struct WsTrade;
}

/// Bars of Coinbase's market-data WebSocket (issue 14, ADR 0124): one connection for the
/// intraday pairs of the watchlist, their trades made into bars (OHLC from trade prices, volume
/// the sum of trade sizes, as Coinbase's own candles count it), merged with Coinbase's candles
/// (StreamedBars).
class CoinbaseStreamBars final : public StreamedBars
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoinbaseStreamBars)
public:
    /// `instruments`: the intraday ones this feed serves (others are ignored).
    CoinbaseStreamBars(Clock& clock, const QUrl& wsUrl, const QList<Instrument>& instruments, QObject* parent = nullptr);
    ~CoinbaseStreamBars() override;

    void start() override;
    [[nodiscard]] qint64 messagesReceived() const override;
    [[nodiscard]] const coinbase::MarketStreamStats& streamStats() const;

private:
    void onTrade(const coinbase::WsTrade& trade);

    coinbase::CoinbaseMarketStream* m_stream = nullptr;
};

} // namespace sentinel

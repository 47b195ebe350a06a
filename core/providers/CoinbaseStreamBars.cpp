// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/CoinbaseStreamBars.h"

#include "brokers/coinbase/CoinbaseMarketStream.h"
#include "config/Config.h"

namespace sentinel {

CoinbaseStreamBars::CoinbaseStreamBars(Clock& clock, const QUrl& wsUrl, const QList<Instrument>& instruments, QObject* parent)
    : StreamedBars(clock, instruments, coinbaseProductId, parent)
{
    m_stream = new coinbase::CoinbaseMarketStream(clock, wsUrl, streamNames(), this);
    connect(m_stream, &coinbase::CoinbaseMarketStream::tradeReceived, this, &CoinbaseStreamBars::onTrade);
    connect(m_stream, &coinbase::CoinbaseMarketStream::wentLive, this, &CoinbaseStreamBars::markLive);
    connect(m_stream, &coinbase::CoinbaseMarketStream::dropped, this, &CoinbaseStreamBars::markDropped);
}

CoinbaseStreamBars::~CoinbaseStreamBars() = default;

void CoinbaseStreamBars::start()
{
    if (hasSeries())
        m_stream->start();
}

qint64 CoinbaseStreamBars::messagesReceived() const
{
    return m_stream->stats().messages;
}

const coinbase::MarketStreamStats& CoinbaseStreamBars::streamStats() const
{
    return m_stream->stats();
}

void CoinbaseStreamBars::onTrade(const coinbase::WsTrade& trade)
{
    addPrice(trade.productId, trade.time.toMSecsSinceEpoch(), trade.price.value, trade.size.value);
}

} // namespace sentinel

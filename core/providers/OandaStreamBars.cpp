// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/OandaStreamBars.h"

#include "brokers/oanda/OandaPriceStream.h"
#include "brokers/oanda/OandaRest.h"

namespace sentinel {

OandaStreamBars::OandaStreamBars(Clock& clock, oanda::OandaRest& rest, const QList<Instrument>& instruments, QObject* parent)
    : StreamedBars(clock, instruments, oanda::instrumentName, parent)
{
    m_stream = new oanda::OandaPriceStream(clock, rest, streamNames(), this);
    connect(m_stream, &oanda::OandaPriceStream::priceReceived, this, &OandaStreamBars::onPrice);
    connect(m_stream, &oanda::OandaPriceStream::wentLive, this, &OandaStreamBars::markLive);
    connect(m_stream, &oanda::OandaPriceStream::dropped, this, &OandaStreamBars::markDropped);
}

OandaStreamBars::~OandaStreamBars() = default;

void OandaStreamBars::start()
{
    if (hasSeries())
        m_stream->start();
}

qint64 OandaStreamBars::messagesReceived() const
{
    return m_stream->stats().prices + m_stream->stats().heartbeats;
}

const oanda::PriceStreamStats& OandaStreamBars::streamStats() const
{
    return m_stream->stats();
}

void OandaStreamBars::onPrice(const oanda::Price& price)
{
    if (price.bids.isEmpty() || price.asks.isEmpty())
        return; // no two-sided price: nothing to build a mid from
    const double mid = (price.bids.constFirst().price + price.asks.constFirst().price) / 2;
    addPrice(price.instrument, price.time.toMSecsSinceEpoch(), mid, 1);
}

} // namespace sentinel

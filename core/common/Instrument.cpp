// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Instrument.h"

namespace sentinel {

QString assetClassName(AssetClass assetClass)
{
    switch (assetClass) {
    case AssetClass::Fx: return QStringLiteral("fx");
    case AssetClass::Crypto: return QStringLiteral("crypto");
    case AssetClass::Equity: return QStringLiteral("equity");
    }
    return {};
}

AssetClass Instrument::assetClass() const
{
    if (market == u"FX")
        return AssetClass::Fx;
    if (market == u"CRYPTO")
        return AssetClass::Crypto;
    return AssetClass::Equity;
}

QString Instrument::key() const
{
    return market + u':' + symbol + u':' + intervalName(interval);
}

} // namespace sentinel

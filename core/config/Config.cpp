// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/Config.h"

#include <QRegularExpression>

namespace sentinel {

QString tradingModeName(TradingMode mode)
{
    switch (mode) {
    case TradingMode::Approval: return QStringLiteral("approval");
    case TradingMode::SignalOnly: return QStringLiteral("signal-only");
    case TradingMode::Autonomous: return QStringLiteral("autonomous");
    }
    return {};
}

QString providerKindName(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::Simulated: return QStringLiteral("simulated");
    case ProviderKind::Replay: return QStringLiteral("replay");
    case ProviderKind::AlphaVantage: return QStringLiteral("alpha_vantage");
    case ProviderKind::Oanda: return QStringLiteral("oanda");
    case ProviderKind::Coinbase: return QStringLiteral("coinbase");
    }
    return {};
}

ProviderKind providerFor(const Config& config, const Instrument& instrument)
{
    return config.providerOverrides.value(instrument.key(), config.provider);
}

QList<ProviderKind> providersInUse(const Config& config)
{
    QList<ProviderKind> kinds{config.provider};
    for (const ProviderKind kind : config.providerOverrides) {
        if (!kinds.contains(kind))
            kinds.append(kind);
    }
    return kinds;
}

QString coinbaseProductId(const QString& symbol)
{
    static const QRegularExpression pair(QStringLiteral("^([A-Z0-9]{2,10})/([A-Z0-9]{2,10})$"));
    const QRegularExpressionMatch match = pair.match(symbol);
    return match.hasMatch() ? match.captured(1) + u'-' + match.captured(2) : QString();
}

} // namespace sentinel

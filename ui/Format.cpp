// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Format.h"

#include "common/AlertKinds.h"

#include <QLocale>
#include <QStringList>

#include <cmath>

namespace sentinel {

QString Format::price(double price)
{
    if (!(price > 0) || !std::isfinite(price))
        return QStringLiteral("—");
    // Enough digits for FX pips without drowning crypto prices in decimals.
    const int decimals = price < 10 ? 5 : (price < 1000 ? 2 : 1);
    return QLocale().toString(price, 'f', decimals);
}

QString Format::percent(double fraction, int decimals)
{
    if (!std::isfinite(fraction))
        return QStringLiteral("—");
    return tr("%1 %").arg(QLocale().toString(fraction * 100.0, 'f', decimals));
}

QString Format::money(double amount, const QString& currency)
{
    if (!std::isfinite(amount))
        return QStringLiteral("—");
    const QString number = QLocale().toString(amount, 'f', 2);
    return currency.isEmpty() ? number : number + u' ' + currency;
}

QString Format::profit(double amount, const QString& currency)
{
    if (!std::isfinite(amount))
        return QStringLiteral("—");
    const QLocale locale;
    // Rounds to zero at two decimals: neither a profit nor a loss, so no sign either.
    if (std::abs(amount) < 0.005)
        return money(0.0, currency);
    const QString sign = amount > 0 ? locale.positiveSign() : locale.negativeSign();
    return sign + money(std::abs(amount), currency);
}

QString Format::quantity(double quantity)
{
    if (!std::isfinite(quantity))
        return QStringLiteral("—");
    return QLocale().toString(quantity, 'g', 8);
}

QString Format::instrumentKey(const QString& key)
{
    // Instrument::key(): market, symbol, interval; a symbol never holds a colon.
    const QStringList parts = key.split(u':');
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return key;
    return tr("%1 (%2)").arg(parts.at(1), parts.at(0));
}

QString Format::duration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QString Format::countdown(qint64 seconds)
{
    if (seconds <= 0)
        return tr("expired");
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString Format::localTime(const QDateTime& utc)
{
    if (!utc.isValid())
        return QStringLiteral("—");
    // Today's times need no date; the zone abbreviation says which clock it is.
    const QDateTime local = utc.toLocalTime();
    if (local.date() == QDate::currentDate())
        return QLocale().toString(local, QStringLiteral("HH:mm:ss t"));
    return QLocale().toString(local, QStringLiteral("yyyy-MM-dd HH:mm t"));
}

QString Format::utcTime(const QDateTime& utc)
{
    if (!utc.isValid())
        return QStringLiteral("—");
    return tr("%1 UTC").arg(utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

QString Format::freshness(Freshness state)
{
    switch (state) {
    case Freshness::Fresh: return tr("Fresh");
    case Freshness::Warn: return tr("Lagging");
    case Freshness::Stale: return tr("Stale");
    case Freshness::Unknown: break;
    }
    return tr("Unknown");
}

QString Format::marketState(const QString& engineState)
{
    if (engineState.isEmpty())
        return tr("unknown");
    const qsizetype colon = engineState.indexOf(u':');
    const QString head = colon < 0 ? engineState : engineState.left(colon);
    const QString detail = colon < 0 ? QString() : engineState.mid(colon + 1).trimmed();
    QString translated;
    if (head == u"open")
        translated = tr("open");
    else if (head == u"closed")
        translated = tr("closed");
    else if (head == u"weekend")
        translated = tr("weekend");
    else if (head == u"holiday")
        translated = tr("holiday");
    else if (head == u"early close")
        translated = tr("early close");
    else if (head == u"pre-market")
        translated = tr("pre-market");
    else if (head == u"after-hours")
        translated = tr("after hours");
    else
        return engineState;
    // The detail is a proper name from the calendar data (a holiday); it stays as published.
    return detail.isEmpty() ? translated : tr("%1: %2").arg(translated, detail);
}

QString Format::severity(AlertView::Severity severity)
{
    switch (severity) {
    case AlertView::Severity::Info: return tr("Info");
    case AlertView::Severity::Warning: return tr("Warning");
    case AlertView::Severity::Critical: break;
    }
    return tr("Critical");
}

QString Format::alertKind(const QString& kind)
{
    if (kind == alertkind::staleData)
        return tr("Stale data");
    if (kind == alertkind::deliveryFailed)
        return tr("Delivery failed");
    if (kind == alertkind::quotaExhausted)
        return tr("Quota");
    if (kind == alertkind::riskRejection)
        return tr("Risk rejection");
    if (kind == alertkind::recovered)
        return tr("Recovered");
    if (kind == alertkind::approvalRefused)
        return tr("Approval refused");
    if (kind == alertkind::executionFailed)
        return tr("Execution failed");
    if (kind == alertkind::platformError)
        return tr("Platform error");
    if (kind == alertkind::deliveryConfig)
        return tr("Delivery setup");
    if (kind == alertkind::cacheDegraded)
        return tr("Cache degraded");
    if (kind == alertkind::cacheRecovered)
        return tr("Cache recovered");
    if (kind == alertkind::telemetry)
        return tr("Monitoring endpoint");
    if (kind == alertkind::circuitOpen)
        return tr("Provider paused");
    if (kind == alertkind::journalError)
        return tr("Journal error");
    if (kind == alertkind::brokerDisconnected)
        return tr("Broker disconnected");
    if (kind == alertkind::reconciliationMismatch)
        return tr("Order in doubt");
    if (kind == alertkind::advisorUnavailable)
        return tr("Advisor unavailable");
    if (kind == alertkind::telegramUnauthorised)
        return tr("Telegram: not authorised");
    if (kind == alertkind::operatorControl)
        return tr("Operator control");
    return kind; // a kind this build does not know yet: its code is still informative
}

QString Format::proposalState(ProposalView::State state)
{
    switch (state) {
    case ProposalView::State::Pending: return tr("pending");
    case ProposalView::State::Approved: return tr("approved");
    case ProposalView::State::Executed: return tr("executed");
    case ProposalView::State::Rejected: return tr("rejected");
    case ProposalView::State::Expired: return tr("expired (rejected)");
    case ProposalView::State::Refused: break;
    }
    return tr("refused at execution");
}

QString Format::side(Side side, bool isExit)
{
    const QString word = side == Side::Buy ? tr("Buy") : tr("Sell");
    return isExit ? tr("%1 (exit)").arg(word) : word;
}

QString Format::channelState(ChannelState state)
{
    switch (state) {
    case ChannelState::Ok: return tr("OK");
    case ChannelState::Retrying: return tr("Retrying");
    case ChannelState::Failing: return tr("Failing");
    case ChannelState::Disabled: return tr("Disabled");
    case ChannelState::Offline: break;
    }
    return tr("Offline");
}

QString Format::engineState(EngineState state)
{
    switch (state) {
    case EngineState::Starting: return tr("starting");
    case EngineState::Running: return tr("running");
    case EngineState::Stopped: break;
    }
    return tr("stopped");
}

QString Format::updatesStatus(const QString& status)
{
    if (status == u"polling")
        return tr("polling");
    if (status == u"backing off")
        return tr("backing off");
    if (status == u"rate limited")
        return tr("rate limited");
    if (status == u"conflict")
        return tr("conflict: another program reads this bot's updates");
    if (status == u"unauthorized")
        return tr("unauthorized: the bot token was refused");
    if (status == u"stopped")
        return tr("stopped");
    return status.isEmpty() ? tr("unknown") : status;
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/StatusBarWidgets.h"

#include "ui/Format.h"
#include "ui/Theme.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>

namespace sentinel {

namespace {
QLabel* addField(QStatusBar* bar, const QString& objectName)
{
    auto* label = new QLabel(bar);
    label->setObjectName(objectName);
    label->setContentsMargins(6, 0, 6, 0);
    bar->addPermanentWidget(label);
    return label;
}
} // namespace

StatusBarWidgets::StatusBarWidgets(QStatusBar* bar)
    : QObject(bar),
      m_live(addField(bar, QStringLiteral("liveBadge"))),
      m_paused(addField(bar, QStringLiteral("pausedBadge"))),
      m_engine(addField(bar, QStringLiteral("engineStateLabel"))),
      m_cycles(addField(bar, QStringLiteral("cyclesPerMinuteLabel"))),
      m_apiCalls(addField(bar, QStringLiteral("apiCallsPerHourLabel"))),
      m_mode(addField(bar, QStringLiteral("modeLabel"))),
      m_pending(addField(bar, QStringLiteral("pendingApprovalsLabel"))),
      m_stale(addField(bar, QStringLiteral("staleInstrumentsLabel"))),
      m_offline(addField(bar, QStringLiteral("offlineWarningLabel")))
{
    // White on red whatever the theme: the one field that must never be overlooked.
    m_live->setAutoFillBackground(true);
    QPalette live = m_live->palette();
    live.setColor(QPalette::Window, QColor(0xc6, 0x28, 0x28));
    live.setColor(QPalette::WindowText, Qt::white);
    m_live->setPalette(live);
    QFont liveFont = m_live->font();
    liveFont.setBold(true);
    m_live->setFont(liveFont);
    m_live->hide();
    // Dark on amber whatever the theme: not an error, but nothing new will be proposed.
    m_paused->setAutoFillBackground(true);
    QPalette paused = m_paused->palette();
    paused.setColor(QPalette::Window, QColor(0xf9, 0xc2, 0x2e));
    paused.setColor(QPalette::WindowText, QColor(0x1d, 0x21, 0x27));
    m_paused->setPalette(paused);
    m_paused->setFont(liveFont);
    m_paused->hide();
    QPalette warning = m_offline->palette();
    warning.setColor(QPalette::WindowText, Theme::negativeColor(warning));
    m_offline->setPalette(warning);
    QFont bold = m_offline->font();
    bold.setBold(true);
    m_offline->setFont(bold);
    m_offline->hide();
    retranslate();
}

void StatusBarWidgets::retranslate()
{
    m_live->setAccessibleName(tr("Live trading"));
    m_paused->setAccessibleName(tr("Trading paused"));
    m_engine->setAccessibleName(tr("Engine state"));
    m_cycles->setAccessibleName(tr("Cycles per minute"));
    m_apiCalls->setAccessibleName(tr("API calls per hour"));
    m_mode->setAccessibleName(tr("Trading mode"));
    m_pending->setAccessibleName(tr("Pending approvals"));
    m_stale->setAccessibleName(tr("Stale instruments"));
    m_offline->setAccessibleName(tr("Offline warning"));
    m_live->setText(tr("LIVE"));
    m_offline->setText(tr("⚠ Offline: no live data or delivery"));
    if (m_status)
        showStatus(*m_status);
    else
        m_engine->setText(tr("Engine starting…"));
    setPendingApprovals(m_pendingCount);
    setStaleInstruments(m_staleCount);
}

void StatusBarWidgets::applyStatus(const EngineStatus& status)
{
    m_status = status;
    showStatus(status);
}

void StatusBarWidgets::showStatus(const EngineStatus& status)
{
    const QLocale locale;
    m_engine->setText(tr("Engine %1 · %2 feed").arg(Format::engineState(status.state), status.provider));
    m_engine->setToolTip(tr("%n cycle(s) since start; engine clock %1", nullptr, int(std::min<qint64>(status.cycles, INT_MAX)))
                             .arg(Format::utcTime(status.clockTime)));
    m_cycles->setText(tr("%1 cycles/min").arg(locale.toString(status.cyclesPerMinute, 'f', 1)));
    m_apiCalls->setText(tr("%1 API calls/h").arg(locale.toString(status.apiCallsPerHour, 'f', 0)));
    m_mode->setText(tr("Mode: %1").arg(tradingModeName(status.mode)));
    m_live->setVisible(!status.liveAccount.isEmpty());
    m_live->setToolTip(tr("Approved orders go to the live %1: they move real money.").arg(status.liveAccount));
    if (status.paused) {
        QString text = tr("PAUSED");
        if (!status.pausedBy.isEmpty())
            text += QStringLiteral(" · ") + tr("by %1").arg(status.pausedBy);
        if (status.pausedAt.isValid())
            text += QStringLiteral(" · ") + tr("since %1").arg(Format::localTime(status.pausedAt));
        m_paused->setText(text);
        m_paused->setToolTip(tr("Trading is paused: no new proposals. Open positions keep their exits and alerts.\n"
                                "Paused by %1 at %2.")
                                 .arg(status.pausedBy.isEmpty() ? tr("an unknown operator") : status.pausedBy,
                                      Format::utcTime(status.pausedAt)));
    }
    m_paused->setVisible(status.paused);
    m_engineOffline = status.offline;
    updateOffline();
}

void StatusBarWidgets::setPendingApprovals(int count)
{
    m_pendingCount = count;
    m_pending->setText(tr("%n pending", nullptr, count));
    QFont font = m_pending->font();
    font.setBold(count > 0);
    m_pending->setFont(font);
}

void StatusBarWidgets::setStaleInstruments(int count)
{
    m_staleCount = count;
    m_stale->setText(tr("%n stale", nullptr, count));
    QPalette pal = m_stale->palette();
    pal.setColor(QPalette::WindowText, count > 0 ? Theme::negativeColor(pal) : m_engine->palette().color(QPalette::WindowText));
    m_stale->setPalette(pal);
}

void StatusBarWidgets::setDeliveryOffline(bool offline)
{
    m_deliveryOffline = offline;
    updateOffline();
}

void StatusBarWidgets::updateOffline()
{
    m_offline->setVisible(m_engineOffline || m_deliveryOffline);
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QObject>

class QLabel;
class QStatusBar;

namespace sentinel {

/// The permanent status bar fields: a red LIVE badge while orders move real money, an amber PAUSED
/// badge (who paused and when) while trading is paused, engine state, cycles per minute, API calls
/// per hour, mode, pending approvals, stale instruments, and an offline warning shown only when it applies.
class StatusBarWidgets final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBarWidgets)
public:
    explicit StatusBarWidgets(QStatusBar* bar);

    void applyStatus(const sentinel::EngineStatus& status);
    void setPendingApprovals(int count);
    void setStaleInstruments(int count);
    void setDeliveryOffline(bool offline);

private:
    void updateOffline();

    QLabel* m_live;
    QLabel* m_paused;
    QLabel* m_engine;
    QLabel* m_cycles;
    QLabel* m_apiCalls;
    QLabel* m_mode;
    QLabel* m_pending;
    QLabel* m_stale;
    QLabel* m_offline;
    bool m_engineOffline = false;
    bool m_deliveryOffline = false;
};

} // namespace sentinel

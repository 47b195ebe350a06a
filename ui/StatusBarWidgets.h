// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QObject>

#include <optional>

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
    /// Sets every text again in the present language (the status bar's window calls it after a
    /// language change: this is not a widget and gets no LanguageChange event).
    void retranslate();

private:
    void showStatus(const sentinel::EngineStatus& status);
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
    std::optional<sentinel::EngineStatus> m_status;
    int m_pendingCount = 0;
    int m_staleCount = 0;
    bool m_engineOffline = false;
    bool m_deliveryOffline = false;
};

} // namespace sentinel

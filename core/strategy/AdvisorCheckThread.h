// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/AdvisorSettings.h"
#include "strategy/AdvisorCheck.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

namespace sentinel {

/// Runs advisor tests off the caller's thread: the Settings dialog's Test button must not freeze
/// the window while a model thinks. One worker thread, started on first use and stopped on
/// destruction (a test still under way is dropped and deleted in its thread); `finished` arrives
/// in this object's thread. Each test keeps its own wall clock for its deadline.
class AdvisorCheckThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdvisorCheckThread)
public:
    explicit AdvisorCheckThread(QObject* parent = nullptr);
    ~AdvisorCheckThread() override;

    void check(const AdvisorSettings& settings);
    [[nodiscard]] int running() const { return int(m_running.size()); }

Q_SIGNALS:
    void finished(const sentinel::AdvisorCheckReport& report);

private:
    QThread m_thread;
    QList<QPointer<AdvisorCheck>> m_running;
};

} // namespace sentinel

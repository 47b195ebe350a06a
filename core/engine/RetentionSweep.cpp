// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/RetentionSweep.h"

#include "journal/Journal.h"
#include "notify/Outbox.h"
#include "common/Log.h"

#include <chrono>

namespace sentinel {

namespace {
constexpr std::chrono::hours sweepInterval{24};
}

RetentionSweep::RetentionSweep(Clock& clock, Journal& journal, Outbox* outbox, RetentionSettings settings,
                               FailureHandler onFailure, QObject* parent)
    : QObject(parent), m_clock(clock), m_journal(journal), m_outbox(outbox), m_settings(settings),
      m_onFailure(std::move(onFailure))
{
}

RetentionSweep::~RetentionSweep()
{
    if (m_next)
        m_clock.cancel(m_next);
}

void RetentionSweep::start()
{
    static_cast<void>(sweep());
    scheduleNext();
}

void RetentionSweep::scheduleNext()
{
    m_next = m_clock.callAfter(sweepInterval, this, [this] {
        m_next = 0;
        static_cast<void>(sweep());
        scheduleNext();
    });
}

RetentionSweep::Swept RetentionSweep::sweep()
{
    const QDateTime now = m_clock.now();
    Swept swept;
    if (auto alerts = m_journal.pruneAlertsBefore(now.addSecs(-m_settings.alerts.count())))
        swept.alerts = alerts.value();
    else
        m_onFailure(QStringLiteral("deleting alerts past their retention"), alerts.error());
    if (m_outbox) {
        if (auto rows = m_outbox->pruneFinishedBefore(now.addSecs(-m_settings.outbox.count())))
            swept.outboxRows = rows.value();
        else
            m_onFailure(QStringLiteral("deleting outbox rows past their retention"), rows.error());
    }
    if (swept.alerts || swept.outboxRows)
        log::engine()->info("retention: deleted {} alerts and {} finished outbox rows", swept.alerts, swept.outboxRows);
    return swept;
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/SimulationDriver.h"

#include <QTimer>

namespace sentinel {

SimulationDriver::SimulationDriver(ManualClock& clock, QDateTime end, std::function<bool()> isBusy, QObject* parent)
    : QObject(parent), m_clock(clock), m_end(std::move(end)), m_isBusy(std::move(isBusy))
{
}

void SimulationDriver::start()
{
    scheduleStep();
}

void SimulationDriver::notifyIdle()
{
    scheduleStep();
}

void SimulationDriver::cancel()
{
    m_finished = true;
}

void SimulationDriver::scheduleStep()
{
    if (m_stepPosted || m_finished)
        return;
    m_stepPosted = true;
    // Posted, not called: replies and queued signals already in the event queue run first.
    QTimer::singleShot(0, this, &SimulationDriver::step);
}

void SimulationDriver::step()
{
    m_stepPosted = false;
    if (m_finished || m_isBusy())
        return; // notifyIdle() resumes us
    ++m_steps;
    const auto next = m_clock.nextTimerAt();
    if (!next || *next > m_end) {
        m_clock.advanceTo(m_end);
        m_finished = true;
        Q_EMIT finished();
        return;
    }
    m_clock.advanceTo(*next);
    scheduleStep();
}

} // namespace sentinel

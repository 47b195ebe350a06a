// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace sentinel {

/// Time spent in journal and platform I/O, so a cycle's own compute can be reported without it.
class IoMeter
{
public:
    [[nodiscard]] qint64 totalNs() const { return m_totalNs; }

private:
    friend class IoSpan;
    qint64 m_totalNs = 0;
};

/// Adds the time from its construction to its destruction to an IoMeter. Spans nest (proposing
/// journals inside a decision that journals): the outermost span sets the total from its own
/// start, so nested time is counted once, never twice (counting it twice made cycle compute
/// times negative).
class IoSpan
{
public:
    explicit IoSpan(IoMeter& meter) : m_meter(meter), m_totalAtStart(meter.m_totalNs) { m_timer.start(); }
    ~IoSpan() { m_meter.m_totalNs = m_totalAtStart + m_timer.nsecsElapsed(); }
    IoSpan(const IoSpan&) = delete;
    IoSpan& operator=(const IoSpan&) = delete;

private:
    IoMeter& m_meter;
    const qint64 m_totalAtStart;
    QElapsedTimer m_timer;
};

/// A cycle's own compute time: wall time since construction less the I/O measured meanwhile.
class ComputeTimer
{
public:
    explicit ComputeTimer(const IoMeter& meter) : m_meter(meter), m_ioAtStart(meter.totalNs()) { m_timer.start(); }
    [[nodiscard]] qint64 elapsedNs() const { return m_timer.nsecsElapsed() - (m_meter.totalNs() - m_ioAtStart); }

private:
    const IoMeter& m_meter;
    const qint64 m_ioAtStart;
    QElapsedTimer m_timer;
};

} // namespace sentinel

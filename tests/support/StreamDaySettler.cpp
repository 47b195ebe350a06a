// SPDX-License-Identifier: GPL-3.0-or-later
#include "StreamDaySettler.h"

#include "engine/Engine.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace sentinel::test {

StreamDaySettler::StreamDaySettler(const Engine& engine, std::function<qint64()> delivered, std::function<bool()> connected)
    : m_engine(engine), m_delivered(std::move(delivered)), m_connected(std::move(connected))
{
}

void StreamDaySettler::settle(const QString& simulatedNow)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 5'000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents);
        const qint64 missing = m_delivered() - m_lost - m_engine.statistics().streamMessages;
        const bool connected = m_connected();
        if (missing > 0 && !connected)
            m_lost += missing;
        else if (missing <= 0 && !m_engine.busy() && (connected || waited.elapsed() >= 50))
            return;
    }
    qWarning("no progress at %s", qPrintable(simulatedNow));
}

} // namespace sentinel::test

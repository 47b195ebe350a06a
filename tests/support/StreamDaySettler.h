// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

namespace sentinel {
class Engine;
}

namespace sentinel::test {

/// For an engine test that runs a simulated day against a broker's stream stand-in: lets the
/// sockets and the engine settle before the ManualClock moves on, until the engine is idle, has
/// taken every message the stand-in delivered, and holds a connection (waiting at most 50 ms for
/// one while it reconnects: simulated seconds must not pass faster than a loopback connection is
/// made). A message written to a connection the client has just dropped is never read: once no
/// connection is open any more it is counted lost, and the stream's own rules take it from there.
class StreamDaySettler
{
public:
    /// `delivered`: messages the stand-in wrote; `connected`: whether it holds a usable connection.
    StreamDaySettler(const Engine& engine, std::function<qint64()> delivered, std::function<bool()> connected);

    /// Returns once settled, or after 5 s of real time with a warning naming `simulatedNow`.
    void settle(const QString& simulatedNow);
    /// Messages written to connections the client had already dropped.
    [[nodiscard]] qint64 lost() const { return m_lost; }

private:
    const Engine& m_engine;
    std::function<qint64()> m_delivered;
    std::function<bool()> m_connected;
    qint64 m_lost = 0;
};

} // namespace sentinel::test

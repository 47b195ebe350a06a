// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QString>

class QTcpSocket;

namespace sentinel::test {

/// A real `redis-server` on 127.0.0.1 for tests: a free port, no persistence, killed at the
/// end. Tests QSKIP when the executable is missing (CI installs it). Readiness is polled
/// without blocking: `QTRY_VERIFY(server.isAnswering())` drives a PING through a socket.
class RedisServerProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisServerProcess)
public:
    explicit RedisServerProcess(QObject* parent = nullptr);
    ~RedisServerProcess() override;

    /// Path of redis-server, or empty if it is not on PATH.
    [[nodiscard]] static QString executable();

    /// Starts on a free port (first call) or on the same port again (after stop()).
    bool start(QString* error = nullptr);
    /// Kills the server at once, as a crash or an unplugged host would.
    void stop();
    [[nodiscard]] bool isRunning() const;
    /// True once the server has answered PING; call repeatedly from QTRY_VERIFY.
    [[nodiscard]] bool isAnswering();

    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] QString url() const;

private:
    QProcess m_process;
    int m_port = 0;
    bool m_answered = false;
    QPointer<QTcpSocket> m_probe;
};

} // namespace sentinel::test

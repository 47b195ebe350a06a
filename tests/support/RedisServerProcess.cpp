// SPDX-License-Identifier: GPL-3.0-or-later
#include "RedisServerProcess.h"

#include <QHostAddress>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

namespace sentinel::test {

RedisServerProcess::RedisServerProcess(QObject* parent) : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

RedisServerProcess::~RedisServerProcess()
{
    stop();
}

QString RedisServerProcess::executable()
{
    return QStandardPaths::findExecutable(QStringLiteral("redis-server"));
}

bool RedisServerProcess::start(QString* error)
{
    const QString program = executable();
    if (program.isEmpty()) {
        if (error)
            *error = QStringLiteral("redis-server is not on PATH");
        return false;
    }
    if (m_port == 0) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            if (error)
                *error = QStringLiteral("no free port on 127.0.0.1: ") + probe.errorString();
            return false;
        }
        m_port = probe.serverPort();
        probe.close();
    }
    m_answered = false;
    m_process.start(program, {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                              QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                              QStringLiteral("--appendonly"), QStringLiteral("no")});
    if (!m_process.waitForStarted(5000)) {
        if (error)
            *error = QStringLiteral("redis-server did not start: ") + m_process.errorString();
        return false;
    }
    return true;
}

void RedisServerProcess::stop()
{
    if (m_probe)
        m_probe->abort();
    m_answered = false;
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

bool RedisServerProcess::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

bool RedisServerProcess::isAnswering()
{
    if (m_answered)
        return true;
    if (!m_probe && isRunning()) {
        auto* socket = new QTcpSocket(this);
        m_probe = socket;
        connect(socket, &QTcpSocket::connected, socket, [socket] { socket->write("PING\r\n"); });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            if (socket->readAll().startsWith("+PONG"))
                m_answered = true;
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::errorOccurred, socket, &QObject::deleteLater);
        socket->connectToHost(QHostAddress::LocalHost, quint16(m_port));
    }
    return m_answered;
}

QString RedisServerProcess::url() const
{
    return QStringLiteral("redis://127.0.0.1:%1").arg(m_port);
}

} // namespace sentinel::test

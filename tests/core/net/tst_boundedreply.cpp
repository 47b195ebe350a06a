// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeHttpServer.h"
#include "net/BoundedReply.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QThread>
#include <QWaitCondition>

#include <algorithm>
#include <chrono>

using namespace sentinel;
using namespace sentinel::test;
using namespace std::chrono_literals;

namespace {
// Far more than the kernel's socket buffers hold on loopback, so a client without back-pressure
// takes measurably more of it than one with.
constexpr qint64 floodBytes = qint64{64} * 1024 * 1024;
constexpr qint64 cap = qint64{1} * 1024 * 1024;
// With back-pressure the server can send nothing more while the reader is busy; a server that
// sent nothing for this long has stalled.
constexpr auto stallWindow = 600ms;
constexpr auto longestBusy = 8s;
} // namespace

/// BoundedReply on a real QNetworkAccessManager against a loopback server in its own thread
/// (docs/adr/0104, docs/adr/0111).
class TestBoundedReply final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void aChunkedAnswerWaitsForABusyReader_data();
    void aChunkedAnswerWaitsForABusyReader();

private:
    /// Keeps this thread busy, as a starved consumer is, until the server has sent the whole
    /// flood or has sent nothing for stallWindow; returns the bytes it had sent by then.
    qint64 busyUntilTheServerStalls();

    QThread m_serverThread;
    FakeHttpServer* m_server = nullptr; // lives in m_serverThread
    QUrl m_base;
    QMutex m_mutex;
    QWaitCondition m_progress;
    qint64 m_sent = 0; // guarded by m_mutex
};

void TestBoundedReply::initTestCase()
{
    m_server = new FakeHttpServer;
    m_server->setRecording(false);
    CannedResponse flood = CannedResponse::json({}, 200);
    flood.behaviour = CannedResponse::Behaviour::Flood;
    flood.chunked = true;
    flood.floodBytes = floodBytes;
    m_server->route("/flood", flood);
    CannedResponse redirect = CannedResponse::json({}, 307);
    redirect.headers.insert("Location", "/flood");
    m_server->route("/redirect", redirect);
    // Direct: this thread is the one kept busy, so the count is kept in the server's thread.
    connect(m_server, &FakeHttpServer::floodSent, this, [this](qint64 bytes) {
        const QMutexLocker lock(&m_mutex);
        m_sent = bytes;
        m_progress.wakeAll();
    }, Qt::DirectConnection);
    m_serverThread.setObjectName(QStringLiteral("fake-http"));
    m_server->moveToThread(&m_serverThread);
    connect(&m_serverThread, &QThread::finished, m_server, &QObject::deleteLater);
    m_serverThread.start();
    bool listening = false;
    QMetaObject::invokeMethod(m_server, [this, &listening] {
        listening = m_server->start();
        m_base = m_server->baseUrl();
    }, Qt::BlockingQueuedConnection);
    QVERIFY(listening);
}

void TestBoundedReply::cleanupTestCase()
{
    m_serverThread.quit();
    m_serverThread.wait();
}

qint64 TestBoundedReply::busyUntilTheServerStalls()
{
    const QMutexLocker lock(&m_mutex);
    const QDeadlineTimer giveUp(longestBusy);
    qint64 seen = m_sent;
    while (m_sent < floodBytes && !giveUp.hasExpired()) {
        if (!m_progress.wait(&m_mutex, QDeadlineTimer(stallWindow)) && m_sent == seen)
            break;
        seen = m_sent;
    }
    return m_sent;
}

void TestBoundedReply::aChunkedAnswerWaitsForABusyReader_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    // A POST with a body starts its request an event-loop turn after post(), a GET at once, a
    // redirect starts a second request: the read buffer size must reach each.
    QTest::newRow("a POST's chunked answer waits for a busy reader") << QByteArray("POST") << QStringLiteral("/flood");
    QTest::newRow("a GET's chunked answer waits for a busy reader") << QByteArray("GET") << QStringLiteral("/flood");
    QTest::newRow("a POST redirected to a chunked answer waits for a busy reader")
        << QByteArray("POST") << QStringLiteral("/redirect");
}

void TestBoundedReply::aChunkedAnswerWaitsForABusyReader()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    {
        const QMutexLocker lock(&m_mutex);
        m_sent = 0;
    }
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_base.toString() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply =
        method == "POST" ? network.post(request, QByteArrayLiteral(R"({"ping":1})")) : network.get(request);

    qint64 mostBuffered = 0;
    qint64 sentWhileBusy = -1;
    // Connected before the guard's own handler: it sees what Qt buffered before the guard reads.
    connect(reply, &QNetworkReply::readyRead, this, [&] {
        mostBuffered = std::max(mostBuffered, reply->bytesAvailable());
        if (sentWhileBusy < 0)
            sentWhileBusy = busyUntilTheServerStalls();
    });
    const net::BoundedReply* guard = net::BoundedReply::watch(reply, net::Limits{20s, cap});
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);

    QCOMPARE(guard->failure(), net::BoundedReply::Failure::BodyTooLarge);
    const auto error = guard->error(QStringLiteral("the flood"));
    QVERIFY(error);
    QVERIFY2(error->message.contains(u"grew beyond"), qPrintable(error->message));
    QVERIFY(sentWhileBusy >= 0);
    // Without back-pressure Qt's HTTP thread reads the whole flood off the socket and queues it
    // for the busy thread; with it, only what the kernel's socket buffers hold is sent.
    QVERIFY2(sentWhileBusy < floodBytes / 4,
             qPrintable(QStringLiteral("the server sent %1 bytes while the reader was busy").arg(sentWhileBusy)));
    QVERIFY2(mostBuffered <= 2 * net::BoundedReply::readBufferBytes,
             qPrintable(QStringLiteral("Qt held %1 unread bytes for the reply").arg(mostBuffered)));
}

QTEST_GUILESS_MAIN(TestBoundedReply)
#include "tst_boundedreply.moc"

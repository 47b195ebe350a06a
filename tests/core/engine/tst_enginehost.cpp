// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/ConfigLoader.h"
#include "engine/Engine.h"
#include "engine/EngineHost.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace sentinel;

class TestEngineHost final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void engineRunsOnItsNamedWorkerThreadAndPublishesToTheCaller();
};

void TestEngineHost::engineRunsOnItsNamedWorkerThreadAndPublishesToTheCaller()
{
    QTemporaryDir dir;
    EngineOptions options;
    options.journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    EngineHost host(ConfigLoader().loadDemoProfile().config, options);
    QThread* engineThread = host.engine()->thread();
    QVERIFY(engineThread != QThread::currentThread());
    QCOMPARE(engineThread->objectName(), QStringLiteral("sentinel-engine"));

    QThread* receivedOn = nullptr;
    InstrumentSnapshots received;
    connect(host.engine(), &Engine::snapshotsChanged, this, [&](const InstrumentSnapshots& snapshots) {
        receivedOn = QThread::currentThread();
        received += snapshots;
    });
    host.start();
    // Real time here (SystemClock): the first batch arrives after the 100 ms coalescing window.
    QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 10000);
    QCOMPARE(receivedOn, QThread::currentThread());
    QVERIFY(received.first().lastPrice > 0);

    host.shutdown();
    QVERIFY(engineThread->isFinished());
}

QTEST_GUILESS_MAIN(TestEngineHost)
#include "tst_enginehost.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a streamed answer as it arrives: the NDJSON line splitter and the stream reader over
// it, with their caps, and an error that arrives inside a 200 stream.
#include "advisor/AdvisorError.h"
#include "advisor/AdvisorLimits.h"
#include "advisor/NdjsonSplitter.h"
#include "advisor/OllamaStream.h"

#include <QTest>

using namespace sentinel;
using namespace sentinel::advisor;

class TestOllamaStream final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitterCutsLinesWhereverTheChunksEnd();
    void splitterGivesTheLastLineWithoutANewlineAtTheEnd();
    void lineOfExactlyTheCapIsReadHoweverItIsCut_data();
    void lineOfExactlyTheCapIsReadHoweverItIsCut();
    void lineOverTheCapFailsBeforeItsNewlineArrives();
    void linesBeforeAnOverlongLineAreStillGiven();
    void contentIsReadableWhileTheStreamArrives();
    void errorLineAfterGoodChunksEndsTheStream();
    void hugeLineIsTooLarge();
    void streamOverTheTotalCapIsTooLargeHoweverItIsCut();
    void longErrorTextIsQuotedAsAnExcerpt();
    void lineWithNulBytesIsBinary();
};

namespace {

QByteArray chunkLine(const QByteArray& text, bool done = false)
{
    return R"({"model":"llama3.2","created_at":"2025-03-01T09:30:00Z","message":{"role":"assistant","content":")" + text
           + R"("},"done":)" + (done ? "true" : "false") + "}\n";
}

QList<QByteArray> feedAll(NdjsonSplitter& splitter, const QByteArray& bytes, qsizetype step)
{
    QList<QByteArray> lines;
    for (qsizetype at = 0; at < bytes.size(); at += step)
        lines += splitter.feed(QByteArrayView(bytes).sliced(at, std::min(step, bytes.size() - at)));
    return lines;
}

} // namespace

void TestOllamaStream::splitterCutsLinesWhereverTheChunksEnd()
{
    const QByteArray body = "{\"a\":1}\n\n{\"b\":2}\r\n  \n{\"c\":3}\n";
    const QList<QByteArray> expected{"{\"a\":1}", "{\"b\":2}", "{\"c\":3}"};
    for (qsizetype step = 1; step <= body.size(); ++step) {
        NdjsonSplitter splitter(64);
        QCOMPARE(feedAll(splitter, body, step), expected);
        QCOMPARE(splitter.finish(), std::optional<QByteArray>());
        QVERIFY(!splitter.failure());
    }
}

void TestOllamaStream::splitterGivesTheLastLineWithoutANewlineAtTheEnd()
{
    NdjsonSplitter splitter(64);
    QCOMPARE(splitter.feed("{\"a\":1}\n{\"b\""), QList<QByteArray>{"{\"a\":1}"});
    QCOMPARE(splitter.pendingBytes(), 4);
    QCOMPARE(splitter.feed(":2}"), QList<QByteArray>());
    QCOMPARE(splitter.finish(), std::optional<QByteArray>("{\"b\":2}"));
}

void TestOllamaStream::lineOfExactlyTheCapIsReadHoweverItIsCut_data()
{
    QTest::addColumn<QByteArray>("ending");
    QTest::newRow("ended by a newline") << QByteArray("\n");
    QTest::newRow("ended by a carriage return and a newline") << QByteArray("\r\n");
}

void TestOllamaStream::lineOfExactlyTheCapIsReadHoweverItIsCut()
{
    QFETCH(QByteArray, ending);
    const QByteArray line(16, 'x');
    const QByteArray body = line + ending + QByteArray(17, 'y') + "\n";
    for (qsizetype step = 1; step <= body.size(); ++step) {
        NdjsonSplitter splitter(16);
        QCOMPARE(feedAll(splitter, body, step), QList<QByteArray>{line});
        QVERIFY2(splitter.failure(), "the 17-byte line passed a 16-byte cap");
        QCOMPARE(splitter.failure()->kind, QString::fromUtf16(advisorError::ResponseTooLarge));
        QCOMPARE(splitter.failure()->message, u"a stream line has more than 16 bytes"_qs);
    }
}

void TestOllamaStream::lineOverTheCapFailsBeforeItsNewlineArrives()
{
    NdjsonSplitter splitter(1024);
    for (int i = 0; i < 1024; ++i) {
        QVERIFY(splitter.feed("z").isEmpty());
        QVERIFY(!splitter.failure());
    }
    QVERIFY(splitter.feed("z").isEmpty());
    QVERIFY(splitter.failure());
    QCOMPARE(splitter.pendingBytes(), 0); // nothing more is held
    QVERIFY(splitter.feed("\n{\"a\":1}\n").isEmpty());
    QCOMPARE(splitter.finish(), std::optional<QByteArray>());
}

void TestOllamaStream::linesBeforeAnOverlongLineAreStillGiven()
{
    NdjsonSplitter splitter(8);
    QCOMPARE(splitter.feed("{\"a\":1}\n0123456789\n{\"b\":2}\n"), QList<QByteArray>{"{\"a\":1}"});
    QVERIFY(splitter.failure());
}

void TestOllamaStream::contentIsReadableWhileTheStreamArrives()
{
    OllamaStream stream(OllamaEndpoint::Chat);
    const QByteArray first = chunkLine("{\\\"action\\\": ");
    QVERIFY(stream.feed(first.left(first.size() - 1)));
    QCOMPARE(stream.content(), QString()); // the line is not complete yet
    QVERIFY(stream.feed("\n"));
    QCOMPARE(stream.content(), uR"({"action": )"_qs);
    QCOMPARE(stream.chunks(), 1);
    QVERIFY(stream.feed(QByteArray(chunkLine("\\\"hold\\\"}") + chunkLine("", true))));
    const auto reply = stream.finish();
    QVERIFY(reply.ok());
    QCOMPARE(reply.value().content, uR"({"action": "hold"})"_qs);
    QCOMPARE(reply.value().model, u"llama3.2"_qs);
    QVERIFY(reply.value().done);
}

void TestOllamaStream::errorLineAfterGoodChunksEndsTheStream()
{
    OllamaStream stream(OllamaEndpoint::Chat);
    QVERIFY(stream.feed(QByteArray(chunkLine("The") + chunkLine(" market"))));
    QVERIFY(!stream.feed(QByteArray("{\"error\":\"an error was encountered while running the model: CUDA error\"}\n" + chunkLine("", true))));
    QVERIFY(stream.failure());
    QVERIFY(!stream.feed(chunkLine("more"))); // nothing after the error is read
    QCOMPARE(stream.content(), u"The market"_qs);
    const auto reply = stream.finish();
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().kind, QString::fromUtf16(advisorError::StreamError));
    QVERIFY(reply.error().message.contains(u"CUDA error"));
    QVERIFY(reply.error().message.contains(u"inside its answer stream"));
}

void TestOllamaStream::hugeLineIsTooLarge()
{
    OllamaStream stream(OllamaEndpoint::Generate);
    const QByteArray huge = R"({"model":"m","response":")" + QByteArray(kMaxStreamLineBytes, 'a') + R"(","done":false})" + "\n";
    QVERIFY(!stream.feed(huge));
    const auto reply = stream.finish();
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().kind, QString::fromUtf16(advisorError::ResponseTooLarge));
    QVERIFY(reply.error().message.contains(QString::number(kMaxStreamLineBytes)));
}

void TestOllamaStream::streamOverTheTotalCapIsTooLargeHoweverItIsCut()
{
    QByteArray body;
    const QByteArray line = chunkLine(QByteArray(1000, 'k'));
    while (body.size() <= kMaxStreamBytes)
        body += line;
    body += chunkLine("", true);
    QString firstMessage;
    for (const qsizetype step : {qsizetype(1) << 20, qsizetype(4096), qsizetype(977)}) {
        OllamaStream stream(OllamaEndpoint::Chat);
        for (qsizetype at = 0; at < body.size(); at += step)
            stream.feed(QByteArrayView(body).sliced(at, std::min(step, body.size() - at)));
        const auto reply = stream.finish();
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, QString::fromUtf16(advisorError::ResponseTooLarge));
        if (firstMessage.isEmpty())
            firstMessage = reply.error().message;
        QCOMPARE(reply.error().message, firstMessage);
        QVERIFY(stream.content().toUtf8().size() <= kMaxStreamBytes);
    }
}

void TestOllamaStream::longErrorTextIsQuotedAsAnExcerpt()
{
    OllamaStream stream(OllamaEndpoint::Chat);
    stream.feed(QByteArray("{\"error\":\"" + QByteArray(20000, 'e') + "\"}\n"));
    const auto reply = stream.finish();
    QVERIFY(!reply.ok());
    QVERIFY2(reply.error().message.size() < 500, qPrintable(QString::number(reply.error().message.size())));
}

void TestOllamaStream::lineWithNulBytesIsBinary()
{
    OllamaStream stream(OllamaEndpoint::Chat);
    stream.feed(QByteArray(chunkLine("a") + QByteArray("{\"x\0\":1}\n", 10)));
    const auto reply = stream.finish();
    QVERIFY(!reply.ok());
    QCOMPARE(reply.error().kind, u"binary_body"_qs);
    QVERIFY(reply.error().message.startsWith(u"line 2 of the stream: "));
}

QTEST_GUILESS_MAIN(TestOllamaStream)
#include "tst_ollamastream.moc"

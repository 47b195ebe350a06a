// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/BoundedFile.h"
#include "common/Excerpt.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

class TestBoundedFile final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsARegularFileUnderItsCap();
    void refusesWhatIsNotARegularFileUnderItsCap_data();
    void refusesWhatIsNotARegularFileUnderItsCap();
    void readsAnEmbeddedResource();
    void everyKindHasACap();
    void excerptCutsLongTextAndMarksTheCut_data();
    void excerptCutsLongTextAndMarksTheCut();
};

void TestBoundedFile::readsARegularFileUnderItsCap()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("ten.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("0123456789");
    file.close();
    const auto read = readBoundedFile(file.fileName(), FileKind::Returns, 10);
    QVERIFY(read.ok());
    QCOMPARE(read.value(), QByteArray("0123456789"));
}

void TestBoundedFile::refusesWhatIsNotARegularFileUnderItsCap_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("cap");
    QTest::addColumn<QString>("message");
    QTest::newRow("a character device is not a regular file")
        << QStringLiteral("/dev/zero") << qint64(1024) << QStringLiteral("is not a regular file");
    QTest::newRow("a directory is not a file") << QStringLiteral("/") << qint64(1024) << QStringLiteral("is a directory");
    QTest::newRow("a missing file is named") << QStringLiteral("/no/such/file") << qint64(1024)
                                             << QStringLiteral("/no/such/file does not exist");
    QTest::newRow("a file one byte over its cap is refused")
        << QStringLiteral("{eleven}") << qint64(10) << QStringLiteral("is 11 bytes, more than the 10 bytes");
}

void TestBoundedFile::refusesWhatIsNotARegularFileUnderItsCap()
{
    QFETCH(QString, path);
    QFETCH(qint64, cap);
    QFETCH(QString, message);
    QTemporaryDir dir;
    if (path == u"{eleven}") {
        path = dir.filePath(QStringLiteral("eleven.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("01234567890");
    }
    const auto read = readBoundedFile(path, FileKind::Config, cap);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, QStringLiteral("bad_file"));
    QVERIFY2(read.error().message.startsWith(QStringLiteral("configuration file ")), qPrintable(read.error().message));
    QVERIFY2(read.error().message.contains(message), qPrintable(read.error().message));
    QVERIFY(!read.error().remedy.isEmpty());
}

void TestBoundedFile::readsAnEmbeddedResource()
{
    // The built-in calendars and the demo profile are Qt resources; they count as regular files.
    const auto read = readBoundedFile(QStringLiteral(":/no/such/resource"), FileKind::Calendars);
    QVERIFY(!read.ok());
    QVERIFY(read.error().message.contains(QStringLiteral("does not exist")));
}

void TestBoundedFile::everyKindHasACap()
{
    for (const FileKind kind : {FileKind::Config, FileKind::Calendars, FileKind::ParseInput, FileKind::ReplayData,
                                FileKind::Returns}) {
        QVERIFY(fileSizeCap(kind) >= kMiB);
        QVERIFY(fileSizeCap(kind) <= 64 * kMiB);
    }
}

void TestBoundedFile::excerptCutsLongTextAndMarksTheCut_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("short text is quoted whole") << QStringLiteral("XNYS") << QStringLiteral("XNYS");
    QTest::newRow("exactly the limit is quoted whole") << QString(80, u'a') << QString(80, u'a');
    QTest::newRow("one over the limit is cut with an ellipsis") << QString(81, u'a') << QString(80, u'a') + QChar(0x2026);
    const QString emoji = QString::fromUtf8("\xF0\x9F\x98\x80"); // a surrogate pair in UTF-16
    QTest::newRow("a surrogate pair at the cut is not split")
        << QString(79, u'a') + emoji + QStringLiteral("tail") << QString(79, u'a') + QChar(0x2026);
}

void TestBoundedFile::excerptCutsLongTextAndMarksTheCut()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(excerpt(text), expected);
    QCOMPARE(excerpt(text.toUtf8()), expected);
}

QTEST_GUILESS_MAIN(TestBoundedFile)
#include "tst_boundedfile.moc"

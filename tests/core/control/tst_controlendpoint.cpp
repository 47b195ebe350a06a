// SPDX-License-Identifier: GPL-3.0-or-later
// ControlEndpoint (ADR 0133): the journal names the desk's channel, stably and inside a folder
// only the user can enter; never the abstract namespace, never a bare name in /tmp.
#include "control/ControlEndpoint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

class TestControlEndpoint final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void theNameIsStableForOneJournal();
    void everySpellingOfOneJournalGivesOneName_data();
    void everySpellingOfOneJournalGivesOneName();
    void differentJournalsGetDifferentNames();
    void theNameIsAFileInTheRuntimeFolder();
    void theNameIsTheJournalPathsHash();
    void aRuntimeFolderOpenToOthersIsRefused();
    void aMissingRuntimeFolderIsRefused();
    void noJournalIsRefused();
    void aPathTooLongForASocketAddressIsRefused();

private:
    QTemporaryDir m_runtime; // 0700, ours: stands in for $XDG_RUNTIME_DIR
    QTemporaryDir m_desk;
};

void TestControlEndpoint::initTestCase()
{
    QVERIFY(m_runtime.isValid());
    QVERIFY(m_desk.isValid());
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtime.path()));
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    QCOMPARE(ControlEndpoint::runtimeDirectory(), m_runtime.path());
#endif
}

void TestControlEndpoint::theNameIsStableForOneJournal()
{
    const QString journal = m_desk.filePath(QStringLiteral("journal.sqlite"));
    const auto first = ControlEndpoint::serverName(journal);
    QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().toString()));
    QCOMPARE(ControlEndpoint::serverName(journal).value(), first.value());
    // The file appearing (the engine opens it) does not move the channel.
    QFile file(journal);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QCOMPARE(ControlEndpoint::serverName(journal).value(), first.value());
    QVERIFY(file.remove());
}

void TestControlEndpoint::everySpellingOfOneJournalGivesOneName_data()
{
    QTest::addColumn<QString>("spelling");
    QTest::addColumn<bool>("exists");
    for (const bool exists : {false, true}) {
        const char* state = exists ? "existing" : "not yet created";
        QTest::addRow("with a dot segment, %s", state) << QStringLiteral("./journal.sqlite") << exists;
        QTest::addRow("through a sibling folder and back, %s", state)
            << QStringLiteral("sub/../journal.sqlite") << exists;
        QTest::addRow("with doubled slashes, %s", state) << QStringLiteral(".//journal.sqlite") << exists;
#if defined(Q_OS_UNIX)
        QTest::addRow("through a symbolic link to the folder, %s", state)
            << QStringLiteral("link/journal.sqlite") << exists;
#endif
        QTest::addRow("relative to the working folder, %s", state) << QStringLiteral("@cwd") << exists;
    }
}

void TestControlEndpoint::everySpellingOfOneJournalGivesOneName()
{
    QFETCH(QString, spelling);
    QFETCH(bool, exists);
    QTemporaryDir desk;
    QVERIFY(desk.isValid());
    QVERIFY(QDir(desk.path()).mkdir(QStringLiteral("sub")));
    const QString journal = desk.filePath(QStringLiteral("journal.sqlite"));
#if defined(Q_OS_UNIX)
    QVERIFY(QFile::link(desk.path(), desk.filePath(QStringLiteral("link"))));
#endif
    if (exists) {
        QFile file(journal);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const QString canonical = ControlEndpoint::serverName(journal).value();
    QString other = desk.path() + u'/' + spelling;
    const QString previous = QDir::currentPath();
    if (spelling == u"@cwd") {
        QVERIFY(QDir::setCurrent(desk.path()));
        other = QStringLiteral("journal.sqlite");
    }
    const auto named = ControlEndpoint::serverName(other);
    QDir::setCurrent(previous);
    QVERIFY(named.ok());
    QCOMPARE(named.value(), canonical);
}

void TestControlEndpoint::differentJournalsGetDifferentNames()
{
    const QString a = ControlEndpoint::serverName(m_desk.filePath(QStringLiteral("a.sqlite"))).value();
    const QString b = ControlEndpoint::serverName(m_desk.filePath(QStringLiteral("b.sqlite"))).value();
    const QString c = ControlEndpoint::serverName(m_desk.filePath(QStringLiteral("sub/a.sqlite"))).value();
    QVERIFY(a != b);
    QVERIFY(a != c);
    QVERIFY(b != c);
}

void TestControlEndpoint::theNameIsAFileInTheRuntimeFolder()
{
    const QString name = ControlEndpoint::serverName(m_desk.filePath(QStringLiteral("journal.sqlite"))).value();
#if defined(Q_OS_WIN)
    QVERIFY(QRegularExpression(QStringLiteral("^trade-sentinel-[A-Za-z0-9._-]+-[0-9a-f]{16}$")).match(name).hasMatch());
#else
    // A path in the filesystem: not the abstract namespace (a leading NUL, or '@' as tools print it).
    QVERIFY(name.startsWith(u'/'));
    QVERIFY(!name.startsWith(u'\0') && !name.startsWith(u'@'));
    const QFileInfo info(name);
    QCOMPARE(info.absolutePath(), m_runtime.path());
    QVERIFY2(!name.startsWith(u"/tmp/trade-sentinel"), "a bare name in /tmp");
    QVERIFY(
        QRegularExpression(QStringLiteral("^trade-sentinel-[0-9a-f]{16}\\.sock$")).match(info.fileName()).hasMatch());
#endif
}

void TestControlEndpoint::theNameIsTheJournalPathsHash()
{
    const QString journal = m_desk.filePath(QStringLiteral("journal.sqlite"));
    const QString canonical = ControlEndpoint::canonicalJournalPath(journal);
    QCOMPARE(canonical, QDir(QFileInfo(m_desk.path()).canonicalFilePath()).filePath(QStringLiteral("journal.sqlite")));
    const QByteArray hex = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    QVERIFY(ControlEndpoint::serverName(journal).value().contains(QString::fromLatin1(hex)));
    QVERIFY(ControlEndpoint::canonicalJournalPath(QString()).isEmpty());
}

void TestControlEndpoint::aRuntimeFolderOpenToOthersIsRefused()
{
#if defined(Q_OS_UNIX)
    QTemporaryDir open;
    QVERIFY(open.isValid());
    QVERIFY(QFile::setPermissions(open.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                   QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                                   QFile::ExeOther));
    const auto named = ControlEndpoint::serverNameIn(open.path(), m_desk.filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(!named.ok());
    QCOMPARE(named.error().kind, QStringLiteral("control_runtime_dir_unsafe"));
    QVERIFY2(named.error().message.contains(u"mode 755"), qPrintable(named.error().message));
    QVERIFY(!named.error().remedy.isEmpty());
    // /tmp itself, shared by every account, is never used.
    const auto shared =
        ControlEndpoint::serverNameIn(QStringLiteral("/tmp"), m_desk.filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(!shared.ok());
    QCOMPARE(shared.error().kind, QStringLiteral("control_runtime_dir_unsafe"));
#else
    QSKIP("Unix folders only");
#endif
}

void TestControlEndpoint::aMissingRuntimeFolderIsRefused()
{
#if defined(Q_OS_UNIX)
    for (const QString& folder :
         {QString(), m_runtime.filePath(QStringLiteral("missing")), QStringLiteral("relative")}) {
        const auto named = ControlEndpoint::serverNameIn(folder, m_desk.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(!named.ok());
        QCOMPARE(named.error().kind, QStringLiteral("control_no_runtime_dir"));
    }
#else
    QSKIP("Unix folders only");
#endif
}

void TestControlEndpoint::noJournalIsRefused()
{
    const auto named = ControlEndpoint::serverName(QString());
    QVERIFY(!named.ok());
    QCOMPARE(named.error().kind, QStringLiteral("control_no_journal"));
}

void TestControlEndpoint::aPathTooLongForASocketAddressIsRefused()
{
#if defined(Q_OS_UNIX)
    const QString deep = m_runtime.filePath(QString(100, u'd'));
    QVERIFY(QDir().mkdir(deep));
    QVERIFY(QFile::setPermissions(deep, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const auto named = ControlEndpoint::serverNameIn(deep, m_desk.filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(!named.ok());
    QCOMPARE(named.error().kind, QStringLiteral("control_path_too_long"));
#else
    QSKIP("Unix socket addresses only");
#endif
}

QTEST_GUILESS_MAIN(TestControlEndpoint)
#include "tst_controlendpoint.moc"

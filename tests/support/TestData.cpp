// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestData.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTest>

namespace sentinel::test {

QString dataPath(const QString& relative)
{
    return QStringLiteral(SENTINEL_TEST_DATA_DIR "/") + relative;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void addGoldenCaseRows(const QString& relative, qsizetype atLeast)
{
    QTest::addColumn<QString>("folder");
    const QDir golden(dataPath(relative));
    const QStringList cases = golden.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(cases.size() >= atLeast, qPrintable(QStringLiteral("%1 lost its cases: %2 of at least %3").arg(relative).arg(cases.size()).arg(atLeast)));
    for (const QString& name : cases)
        QTest::newRow(name.toUtf8().constData()) << golden.filePath(name);
}

bool writeTextFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

QByteArray fileSha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace sentinel::test

// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarkdownV2Check.h"
#include "notify/TelegramFormatter.h"

#include <QRegularExpression>
#include <QTest>

using namespace sentinel;
using sentinel::test::parseMarkdownV2;

class TestTelegramFormatter final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void escapesEveryReservedCharacter_data();
    void escapesEveryReservedCharacter();
    void leavesOrdinaryTextAlone();
    void signalWithReservedCharactersRendersAsValidMarkdown();
    void shortMessageIsOnePartWithoutNumbering();
    void longMessageSplitsOnLineBoundaries_data();
    void longMessageSplitsOnLineBoundaries();
    void overlongSingleLineIsHardSplit();
    void hardSplitNeverCutsASurrogatePair();
    void numberingWidthGrowsWithPartCount();
};

void TestTelegramFormatter::escapesEveryReservedCharacter_data()
{
    QTest::addColumn<QString>("character");
    const QString reserved = QStringLiteral("_*[]()~`>#+-=|{}.!\\");
    for (const QChar c : reserved)
        QTest::addRow("reserved character %s is escaped", QString(c).toUtf8().constData()) << QString(c);
}

void TestTelegramFormatter::escapesEveryReservedCharacter()
{
    QFETCH(QString, character);
    const QString text = u"a" + character + u"b";
    const QString escaped = TelegramFormatter::escapeMarkdownV2(text);
    QCOMPARE(escaped, u"a\\" + character + u"b");
    QCOMPARE(parseMarkdownV2(escaped), std::optional<QString>(text));
}

void TestTelegramFormatter::leavesOrdinaryTextAlone()
{
    const QString text = QStringLiteral("Kaufen AAPL 190 äöü €  ✓ 漢字");
    QCOMPARE(TelegramFormatter::escapeMarkdownV2(text), text);
}

void TestTelegramFormatter::signalWithReservedCharactersRendersAsValidMarkdown()
{
    SignalMessage signal;
    signal.id = QStringLiteral("sig-1.2_(x)");
    signal.instrumentKey = QStringLiteral("FX:EUR_USD");
    signal.side = QStringLiteral("BUY");
    signal.price = 1.0850;
    signal.text = QStringLiteral("SMA(20) > SMA(50)! *cross* at 1.0850 [strong] ~ok~ `x` #1 a+b-c=d |e| {f}\\g");
    signal.createdAt = QDateTime(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC);
    const QList<TelegramPart> parts = TelegramFormatter::render(signal);
    QCOMPARE(parts.size(), 1);
    const auto visible = parseMarkdownV2(parts.first().markdownV2);
    QVERIFY2(visible.has_value(), qPrintable(parts.first().markdownV2));
    QCOMPARE(*visible, parts.first().plainText);
    QVERIFY(parts.first().plainText.contains(signal.text));
    QVERIFY(parts.first().plainText.startsWith(u"BUY FX:EUR_USD @ 1.085"));
    QVERIFY(parts.first().markdownV2.startsWith(u"*BUY FX:EUR\\_USD @ 1\\.085*"));
}

void TestTelegramFormatter::shortMessageIsOnePartWithoutNumbering()
{
    const QList<TelegramPart> parts = TelegramFormatter::split({TelegramLine::text(u"one"), TelegramLine::text(u"two")});
    QCOMPARE(parts.size(), 1);
    QCOMPARE(parts.first().plainText, QStringLiteral("one\ntwo"));
}

void TestTelegramFormatter::longMessageSplitsOnLineBoundaries_data()
{
    QTest::addColumn<int>("lineLength");
    QTest::addColumn<int>("lineCount");
    QTest::addRow("ten thousand characters in lines of 99") << 99 << 100;
    QTest::addRow("ten thousand characters of reserved dots in lines of 49") << 49 << 200;
    QTest::addRow("forty thousand characters in lines of 399") << 399 << 100;
}

void TestTelegramFormatter::longMessageSplitsOnLineBoundaries()
{
    QFETCH(int, lineLength);
    QFETCH(int, lineCount);
    QList<TelegramLine> lines;
    QStringList originals;
    for (int i = 0; i < lineCount; ++i) {
        // Dots are reserved: escaping doubles the raw length but must not count against the limit.
        QString line = QStringLiteral("%1:").arg(i, 4, 10, QLatin1Char('0'));
        line += QString(lineLength - line.size(), lineLength == 49 ? u'.' : u'x');
        originals.append(line);
        lines.append(TelegramLine::text(line));
    }
    const QList<TelegramPart> parts = TelegramFormatter::split(lines);
    QVERIFY(parts.size() > 1);
    QStringList rejoined;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const TelegramPart& part = parts.at(i);
        QVERIFY2(part.plainText.size() <= TelegramFormatter::maxMessageLength,
                 qPrintable(QStringLiteral("part %1 has %2 characters").arg(i).arg(part.plainText.size())));
        const auto visible = parseMarkdownV2(part.markdownV2);
        QVERIFY(visible.has_value());
        QCOMPARE(*visible, part.plainText);
        QStringList partLines = part.plainText.split(u'\n');
        QCOMPARE(partLines.takeFirst(), QStringLiteral("(%1/%2)").arg(i + 1).arg(parts.size()));
        rejoined += partLines;
    }
    QCOMPARE(rejoined, originals); // every line whole, in order, none lost
}

void TestTelegramFormatter::overlongSingleLineIsHardSplit()
{
    const QString line = QString(10000, u'!');
    const QList<TelegramPart> parts = TelegramFormatter::split({TelegramLine::bold(line)});
    QCOMPARE(parts.size(), 3);
    QString rejoined;
    for (const TelegramPart& part : parts) {
        QVERIFY(part.plainText.size() <= TelegramFormatter::maxMessageLength);
        QVERIFY(parseMarkdownV2(part.markdownV2).has_value());
        rejoined += part.plainText.section(u'\n', 1);
    }
    QCOMPARE(rejoined, line);
}

void TestTelegramFormatter::hardSplitNeverCutsASurrogatePair()
{
    QString line;
    while (line.size() < 9000)
        line += QStringLiteral("📈");
    const QList<TelegramPart> parts = TelegramFormatter::split({TelegramLine::text(line)}, 101);
    QString rejoined;
    for (const TelegramPart& part : parts) {
        const QString body = part.plainText.section(u'\n', 1);
        QVERIFY(!body.isEmpty());
        QVERIFY(!body.front().isLowSurrogate());
        QVERIFY(!body.back().isHighSurrogate());
        rejoined += body;
    }
    QCOMPARE(rejoined, line);
}

void TestTelegramFormatter::numberingWidthGrowsWithPartCount()
{
    QList<TelegramLine> lines;
    for (int i = 0; i < 30; ++i)
        lines.append(TelegramLine::text(QString(45, u'y')));
    // 30 lines of 45 with a limit of 60 need one line a part: 30 parts, "(10/30)" headers.
    const QList<TelegramPart> parts = TelegramFormatter::split(lines, 60);
    QCOMPARE(parts.size(), 30);
    for (const TelegramPart& part : parts)
        QVERIFY(part.plainText.size() <= 60);
    QVERIFY(parts.last().plainText.startsWith(u"(30/30)\n"));
}

QTEST_GUILESS_MAIN(TestTelegramFormatter)
#include "tst_telegramformatter.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// TelegramCommands (ADR 0119): splitting, naming, whose command it is, and the help text.
#include "notify/TelegramCommands.h"

#include <QTest>

using namespace sentinel;

class TestTelegramCommands final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void split_data();
    void split();
    void names_data();
    void names();
    void addressedToUs_data();
    void addressedToUs();
    void helpListsEveryCommand();
};

void TestTelegramCommands::split_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isCommand");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("args");
    QTest::newRow("a bare command") << QStringLiteral("/status") << true << QStringLiteral("status") << QString() << QString();
    QTest::newRow("a command for a named bot with arguments") << QStringLiteral("/pnl@SentinelBot  week  ") << true << QStringLiteral("pnl") << QStringLiteral("SentinelBot") << QStringLiteral("week");
    QTest::newRow("arguments after a newline") << QStringLiteral("/help\nplease") << true << QStringLiteral("help") << QString() << QStringLiteral("please");
    QTest::newRow("plain text is not a command") << QStringLiteral("status please") << false << QString() << QString() << QString();
    QTest::newRow("a slash later in the text is not a command") << QStringLiteral("see /status") << false << QString() << QString() << QString();
    QTest::newRow("a lone slash is an empty command") << QStringLiteral("/") << true << QString() << QString() << QString();
    QTest::newRow("an at sign with nothing after it names no bot") << QStringLiteral("/status@") << true << QStringLiteral("status") << QStringLiteral("@") << QString();
    QTest::newRow("an overlong suffix names no bot") << QString(QStringLiteral("/status@") + QString(33, u'b')) << true << QStringLiteral("status") << QStringLiteral("@") << QString();
    QTest::newRow("an overlong name is cut") << QString(u'/' + QString(100, u'x')) << true << QString(32, u'x') << QString() << QString();
}

void TestTelegramCommands::split()
{
    QFETCH(QString, text);
    QFETCH(bool, isCommand);
    const auto command = TelegramCommands::split(text);
    QCOMPARE(bool(command), isCommand);
    if (!command)
        return;
    QTEST(command->name, "name");
    QTEST(command->botSuffix, "suffix");
    QTEST(command->args, "args");
}

void TestTelegramCommands::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<TelegramCommand>("command");
    QTest::newRow("status") << QStringLiteral("status") << TelegramCommand::Status;
    QTest::newRow("positions") << QStringLiteral("positions") << TelegramCommand::Positions;
    QTest::newRow("pnl") << QStringLiteral("pnl") << TelegramCommand::Pnl;
    QTest::newRow("pause") << QStringLiteral("pause") << TelegramCommand::Pause;
    QTest::newRow("resume") << QStringLiteral("resume") << TelegramCommand::Resume;
    QTest::newRow("flatten") << QStringLiteral("flatten") << TelegramCommand::Flatten;
    QTest::newRow("help") << QStringLiteral("help") << TelegramCommand::Help;
    QTest::newRow("a phone's capital first letter is the same command") << QStringLiteral("Status") << TelegramCommand::Status;
    QTest::newRow("shouting is the same command") << QStringLiteral("FLATTEN") << TelegramCommand::Flatten;
    QTest::newRow("start is unknown and gets help") << QStringLiteral("start") << TelegramCommand::Unknown;
    QTest::newRow("a prefix is not the command") << QStringLiteral("stat") << TelegramCommand::Unknown;
    QTest::newRow("a longer word is not the command") << QStringLiteral("statuses") << TelegramCommand::Unknown;
    QTest::newRow("empty is unknown") << QString() << TelegramCommand::Unknown;
}

void TestTelegramCommands::names()
{
    QFETCH(QString, name);
    QFETCH(TelegramCommand, command);
    QCOMPARE(TelegramCommands::parse(name), command);
}

void TestTelegramCommands::addressedToUs_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("ours");
    QTest::addColumn<bool>("addressed");
    QTest::newRow("no suffix is for every bot") << QString() << QStringLiteral("SentinelBot") << true;
    QTest::newRow("no suffix while our name is unknown") << QString() << QString() << true;
    QTest::newRow("our name") << QStringLiteral("SentinelBot") << QStringLiteral("SentinelBot") << true;
    QTest::newRow("our name in another case") << QStringLiteral("sentinelbot") << QStringLiteral("SentinelBot") << true;
    QTest::newRow("our name given with an at sign") << QStringLiteral("SentinelBot") << QStringLiteral("@SentinelBot") << true;
    QTest::newRow("another bot") << QStringLiteral("OtherBot") << QStringLiteral("SentinelBot") << false;
    QTest::newRow("a longer name that starts like ours") << QStringLiteral("SentinelBot2") << QStringLiteral("SentinelBot") << false;
    QTest::newRow("a named bot while ours is unknown") << QStringLiteral("SentinelBot") << QString() << false;
    QTest::newRow("the no-bot marker") << QStringLiteral("@") << QStringLiteral("@") << false;
}

void TestTelegramCommands::addressedToUs()
{
    QFETCH(QString, suffix);
    QFETCH(QString, ours);
    QTEST(TelegramCommands::isAddressedToUs(suffix, ours), "addressed");
}

void TestTelegramCommands::helpListsEveryCommand()
{
    const QString help = TelegramCommands::helpText();
    const QList<TelegramCommand> all = TelegramCommands::all();
    QCOMPARE(all.size(), 7);
    QVERIFY(!all.contains(TelegramCommand::Unknown));
    for (const TelegramCommand command : all) {
        const QString name = TelegramCommands::name(command);
        QCOMPARE(TelegramCommands::parse(name), command);
        QVERIFY2(help.contains(u'/' + name + u" — "), qPrintable(name));
    }
    QCOMPARE(TelegramCommands::name(TelegramCommand::Unknown), QStringLiteral("unknown"));
}

QTEST_GUILESS_MAIN(TestTelegramCommands)
#include "tst_telegramcommands.moc"

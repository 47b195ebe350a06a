// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input to the `sentinel` command line, from the hardening review (issue 18): every case
// must end promptly with exit 2 (or the code the contract gives it) and a first stderr line that
// names what is wrong, never a crash, a hang or a silent success.
#include "CliRunner.h"
#include "TestData.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel::test;

class TestCliBadInput final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void refusedWithAMessage_data();
    void refusedWithAMessage();
    void anEchoedValueIsQuotedAsAnExcerpt();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestCliBadInput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Sparse files: larger than their caps without writing megabytes.
    for (const auto& [name, size] : {std::pair{QStringLiteral("big.yaml"), qint64(17) * 1024 * 1024},
                                     std::pair{QStringLiteral("big.json"), qint64(17) * 1024 * 1024}}) {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(size));
    }
    QVERIFY(writeTextFile(path(QStringLiteral("nul.json")), QByteArray("{\"Meta Data\": {", 15) + QByteArray(32, '\0') + "}}"));
    QVERIFY(writeTextFile(path(QStringLiteral("nul.csv")),
                          "open_time_utc,open,high,low,close,volume\n" + QByteArray(8, '\0') + "\n"));
    QVERIFY(writeTextFile(path(QStringLiteral("twice.yaml")),
                          "mode: approval\nwatchlist:\n  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\nmode: autonomous\n"));
    QByteArray deep = "x:";
    for (int i = 1; i <= 500; ++i)
        deep += "\n" + QByteArray(2 * i, ' ') + "k:";
    QVERIFY(writeTextFile(path(QStringLiteral("deep.yaml")), deep + " 1\n"));
    QVERIFY(writeTextFile(path(QStringLiteral("calendar_1e300.json")),
                          R"({"schema": 1e300, "version": "x", "markets": []})"));
    QByteArray huge;
    for (int i = 0; i < 40; ++i)
        huge += i % 2 ? "1e308\n" : "-1e308\n";
    QVERIFY(writeTextFile(path(QStringLiteral("huge_returns.txt")), huge));
    QVERIFY(writeTextFile(path(QStringLiteral("long_value.yaml")),
                          "watchlist:\n  - {symbol: \"EUR/USD\", market: " + QByteArray(10'000, 'Q') + ", interval: 5min}\n"));
}

void TestCliBadInput::refusedWithAMessage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message"); ///< a part of the first stderr line; "{dir}" is the temporary folder

    const QString zero = QStringLiteral("/dev/zero");
    const auto configCheck = [](const QString& option, const QString& file) {
        return QStringList{u"config"_qs, u"check"_qs, option, file};
    };
    // Item 1: every file read is a regular file under a size cap.
    QTest::newRow("config check on /dev/zero is refused, not an out-of-memory abort")
        << configCheck(u"--config"_qs, zero) << 2
        << u"configuration file /dev/zero is not a regular file"_qs;
    QTest::newRow("config check with --calendars /dev/zero is refused")
        << configCheck(u"--calendars"_qs, zero) << 2
        << u"calendar file /dev/zero is not a regular file"_qs;
    QTest::newRow("sessions with --calendars /dev/zero is refused")
        << QStringList{u"sessions"_qs, u"--market"_qs, u"XNYS"_qs, u"--from"_qs, u"2024-01-02"_qs, u"--to"_qs,
                       u"2024-01-05"_qs, u"--calendars"_qs, zero}
        << 2 << u"calendar file /dev/zero is not a regular file"_qs;
    QTest::newRow("parse alphavantage on /dev/zero is refused, not a hang")
        << QStringList{u"parse"_qs, u"alphavantage"_qs, zero} << 2 << u"input file /dev/zero is not a regular file"_qs;
    QTest::newRow("var on /dev/zero is refused, not a hang")
        << QStringList{u"var"_qs, u"--method"_qs, u"historical"_qs, u"--confidence"_qs, u"0.95"_qs, zero} << 2
        << u"returns file /dev/zero is not a regular file"_qs;
    QTest::newRow("a configuration over 16 MiB is refused with its size")
        << configCheck(u"--config"_qs, u"{dir}/big.yaml"_qs) << 2
        << u"is 17 MiB, more than the 16 MiB a configuration file may have"_qs;
    QTest::newRow("a calendar file over 16 MiB is refused with its size")
        << configCheck(u"--calendars"_qs, u"{dir}/big.json"_qs) << 2
        << u"more than the 16 MiB a calendar file may have"_qs;
    QTest::newRow("a directory given as the configuration is refused")
        << configCheck(u"--config"_qs, u"{dir}"_qs) << 2 << u"is a directory, not a file"_qs;
    QTest::newRow("a directory given to parse is refused")
        << QStringList{u"parse"_qs, u"alphavantage"_qs, u"{dir}"_qs} << 2 << u"is a directory, not a file"_qs;

    // Item 2: a figure that is not finite is bad input, never `"var": null` with exit 0.
    for (const QString& method : {u"historical"_qs, u"parametric"_qs, u"bootstrap"_qs}) {
        QTest::addRow("var %s on returns of plus and minus 1e308 is bad input, not null", qPrintable(method))
            << QStringList{u"var"_qs, u"--method"_qs, method, u"--confidence"_qs, u"0.95"_qs, u"{dir}/huge_returns.txt"_qs}
            << 2 << u"non_finite_result: the "_qs;
    }

    // Item 3: the configuration loader and the calendar parser.
    QTest::newRow("a key given twice names both lines")
        << configCheck(u"--config"_qs, u"{dir}/twice.yaml"_qs) << 2
        << u"mode: key 'mode' is given twice, at lines 1 and 4"_qs;
    QTest::newRow("500 levels of nesting say nesting too deep")
        << configCheck(u"--config"_qs, u"{dir}/deep.yaml"_qs) << 2 << u"nesting too deep at line"_qs;
    QTest::newRow("a calendar integer of 1e300 is out of range, not converted")
        << configCheck(u"--calendars"_qs, u"{dir}/calendar_1e300.json"_qs) << 2
        << u"schema: expected an integer from 1 to 1000, got 1.0000000000000001e+300"_qs;

    // Item 4: a stray positional argument is never silently ignored, by any command.
    QTest::newRow("--version with a stray argument names it")
        << QStringList{u"--version"_qs, u"extra"_qs} << 2 << u"unexpected argument 'extra'"_qs;
    QTest::newRow("market-status with a stray argument names it")
        << QStringList{u"market-status"_qs, u"--market"_qs, u"XNYS"_qs, u"--at"_qs, u"2024-03-08T15:00:00Z"_qs, u"now"_qs}
        << 2 << u"unexpected argument 'now'"_qs;
    QTest::newRow("sessions with a stray argument names it")
        << QStringList{u"sessions"_qs, u"--market"_qs, u"XNYS"_qs, u"--from"_qs, u"2024-01-02"_qs, u"--to"_qs,
                       u"2024-01-05"_qs, u"XNAS"_qs}
        << 2 << u"unexpected argument 'XNAS'"_qs;
    QTest::newRow("freshness with a stray argument names it")
        << QStringList{u"freshness"_qs, u"--market"_qs, u"FX"_qs, u"--interval"_qs, u"5min"_qs, u"--last-bar"_qs,
                       u"2024-03-08T14:55:00Z"_qs, u"--at"_qs, u"2024-03-08T15:01:00Z"_qs, u"stale"_qs}
        << 2 << u"unexpected argument 'stale'"_qs;
    QTest::newRow("run with a stray argument names it")
        << QStringList{u"run"_qs, u"--duration"_qs, u"1"_qs, u"fast"_qs} << 2 << u"unexpected argument 'fast'"_qs;
    QTest::newRow("parse with a second file names it")
        << QStringList{u"parse"_qs, u"alphavantage"_qs, u"{dir}/nul.json"_qs, u"second.json"_qs} << 2
        << u"unexpected argument 'second.json'"_qs;
    QTest::newRow("var with a second file names it")
        << QStringList{u"var"_qs, u"--method"_qs, u"historical"_qs, u"--confidence"_qs, u"0.95"_qs, u"a.txt"_qs,
                       u"b.txt"_qs}
        << 2 << u"unexpected argument 'b.txt'"_qs;
    // `run --resume` (ADR 0106): it continues a simulation from a journal, and says why it cannot.
    const QStringList resume{u"run"_qs, u"--simulate"_qs, u"--resume"_qs, u"--to"_qs, u"2026-11-30T00:00:00Z"_qs};
    QTest::newRow("run --resume on a live run is refused")
        << QStringList{u"run"_qs, u"--resume"_qs, u"--duration"_qs, u"1"_qs} << 2 << u"--resume is allowed only with --simulate"_qs;
    QTest::newRow("run --resume with --from as well is refused")
        << resume + QStringList{u"--from"_qs, u"2026-11-23T00:00:00Z"_qs, u"--journal"_qs, u"{dir}/j.sqlite"_qs} << 2
        << u"give --resume or --from, not both"_qs;
    QTest::newRow("run --resume without a journal asks for one")
        << resume << 2 << u"--resume needs the journal to resume: give --journal FILE"_qs;
    QTest::newRow("run --resume on a missing journal names it")
        << resume + QStringList{u"--journal"_qs, u"{dir}/missing.sqlite"_qs} << 2
        << u"journal {dir}/missing.sqlite does not exist"_qs;
    QTest::newRow("run --resume on a file that is not a journal says so")
        << resume + QStringList{u"--journal"_qs, u"{dir}/nul.csv"_qs} << 2 << u"is not a Trade Sentinel journal"_qs;
    // Item 4: a body with NUL bytes is called binary, not truncated.
    QTest::newRow("an Alpha Vantage body with NUL bytes is a binary body")
        << QStringList{u"parse"_qs, u"alphavantage"_qs, u"{dir}/nul.json"_qs} << 2 << u"binary_body: the body contains NUL bytes"_qs;
    QTest::newRow("a calendar file with NUL bytes is called binary")
        << configCheck(u"--calendars"_qs, u"{dir}/nul.json"_qs) << 2
        << u"the file contains NUL bytes"_qs;
}

void TestCliBadInput::refusedWithAMessage()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    for (QString& argument : arguments)
        argument.replace(u"{dir}"_qs, m_dir.path());
    message.replace(u"{dir}"_qs, m_dir.path());
    const CliRun run = runSentinel(arguments);
    QVERIFY2(run.exitCode == exitCode, qPrintable(u"exit %1, stderr: %2"_qs.arg(run.exitCode).arg(QString::fromUtf8(run.err))));
    const QString firstLine = QString::fromUtf8(run.err).section(u'\n', 0, 0);
    QVERIFY2(firstLine.contains(message), qPrintable(firstLine));
}

void TestCliBadInput::anEchoedValueIsQuotedAsAnExcerpt()
{
    const CliRun run = runSentinel({u"config"_qs, u"check"_qs, u"--config"_qs, path(u"long_value.yaml"_qs)});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("unknown market 'QQQQ"), run.err.left(300).constData());
    QVERIFY2(run.err.contains(QByteArray(QByteArray(80, 'Q') + "\u2026'")), run.err.left(300).constData());
    QVERIFY2(!run.err.contains(QByteArray(81, 'Q')), "the whole 10,000-character value was echoed");
    QVERIFY(!run.out.contains(QByteArray(81, 'Q')));
}

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_cli_bad_input.moc"

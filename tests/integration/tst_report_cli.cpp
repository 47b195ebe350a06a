// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel report` on a journal of hand-computed trades (tests/core/report/KnownTrades.h):
// the JSON figures, the CSV read back against the journal, windows, and bad input.
#include "CliRunner.h"
#include "KnownTrades.h"
#include "TestData.h"

#include "common/ExitCode.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

class TestReportCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_journal = m_dir.filePath(QStringLiteral("known.sqlite"));
        QVERIFY(KnownTrades::write(m_journal).ok());
    }

    void jsonHasTheFiguresAndLeavesTheFileAlone()
    {
        const QByteArray before = test::fileSha256(m_journal);
        const CliRun run = runSentinel({QStringLiteral("report"), QStringLiteral("--journal"), m_journal,
                                        QStringLiteral("--starting-equity"), QStringLiteral("10000")});
        QVERIFY2(run.exitCode == ExitOk, run.err.constData());
        const QJsonObject json = run.json();
        QCOMPARE(json.value(QStringLiteral("trades")).toInt(), 8);
        QCOMPARE(json.value(QStringLiteral("closed_trades")).toInt(), 4);
        QCOMPARE(json.value(QStringLiteral("win_rate")).toDouble(), 0.5);
        QVERIFY(qFuzzyCompare(json.value(QStringLiteral("pnl")).toDouble(), 5.0));
        QVERIFY(qFuzzyCompare(json.value(QStringLiteral("profit_factor")).toDouble(), 137.2 / 132.2));
        QVERIFY(qFuzzyCompare(json.value(QStringLiteral("max_drawdown")).toDouble(), 101.0 / 10098.0));
        QVERIFY(qAbs(json.value(QStringLiteral("sharpe")).toDouble() - 0.3032221208802643) < 1e-9);
        const QJsonObject strategies = json.value(QStringLiteral("by_strategy")).toObject();
        QCOMPARE(strategies.value(QStringLiteral("sma_cross")).toObject().value(QStringLiteral("closed_trades")).toInt(), 3);
        QCOMPARE(strategies.value(QStringLiteral("rsi_reversion")).toObject().value(QStringLiteral("closed_trades")).toInt(), 1);
        QCOMPARE(test::fileSha256(m_journal), before);
    }

    void csvIsOneRowPerClosedTradeMatchingTheJournal()
    {
        const CliRun run = runSentinel({QStringLiteral("report"), QStringLiteral("--journal"), m_journal, QStringLiteral("--format"),
                                        QStringLiteral("csv")});
        QVERIFY2(run.exitCode == ExitOk, run.err.constData());
        QList<QByteArray> lines = run.out.split('\n');
        QCOMPARE(lines.takeLast(), QByteArray()); // ends with CRLF
        QCOMPARE(lines.size(), 1 + 4);
        const QStringList header = QString::fromUtf8(lines.takeFirst()).trimmed().split(u',');
        QCOMPARE(header.indexOf(QStringLiteral("pnl")), 9);
        // Closing order: AAPL Mon, MSFT Wed 15:00, AAPL Wed 17:00, AAPL Thu; P&L net of both legs' fees.
        const QList<double> expectedPnl{98.0, -101.0, 39.2, -31.2};
        const QStringList expectedInstrument{QStringLiteral("XNYS:AAPL:5min"), QStringLiteral("XNYS:MSFT:5min"),
                                             QStringLiteral("XNYS:AAPL:5min"), QStringLiteral("XNYS:AAPL:5min")};
        const QList<KnownFill> fills = KnownTrades::fills();
        const QList<int> closingFill{1, 4, 5, 6};
        for (int i = 0; i < 4; ++i) {
            const QStringList cells = QString::fromUtf8(lines.at(i)).trimmed().split(u',');
            QCOMPARE(cells.size(), header.size());
            QCOMPARE(cells.at(0), fills.at(closingFill.at(i)).at.toString(Qt::ISODateWithMs));
            QCOMPARE(cells.at(2), expectedInstrument.at(i));
            QCOMPARE(cells.at(7).toDouble(), fills.at(closingFill.at(i)).price);
            QVERIFY2(qFuzzyCompare(cells.at(9).toDouble(), expectedPnl.at(i)), lines.at(i).constData());
        }
    }

    void aWindowByDatesIncludesTheLastDay()
    {
        const CliRun run = runSentinel({QStringLiteral("report"), QStringLiteral("--journal"), m_journal, QStringLiteral("--from"),
                                        QStringLiteral("2024-03-06"), QStringLiteral("--to"), QStringLiteral("2024-03-06"),
                                        QStringLiteral("--starting-equity"), QStringLiteral("10000")});
        QVERIFY2(run.exitCode == ExitOk, run.err.constData());
        const QJsonObject json = run.json();
        QCOMPARE(json.value(QStringLiteral("trades")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("closed_trades")).toInt(), 2);
        QVERIFY(qFuzzyCompare(json.value(QStringLiteral("equity_at_start")).toDouble(), 10098.0));
        QCOMPARE(json.value(QStringLiteral("to")).toString(), QStringLiteral("2024-03-07T00:00:00.000Z"));
    }

    void badInputIsExitTwoWithTheReason_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a journal\n");
        file.close();
        QTest::newRow("no journal") << QStringList{} << QStringLiteral("--journal FILE is required");
        QTest::newRow("a text file") << QStringList{QStringLiteral("--journal"), text} << QStringLiteral("not a Trade Sentinel journal");
        QTest::newRow("missing") << QStringList{QStringLiteral("--journal"), m_dir.filePath(QStringLiteral("none.sqlite"))}
                                 << QStringLiteral("none.sqlite");
        QTest::newRow("a directory") << QStringList{QStringLiteral("--journal"), m_dir.path()} << QStringLiteral("not a Trade Sentinel journal");
        QTest::newRow("bad date") << QStringList{QStringLiteral("--journal"), m_journal, QStringLiteral("--from"), QStringLiteral("2024-02-30")}
                                  << QStringLiteral("--from '2024-02-30' is neither a date");
        QTest::newRow("window backwards")
            << QStringList{QStringLiteral("--journal"), m_journal, QStringLiteral("--from"), QStringLiteral("2024-03-07"),
                           QStringLiteral("--to"), QStringLiteral("2024-03-05")}
            << QStringLiteral("must be after --from");
        QTest::newRow("format") << QStringList{QStringLiteral("--journal"), m_journal, QStringLiteral("--format"), QStringLiteral("xml")}
                                << QStringLiteral("--format must be json or csv");
        QTest::newRow("equity") << QStringList{QStringLiteral("--journal"), m_journal, QStringLiteral("--starting-equity"), QStringLiteral("nan")}
                                << QStringLiteral("--starting-equity must be a positive amount");
    }

    void badInputIsExitTwoWithTheReason()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run = runSentinel(QStringList{QStringLiteral("report")} + arguments);
        QCOMPARE(run.exitCode, int(ExitBadInput));
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_journal;
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_report_cli.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// `sentinel var` as scripts see it: the built binary, run with QProcess.
#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonObject json;
};

Run runSentinel(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(SENTINEL_BINARY), arguments);
    if (!process.waitForFinished(60000))
        qFatal("sentinel %s did not finish", qPrintable(arguments.join(u' ')));
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    run.json = QJsonDocument::fromJson(run.out).object();
    return run;
}

// The 20 returns of the convention-divergence block in the shared VaR vectors.
QString divergenceReturns()
{
    QFile file(sentinel::test::dataPath(QStringLiteral("var/var_test_vectors.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the VaR vectors");
    const QJsonArray returns = QJsonDocument::fromJson(file.readAll())
                                   .object()
                                   .value(QStringLiteral("quantile_convention_divergence"))
                                   .toObject()
                                   .value(QStringLiteral("returns"))
                                   .toArray();
    QString text;
    for (const QJsonValue& value : returns)
        text += QString::number(value.toDouble(), 'g', 17) + u'\n';
    return text;
}

} // namespace

class TestVarCommand final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void historicalReproducesTheType7Vector();
    void commentsAndBlankLinesAreIgnored();
    void horizonScalesWithItsSquareRoot();
    void parametricUsesTheExactNormalQuantile();
    void bootstrapAnswersOnAnEmptyFileAndSaysOnWhat();
    void bootstrapIsReproducibleAndTakesItsOptions();
    void badInputExitsTwoNamingTheProblem_data();
    void badInputExitsTwoNamingTheProblem();
    void aMissingFileExitsTwoNamingIt();

private:
    QString write(const QString& name, const QString& content);
    QTemporaryDir m_dir;
};

QString TestVarCommand::write(const QString& name, const QString& content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(content.toUtf8());
    return path;
}

void TestVarCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(QStringLiteral(SENTINEL_BINARY)));
}

void TestVarCommand::historicalReproducesTheType7Vector()
{
    const QString path = write(QStringLiteral("divergence.txt"), divergenceReturns());
    const Run run = runSentinel({QStringLiteral("var"), QStringLiteral("--method"), QStringLiteral("historical"),
                                 QStringLiteral("--confidence"), QStringLiteral("0.95"), path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(!run.json.isEmpty(), run.out.constData());
    QCOMPARE(run.out.count('\n'), 1); // one JSON object, nothing else
    QVERIFY(std::abs(run.json.value(QStringLiteral("var")).toDouble() - 0.00905) < 1e-15);
    QCOMPARE(run.json.value(QStringLiteral("expected_shortfall")).toDouble(), 0.01);
    QCOMPARE(run.json.value(QStringLiteral("samples")).toInt(), 20);
    QCOMPARE(run.json.value(QStringLiteral("method")).toString(), QStringLiteral("historical"));
    QCOMPARE(run.json.value(QStringLiteral("convention")).toString(), QStringLiteral("linear_type7"));
    QCOMPARE(run.json.value(QStringLiteral("confidence")).toDouble(), 0.95);
    QCOMPARE(run.json.value(QStringLiteral("horizon_days")).toInt(), 1);
}

void TestVarCommand::commentsAndBlankLinesAreIgnored()
{
    const QString plain = write(QStringLiteral("plain.txt"), QStringLiteral("-0.02\n0.01\n0.005\n-0.01\n"));
    const QString annotated = write(QStringLiteral("annotated.txt"),
                                    QStringLiteral("# daily returns\n\n-0.02\n  0.01   # a good day\n\n0.005\r\n-1e-2\n"));
    const QStringList args{QStringLiteral("var"), QStringLiteral("--method"), QStringLiteral("historical"),
                           QStringLiteral("--confidence"), QStringLiteral("0.9")};
    const Run a = runSentinel(args + QStringList{plain});
    const Run b = runSentinel(args + QStringList{annotated});
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(b.exitCode, 0);
    QCOMPARE(b.json, a.json);
    QCOMPARE(b.json.value(QStringLiteral("samples")).toInt(), 4);
}

void TestVarCommand::horizonScalesWithItsSquareRoot()
{
    const QString path = write(QStringLiteral("divergence.txt"), divergenceReturns());
    for (const QString& method : {QStringLiteral("historical"), QStringLiteral("parametric"), QStringLiteral("bootstrap")}) {
        const QStringList args{QStringLiteral("var"), QStringLiteral("--method"), method, QStringLiteral("--confidence"),
                               QStringLiteral("0.99"), path};
        const Run one = runSentinel(args);
        const Run ten = runSentinel(args + QStringList{QStringLiteral("--horizon-days"), QStringLiteral("10")});
        QCOMPARE(ten.exitCode, 0);
        QCOMPARE(ten.json.value(QStringLiteral("horizon_days")).toInt(), 10);
        const double expected = one.json.value(QStringLiteral("var")).toDouble() * std::sqrt(10.0);
        QVERIFY2(std::abs(ten.json.value(QStringLiteral("var")).toDouble() - expected) < 1e-15, qPrintable(method));
    }
}

void TestVarCommand::parametricUsesTheExactNormalQuantile()
{
    // Mean 0, sample deviation √2: VaR = Φ⁻¹(0.95)·√2.
    const QString path = write(QStringLiteral("symmetric.txt"), QStringLiteral("-1\n1\n"));
    const Run run = runSentinel({QStringLiteral("var"), QStringLiteral("--method"), QStringLiteral("parametric"),
                                 QStringLiteral("--confidence"), QStringLiteral("0.95"), path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(std::abs(run.json.value(QStringLiteral("var")).toDouble() - 1.6448536269514722 * std::sqrt(2.0)) < 1e-14);
    QCOMPARE(run.json.value(QStringLiteral("method")).toString(), QStringLiteral("parametric"));
}

void TestVarCommand::bootstrapAnswersOnAnEmptyFileAndSaysOnWhat()
{
    const QString empty = write(QStringLiteral("empty.txt"), QStringLiteral("# nothing yet\n"));
    const Run run = runSentinel({QStringLiteral("var"), QStringLiteral("--method"), QStringLiteral("bootstrap"),
                                 QStringLiteral("--confidence"), QStringLiteral("0.99"), QStringLiteral("--asset-class"),
                                 QStringLiteral("crypto"), empty});
    QCOMPARE(run.exitCode, 0);
    const double var = run.json.value(QStringLiteral("var")).toDouble();
    QVERIFY(var > 0.0);
    // All prior: z₀.₉₉ × 3.5 % within resampling error.
    QVERIFY(std::abs(var - 2.3263478740408408 * 0.035) < 0.02 * var);
    QCOMPARE(run.json.value(QStringLiteral("samples")).toInt(), 0);
    QCOMPARE(run.json.value(QStringLiteral("label")).toString(), QStringLiteral("bootstrap (0 returns)"));
    QCOMPARE(run.json.value(QStringLiteral("asset_class")).toString(), QStringLiteral("crypto"));

    QString twelve;
    for (int i = 0; i < 12; ++i)
        twelve += QString::number((i % 2 ? 0.004 : -0.003) * (i + 1)) + u'\n';
    const Run some = runSentinel({QStringLiteral("var"), QStringLiteral("--method"), QStringLiteral("bootstrap"),
                                  QStringLiteral("--confidence"), QStringLiteral("0.95"),
                                  write(QStringLiteral("twelve.txt"), twelve)});
    QCOMPARE(some.exitCode, 0);
    QCOMPARE(some.json.value(QStringLiteral("label")).toString(), QStringLiteral("bootstrap (12 returns)"));
    QCOMPARE(some.json.value(QStringLiteral("asset_class")).toString(), QStringLiteral("equity"));
    QCOMPARE(some.json.value(QStringLiteral("historical_weight")).toDouble(), 0.4);
    QVERIFY(some.json.value(QStringLiteral("var")).toDouble() > 0.0);
}

void TestVarCommand::bootstrapIsReproducibleAndTakesItsOptions()
{
    const QString path = write(QStringLiteral("divergence.txt"), divergenceReturns());
    const QStringList args{QStringLiteral("var"), QStringLiteral("--method"), QStringLiteral("bootstrap"),
                           QStringLiteral("--confidence"), QStringLiteral("0.95"), path};
    const Run first = runSentinel(args);
    const Run again = runSentinel(args);
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(again.out, first.out);
    const Run reseeded = runSentinel(args + QStringList{QStringLiteral("--seed"), QStringLiteral("12345"),
                                                        QStringLiteral("--min-returns"), QStringLiteral("10"),
                                                        QStringLiteral("--resamples"), QStringLiteral("20000")});
    QCOMPARE(reseeded.exitCode, 0);
    QCOMPARE(reseeded.json.value(QStringLiteral("seed")).toString(), QStringLiteral("12345"));
    QCOMPARE(reseeded.json.value(QStringLiteral("min_returns")).toInt(), 10);
    QCOMPARE(reseeded.json.value(QStringLiteral("resamples")).toInt(), 20000);
    QCOMPARE(reseeded.json.value(QStringLiteral("historical_weight")).toDouble(), 1.0);
    QCOMPARE(first.json.value(QStringLiteral("historical_weight")).toDouble(), 20.0 / 30.0);
}

void TestVarCommand::badInputExitsTwoNamingTheProblem_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("mentions");
    const QString good = QStringLiteral("-0.01\n0.02\n0.003\n");
    const QStringList historical{QStringLiteral("--method"), QStringLiteral("historical"), QStringLiteral("--confidence"),
                                 QStringLiteral("0.95")};
    QTest::newRow("a word where a return should be names its line")
        << historical << QStringLiteral("0.01\n# note\nabc\n0.02\n") << QStringLiteral("line 3");
    QTest::newRow("a NaN return names its line") << historical << QStringLiteral("0.01\nnan\n") << QStringLiteral("line 2");
    QTest::newRow("an infinite return names its line") << historical << QStringLiteral("inf\n") << QStringLiteral("line 1");
    QTest::newRow("a percentage is not a fraction") << historical << QStringLiteral("1.5%\n") << QStringLiteral("line 1");
    QTest::newRow("a thousands separator is not a number") << historical << QStringLiteral("1,000\n0.1\n")
                                                           << QStringLiteral("line 1");
    QTest::newRow("historical on an empty file") << historical << QString() << QStringLiteral("no returns: need at least 2");
    QTest::newRow("parametric on one return")
        << QStringList{QStringLiteral("--method"), QStringLiteral("parametric"), QStringLiteral("--confidence"), QStringLiteral("0.95")}
        << QStringLiteral("0.01\n") << QStringLiteral("need at least 2");
    QTest::newRow("a confidence of one")
        << QStringList{QStringLiteral("--method"), QStringLiteral("historical"), QStringLiteral("--confidence"), QStringLiteral("1")}
        << good << QStringLiteral("--confidence");
    QTest::newRow("a confidence of zero")
        << QStringList{QStringLiteral("--method"), QStringLiteral("historical"), QStringLiteral("--confidence"), QStringLiteral("0")}
        << good << QStringLiteral("--confidence");
    QTest::newRow("a confidence given in percent")
        << QStringList{QStringLiteral("--method"), QStringLiteral("historical"), QStringLiteral("--confidence"), QStringLiteral("95")}
        << good << QStringLiteral("--confidence");
    QTest::newRow("no confidence at all") << QStringList{QStringLiteral("--method"), QStringLiteral("historical")} << good
                                          << QStringLiteral("--confidence");
    QTest::newRow("an unknown method")
        << QStringList{QStringLiteral("--method"), QStringLiteral("montecarlo"), QStringLiteral("--confidence"), QStringLiteral("0.95")}
        << good << QStringLiteral("--method");
    QTest::newRow("a zero-day horizon") << historical + QStringList{QStringLiteral("--horizon-days"), QStringLiteral("0")} << good
                                        << QStringLiteral("--horizon-days");
    QTest::newRow("an unknown asset class")
        << QStringList{QStringLiteral("--method"), QStringLiteral("bootstrap"), QStringLiteral("--confidence"),
                       QStringLiteral("0.95"), QStringLiteral("--asset-class"), QStringLiteral("bonds")}
        << good << QStringLiteral("--asset-class");
    QTest::newRow("a zero minimum of returns")
        << QStringList{QStringLiteral("--method"), QStringLiteral("bootstrap"), QStringLiteral("--confidence"),
                       QStringLiteral("0.95"), QStringLiteral("--min-returns"), QStringLiteral("0")}
        << good << QStringLiteral("--min-returns");
}

void TestVarCommand::badInputExitsTwoNamingTheProblem()
{
    QFETCH(QStringList, options);
    QFETCH(QString, content);
    QFETCH(QString, mentions);
    const QString path = write(QStringLiteral("bad.txt"), content);
    const Run run = runSentinel(QStringList{QStringLiteral("var")} + options + QStringList{path});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
    QVERIFY2(run.out.trimmed().isEmpty(), run.out.constData());
}

void TestVarCommand::aMissingFileExitsTwoNamingIt()
{
    const QString missing = m_dir.filePath(QStringLiteral("no-such-returns.txt"));
    const Run run = runSentinel({QStringLiteral("var"), QStringLiteral("--method"), QStringLiteral("historical"),
                                 QStringLiteral("--confidence"), QStringLiteral("0.95"), missing});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(missing), qPrintable(run.err));
    const Run none = runSentinel({QStringLiteral("var"), QStringLiteral("--method"), QStringLiteral("historical"),
                                  QStringLiteral("--confidence"), QStringLiteral("0.95")});
    QCOMPARE(none.exitCode, 2);
    QVERIFY(none.err.contains(u"FILE"));
}

QTEST_GUILESS_MAIN(TestVarCommand)
#include "tst_varcommand.moc"

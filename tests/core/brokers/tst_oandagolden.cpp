// SPDX-License-Identifier: GPL-3.0-or-later
// Golden cases of the OANDA v20 parsers: each folder under tests/data/oanda/golden is one answer
// and what it must parse to (see tests/data/oanda/golden/README.md). A new folder is a new test.
#include "brokers/oanda/OandaErrors.h"
#include "brokers/oanda/OandaJson.h"

#include "TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace sentinel;
using namespace sentinel::oanda;

class TestOandaGolden final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goldenCase_data();
    void goldenCase();
    void granularityHintNamesAnUnlabelledBody();
    void granularityHintThatDisagreesIsAnError();
    void askedComponentIsReadEvenWhenMidIsPresent();
    void streamLineOverTheCapIsRefusedUnread();
    void streamLineEndingInCrLfIsOneLine();
};

namespace {

template <typename T>
Result<QJsonObject> normalised(const Result<T>& parsed)
{
    if (!parsed)
        return parsed.error();
    return toJson(parsed.value());
}

Result<QJsonObject> parseWith(const QString& parser, const QByteArray& body, int status)
{
    if (parser == u"candles")
        return normalised(parseCandles(body));
    if (parser == u"pricing")
        return normalised(parsePricing(body));
    if (parser == u"order")
        return normalised(parseOrderCreate(body, status));
    if (parser == u"account_summary")
        return status >= 400 ? Result<QJsonObject>(oandaError::parseErrorBody(status, body)) : normalised(parseAccountSummary(body));
    if (parser == u"positions")
        return normalised(parseOpenPositions(body));
    if (parser == u"error")
        return oandaError::parseErrorBody(status, body);
    return Error{QStringLiteral("test"), QStringLiteral("unknown parser ") + parser};
}

/// Compares one parse with its expectation: {"output": {...}} or {"error_kind", "message_contains"}.
void check(const Result<QJsonObject>& actual, const QJsonObject& expected, const QString& where)
{
    if (expected.contains(QStringLiteral("error_kind"))) {
        QVERIFY2(!actual.ok(), qPrintable(where + u": expected an error, the parser accepted it"));
        QCOMPARE(actual.error().kind, expected.value(QStringLiteral("error_kind")).toString());
        QVERIFY(!actual.error().message.isEmpty());
        QVERIFY(!actual.error().remedy.isEmpty());
        const QString needle = expected.value(QStringLiteral("message_contains")).toString();
        QVERIFY2(actual.error().message.contains(needle),
                 qPrintable(where + u": '" + actual.error().message + u"' does not name '" + needle + u'\''));
        return;
    }
    QVERIFY2(actual.ok(), qPrintable(where + u": " + (actual.ok() ? QString() : actual.error().kind + u": " + actual.error().message)));
    const QJsonObject output = expected.value(QStringLiteral("output")).toObject();
    if (actual.value() != output) {
        qWarning().noquote() << where << "actual:" << QJsonDocument(actual.value()).toJson();
        qWarning().noquote() << where << "expected:" << QJsonDocument(output).toJson();
    }
    QCOMPARE(actual.value(), output);
}

QByteArray h1Body()
{
    return test::readFile(test::dataPath(QStringLiteral("oanda/golden/recorded_candles_h1_mid_eur_usd/input.json")));
}

} // namespace

void TestOandaGolden::goldenCase_data()
{
    test::addGoldenCaseRows(QStringLiteral("oanda/golden"), 59);
}

void TestOandaGolden::goldenCase()
{
    QFETCH(QString, folder);
    QJsonParseError jsonError{};
    const QJsonObject expected = QJsonDocument::fromJson(test::readFile(folder + u"/expected.json"), &jsonError).object();
    QCOMPARE(jsonError.error, QJsonParseError::NoError);
    const QString parser = expected.value(QStringLiteral("parser")).toString();
    if (parser == u"stream") {
        QVERIFY(QFile::exists(folder + u"/input.ndjson"));
        const QList<QByteArray> lines = test::readFile(folder + u"/input.ndjson").split('\n');
        const QJsonArray expectedLines = expected.value(QStringLiteral("lines")).toArray();
        QCOMPARE(lines.size(), expectedLines.size() + 1); // the file ends with a newline
        for (qsizetype i = 0; i < expectedLines.size(); ++i) {
            check(normalised(parseStreamLine(lines.at(i))), expectedLines.at(i).toObject(), QStringLiteral("line %1").arg(i + 1));
            if (QTest::currentTestFailed())
                return;
        }
        return;
    }
    QVERIFY(QFile::exists(folder + u"/input.json"));
    const int status = expected.value(QStringLiteral("http_status")).toInt();
    check(parseWith(parser, test::readFile(folder + u"/input.json"), status), expected, parser);
}

void TestOandaGolden::granularityHintNamesAnUnlabelledBody()
{
    QJsonObject body = QJsonDocument::fromJson(h1Body()).object();
    body.remove(QStringLiteral("granularity"));
    CandlesContext context;
    context.granularity = Interval::Min60;
    const auto parsed = parseCandles(QJsonDocument(body).toJson(), context);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().interval, Interval::Min60);
    QCOMPARE(parsed.value().closed.size(), 9);
}

void TestOandaGolden::granularityHintThatDisagreesIsAnError()
{
    CandlesContext context;
    context.granularity = Interval::Min5;
    const auto parsed = parseCandles(h1Body(), context);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, QString::fromUtf16(oandaError::InvalidField));
    QVERIFY(parsed.error().message.contains(u"H1"));
}

void TestOandaGolden::askedComponentIsReadEvenWhenMidIsPresent()
{
    // A body with only mid asked for bid: each candle names the missing member.
    CandlesContext context;
    context.component = PriceComponent::Bid;
    const auto parsed = parseCandles(h1Body(), context);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, QString::fromUtf16(oandaError::MissingField));
    QVERIFY(parsed.error().message.contains(u"candles[0].bid"));
}

void TestOandaGolden::streamLineOverTheCapIsRefusedUnread()
{
    const QByteArray line = QByteArray(R"({"type":"HEARTBEAT","time":"2016-10-27T08:38:44Z","pad":")")
                            + QByteArray(kMaxStreamLineBytes, 'x') + QByteArray("\"}");
    const auto parsed = parseStreamLine(line);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, QString::fromUtf16(oandaError::LineTooLong));
}

void TestOandaGolden::streamLineEndingInCrLfIsOneLine()
{
    const auto parsed = parseStreamLine(QByteArrayView("{\"type\":\"HEARTBEAT\",\"time\":\"2016-10-27T08:38:44.327443673Z\"}\r\n"));
    QVERIFY(parsed.ok());
    QCOMPARE(std::get<Heartbeat>(parsed.value()).time, QDateTime(QDate(2016, 10, 27), QTime(8, 38, 44, 327), Qt::UTC));
}

QTEST_GUILESS_MAIN(TestOandaGolden)
#include "tst_oandagolden.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/AlphaVantageParser.h"
#include "providers/ProviderError.h"

#include "TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace sentinel;

class TestAlphaVantageParser final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goldenCase_data();
    void goldenCase();
    void echoedApiKeyNeverReachesTheMessage();
    void sessionPredicateDecidesExtendedHours();
    void functionHintNamesTheSeries();
    void withoutNowNoBarIsInTheFuture();
};

namespace {

QDateTime goldenNow()
{
    return QDateTime(QDate(2025, 6, 1), QTime(0, 0), Qt::UTC);
}

/// Issue messages are prose; the golden files pin the row and the rule.
QJsonObject withoutIssueMessages(QJsonObject object)
{
    if (!object.contains(QStringLiteral("issues")))
        return object;
    QJsonArray issues;
    for (const QJsonValue& value : object.value(QStringLiteral("issues")).toArray()) {
        QJsonObject issue = value.toObject();
        issue.remove(QStringLiteral("message"));
        issues.append(issue);
    }
    object.insert(QStringLiteral("issues"), issues);
    return object;
}

QByteArray ibmBody(const char* timestamp)
{
    return QByteArray(R"json({"Meta Data": {"2. Symbol": "IBM", "4. Interval": "5min", "6. Time Zone": "US/Eastern"},
        "Time Series (5min)": {")json") + timestamp
           + R"json(": {"1. open": "10", "2. high": "11", "3. low": "9", "4. close": "10.5", "5. volume": "7"}}})json";
}

} // namespace

void TestAlphaVantageParser::goldenCase_data()
{
    test::addGoldenCaseRows(QStringLiteral("alphavantage/golden"), 30);
}

void TestAlphaVantageParser::goldenCase()
{
    QFETCH(QString, folder);
    QVERIFY(QFile::exists(folder + u"/input.json"));
    const QByteArray input = test::readFile(folder + u"/input.json");
    QJsonParseError jsonError{};
    const QJsonObject expected = QJsonDocument::fromJson(test::readFile(folder + u"/expected.json"), &jsonError).object();
    QCOMPARE(jsonError.error, QJsonParseError::NoError);

    AlphaVantageParseContext context;
    context.now = goldenNow();
    const auto parsed = parseAlphaVantage(input, context);
    if (expected.contains(QStringLiteral("error_kind"))) {
        QVERIFY2(!parsed.ok(), "expected an error, the parser accepted the body");
        QCOMPARE(parsed.error().kind, expected.value(QStringLiteral("error_kind")).toString());
        QVERIFY(!parsed.error().message.isEmpty());
        return;
    }
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().kind + u": " + parsed.error().message));
    const QJsonObject actual = withoutIssueMessages(toNormalisedJson(parsed.value()));
    if (actual != expected) {
        qWarning().noquote() << "actual:" << QJsonDocument(actual).toJson();
        qWarning().noquote() << "expected:" << QJsonDocument(expected).toJson();
    }
    QCOMPARE(actual, expected);
}

void TestAlphaVantageParser::echoedApiKeyNeverReachesTheMessage()
{
    const QByteArray body = R"({"Information": "We have detected your API key as SECRETKEY42 and our standard API rate limit is 25 requests per day."})";
    const auto parsed = parseAlphaVantage(body, {});
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, QString::fromUtf16(providerError::QuotaExhausted));
    QVERIFY(!parsed.error().message.contains(u"SECRETKEY42"));
    QVERIFY(parsed.error().message.contains(u"API key as ***"));
}

void TestAlphaVantageParser::sessionPredicateDecidesExtendedHours()
{
    // 10:00 EDT is regular NYSE time by default; a predicate that says "closed" marks it.
    AlphaVantageParseContext context;
    const auto byDefault = parseAlphaVantage(ibmBody("2024-05-10 10:00:00"), context);
    QVERIFY(byDefault.ok());
    const auto& defaultBars = std::get<AlphaVantageBars>(byDefault.value().payload).bars;
    QCOMPARE(defaultBars.size(), 1);
    QVERIFY(!defaultBars.first().extendedHours);

    QDateTime asked;
    context.isRegularSession = [&asked](const QDateTime& open) {
        asked = open;
        return false;
    };
    const auto withPredicate = parseAlphaVantage(ibmBody("2024-05-10 10:00:00"), context);
    QVERIFY(withPredicate.ok());
    QVERIFY(std::get<AlphaVantageBars>(withPredicate.value().payload).bars.first().extendedHours);
    QCOMPARE(asked, QDateTime(QDate(2024, 5, 10), QTime(14, 0), Qt::UTC));
}

void TestAlphaVantageParser::functionHintNamesTheSeries()
{
    AlphaVantageParseContext context;
    context.function = QStringLiteral("time_series_intraday");
    const auto parsed = parseAlphaVantage(ibmBody("2024-05-10 10:00"), context);
    QVERIFY(parsed.ok());
    QCOMPARE(std::get<AlphaVantageBars>(parsed.value().payload).function, QStringLiteral("TIME_SERIES_INTRADAY"));
}

void TestAlphaVantageParser::withoutNowNoBarIsInTheFuture()
{
    const auto parsed = parseAlphaVantage(ibmBody("2099-01-05 10:00:00"), {});
    QVERIFY(parsed.ok());
    QCOMPARE(std::get<AlphaVantageBars>(parsed.value().payload).bars.size(), 1);
    AlphaVantageParseContext context;
    context.now = goldenNow();
    const auto rejected = parseAlphaVantage(ibmBody("2099-01-05 10:00:00"), context);
    QVERIFY(!rejected.ok());
    QCOMPARE(rejected.error().kind, QString::fromUtf16(providerError::NoUsableRows));
}

QTEST_GUILESS_MAIN(TestAlphaVantageParser)
#include "tst_alphavantageparser.moc"

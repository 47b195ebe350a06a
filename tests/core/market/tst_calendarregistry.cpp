// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/CalendarRegistry.h"
#include "market/TimeText.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

class TestCalendarRegistry final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInCalendarsAreEmbeddedAndVersioned();
    void overrideAddsAMarketAndKeepsTheOthers();
    void overrideReplacesAMarketByName();
    void invalidOverrideIsATypedErrorNamingTheFile();
    void missingOverrideFileIsATypedError();
    void unknownMarketErrorListsTheKnownOnes();

private:
    QString writeFile(const QByteArray& content);
    QTemporaryDir m_dir;
};

QString TestCalendarRegistry::writeFile(const QByteArray& content)
{
    static int counter = 0;
    const QString path = m_dir.filePath(QStringLiteral("override%1.json").arg(++counter));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCalendarRegistry::builtInCalendarsAreEmbeddedAndVersioned()
{
    const Result<CalendarRegistry> registry = CalendarRegistry::builtIn();
    QVERIFY2(registry, registry ? "" : qPrintable(registry.error().toString()));
    QCOMPARE(registry->marketNames(), (QStringList{QStringLiteral("CRYPTO"), QStringLiteral("FX"), QStringLiteral("XNAS"),
                                                   QStringLiteral("XNYS")}));
    QVERIFY(!registry->version().isEmpty());
    QCOMPARE(registry->find(u"XNYS")->spec().verifiedTo, 2027);
}

void TestCalendarRegistry::overrideAddsAMarketAndKeepsTheOthers()
{
    const QString path = writeFile(R"({"schema": 1, "version": "desk-1", "markets": [
        {"name": "XNYS_DESK", "inherits": "XNYS", "adhoc_closures": [{"date": "2027-03-01", "name": "Desk outage"}]}]})");
    const Result<CalendarRegistry> registry = CalendarRegistry::load(path);
    QVERIFY2(registry, registry ? "" : qPrintable(registry.error().toString()));
    QVERIFY(registry->find(u"XNYS"));
    const auto desk = registry->find(u"XNYS_DESK");
    QVERIFY(desk);
    QVERIFY(!desk->sessionOn(QDate(2027, 3, 1)));
    QVERIFY(registry->find(u"XNYS")->sessionOn(QDate(2027, 3, 1)));
    QVERIFY(registry->version().endsWith(u"+desk-1"));
}

void TestCalendarRegistry::overrideReplacesAMarketByName()
{
    const QString path = writeFile(R"({"schema": 1, "version": "x", "markets": [
        {"name": "CRYPTO", "time_zone": "UTC", "sessions": [{"days": ["mon","tue","wed","thu","fri"], "open": "00:00", "close": "24:00"}]}]})");
    const Result<CalendarRegistry> registry = CalendarRegistry::load(path);
    QVERIFY2(registry, registry ? "" : qPrintable(registry.error().toString()));
    const auto crypto = registry->find(u"CRYPTO");
    QCOMPARE(crypto->phaseAt(*parseUtcInstant(u"2024-03-09T12:00:00Z")), MarketPhase::Weekend);
    // The built-in registry is unchanged.
    QCOMPARE(CalendarRegistry::builtIn()->find(u"CRYPTO")->phaseAt(*parseUtcInstant(u"2024-03-09T12:00:00Z")), MarketPhase::Open);
}

void TestCalendarRegistry::invalidOverrideIsATypedErrorNamingTheFile()
{
    const QString path = writeFile(R"({"schema": 1, "version": "x", "markets": [{"name": "XNYS", "inherits": "XNYS", "holidays": [{"name": "A", "type": "fixed", "month": 2, "day": 31}]}]})");
    const Result<CalendarRegistry> registry = CalendarRegistry::load(path);
    QVERIFY(!registry);
    QCOMPARE(registry.error().kind, QStringLiteral("invalid_calendar"));
    QVERIFY2(registry.error().message.startsWith(path + u": markets[0].holidays[0].day"), qPrintable(registry.error().message));
}

void TestCalendarRegistry::missingOverrideFileIsATypedError()
{
    const Result<CalendarRegistry> registry = CalendarRegistry::load(m_dir.filePath(QStringLiteral("nope.json")));
    QVERIFY(!registry);
    QVERIFY(registry.error().message.contains(u"nope.json"));
}

void TestCalendarRegistry::unknownMarketErrorListsTheKnownOnes()
{
    const auto found = CalendarRegistry::builtIn()->require(u"XLON");
    QVERIFY(!found);
    QCOMPARE(found.error().kind, QStringLiteral("unknown_market"));
    QVERIFY(found.error().message.contains(u"XLON"));
    QVERIFY(found.error().remedy.contains(u"XNYS"));
}

QTEST_GUILESS_MAIN(TestCalendarRegistry)
#include "tst_calendarregistry.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/CalendarParser.h"

#include "common/Excerpt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <utility>
#include <vector>

namespace sentinel {

int parseClockTime(QStringView text)
{
    if (text.size() != 5 || text[2] != u':')
        return -1;
    bool hoursOk = false;
    bool minutesOk = false;
    const int hours = text.left(2).toInt(&hoursOk);
    const int minutes = text.mid(3).toInt(&minutesOk);
    if (!hoursOk || !minutesOk || hours < 0 || minutes < 0 || minutes > 59 || hours > 24
        || (hours == 24 && minutes != 0))
        return -1;
    return hours * 60 + minutes;
}

namespace {

constexpr std::array<QStringView, 7> weekdayNames{u"mon", u"tue", u"wed", u"thu", u"fri", u"sat", u"sun"};

/// Thrown inside the parser only, turned into an Error at its boundary, so the many checks
/// read as straight-line code.
struct ParseFailure {
    QString location;
    QString message;
};

class Reader
{
public:
    explicit Reader(QString source) : m_source(std::move(source)) {}

    [[noreturn]] static void fail(const QString& location, const QString& message)
    {
        throw ParseFailure{location, message};
    }

    static QJsonValue require(const QJsonObject& object, const QString& path, QStringView key)
    {
        QJsonValue value = object.value(key);
        if (value.isUndefined())
            fail(path + u'.' + key, QStringLiteral("is missing"));
        return value;
    }

    static QString string(const QJsonValue& value, const QString& location)
    {
        if (!value.isString() || value.toString().isEmpty())
            fail(location, QStringLiteral("expected a non-empty string"));
        return value.toString();
    }

    /// One of a fixed set of names, mapped to its value.
    template <typename T>
    static T choice(const QJsonValue& value, const QString& location,
                    std::initializer_list<std::pair<QStringView, T>> names)
    {
        const QString text = string(value, location);
        QStringList known;
        for (const auto& [name, result] : names) {
            if (name == text)
                return result;
            known << name.toString();
        }
        fail(location, QStringLiteral("expected %1, got \"%2\"").arg(known.join(u" or "), text));
    }

    static int integer(const QJsonValue& value, const QString& location, int min, int max)
    {
        // The range first: converting a double outside qint64's range (1e300, NaN) to an integer
        // is undefined behaviour, so only a number already known to fit is converted (issue 18).
        const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!value.isDouble() || !(number >= min && number <= max))
            fail(location, QStringLiteral("expected an integer from %1 to %2, got %3")
                               .arg(min)
                               .arg(max)
                               .arg(value.isDouble() ? QString::number(number, 'g', 17) : QStringLiteral("a non-number")));
        if (number != std::trunc(number))
            fail(location, QStringLiteral("expected an integer from %1 to %2, got the fraction %3")
                               .arg(min)
                               .arg(max)
                               .arg(QString::number(number, 'g', 17)));
        return int(number);
    }

    static int clock(const QJsonValue& value, const QString& location)
    {
        const int minutes = value.isString() ? parseClockTime(value.toString()) : -1;
        if (minutes < 0)
            fail(location, QStringLiteral("expected a time \"HH:mm\" from 00:00 to 24:00"));
        return minutes;
    }

    static int weekday(const QJsonValue& value, const QString& location)
    {
        const QString name = value.toString().toLower();
        for (int i = 0; i < int(weekdayNames.size()); ++i) {
            if (weekdayNames[std::size_t(i)] == name)
                return i + 1;
        }
        fail(location, QStringLiteral("expected a weekday: mon, tue, wed, thu, fri, sat or sun"));
    }

    static unsigned weekdayMask(const QJsonValue& value, const QString& location)
    {
        if (!value.isArray() || value.toArray().isEmpty())
            fail(location, QStringLiteral("expected a non-empty list of weekdays such as [\"mon\", \"fri\"]"));
        unsigned mask = 0;
        const QJsonArray days = value.toArray();
        for (qsizetype i = 0; i < days.size(); ++i)
            mask |= 1u << (weekday(days.at(i), location + u'[' + QString::number(i) + u']') - 1);
        return mask;
    }

    static QDate date(const QJsonValue& value, const QString& location)
    {
        const QDate parsed = QDate::fromString(value.toString(), Qt::ISODate);
        if (!value.isString() || !parsed.isValid() || value.toString().size() != 10)
            fail(location, QStringLiteral("expected a date YYYY-MM-DD"));
        return parsed;
    }

    static void checkKeys(const QJsonObject& object, const QString& path, std::initializer_list<QStringView> known)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            bool found = false;
            for (QStringView key : known)
                found = found || key == it.key();
            if (!found)
                fail(path + u'.' + it.key(), QStringLiteral("unknown key (a typo?)"));
        }
    }

    static DateRule rule(const QJsonValue& value, const QString& path, bool earlyClose)
    {
        if (!value.isObject())
            fail(path, QStringLiteral("expected an object"));
        const QJsonObject object = value.toObject();
        checkKeys(object, path, {u"name", u"type", u"month", u"day", u"weekday", u"n", u"offset_days",
                                 u"observance", u"weekdays", u"from", u"to", u"close", u"comment"});
        DateRule rule;
        rule.name = string(require(object, path, u"name"), path + u".name");
        const QString type = string(require(object, path, u"type"), path + u".type");
        if (type == u"fixed") {
            rule.type = DateRuleType::Fixed;
            rule.month = integer(require(object, path, u"month"), path + u".month", 1, 12);
            rule.day = integer(require(object, path, u"day"), path + u".day", 1, 31);
            if (!QDate(2000, rule.month, rule.day).isValid())
                fail(path + u".day", QStringLiteral("%1-%2 is not a date").arg(rule.month).arg(rule.day));
        } else if (type == u"nth_weekday") {
            rule.type = DateRuleType::NthWeekday;
            rule.month = integer(require(object, path, u"month"), path + u".month", 1, 12);
            rule.weekday = weekday(require(object, path, u"weekday"), path + u".weekday");
            rule.n = integer(require(object, path, u"n"), path + u".n", -1, 5);
            if (rule.n == 0)
                fail(path + u".n", QStringLiteral("expected 1 to 5, or -1 for the last"));
        } else if (type == u"easter") {
            rule.type = DateRuleType::Easter;
        } else {
            fail(path + u".type", QStringLiteral("expected fixed, nth_weekday or easter, got \"%1\"").arg(excerpt(type)));
        }
        if (object.contains(u"offset_days"))
            rule.offsetDays = integer(object.value(u"offset_days"), path + u".offset_days", -366, 366);
        if (object.contains(u"observance")) {
            rule.observance = choice<Observance>(object.value(u"observance"), path + u".observance",
                                                 {{u"none", Observance::None},
                                                  {u"sunday_to_monday", Observance::SundayToMonday},
                                                  {u"nyse", Observance::Nyse}});
        }
        if (object.contains(u"weekdays"))
            rule.weekdayMask = weekdayMask(object.value(u"weekdays"), path + u".weekdays");
        if (object.contains(u"from"))
            rule.fromYear = integer(object.value(u"from"), path + u".from", 1800, 2400);
        if (object.contains(u"to"))
            rule.toYear = integer(object.value(u"to"), path + u".to", 1800, 2400);
        if (rule.fromYear > rule.toYear)
            fail(path + u".to", QStringLiteral("is before \"from\""));
        if (earlyClose)
            rule.closeMinutes = clock(require(object, path, u"close"), path + u".close");
        else if (object.contains(u"close"))
            fail(path + u".close", QStringLiteral("a holiday closes the whole day; move early closes to early_closes"));
        return rule;
    }

    static QList<DateRule> rules(const QJsonValue& value, const QString& path, bool earlyClose)
    {
        if (!value.isArray())
            fail(path, QStringLiteral("expected a list"));
        QList<DateRule> result;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            result << rule(array.at(i), path + u'[' + QString::number(i) + u']', earlyClose);
        return result;
    }

    static QList<AdhocDate> adhoc(const QJsonValue& value, const QString& path, bool earlyClose)
    {
        if (!value.isArray())
            fail(path, QStringLiteral("expected a list"));
        QList<AdhocDate> result;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPath = path + u'[' + QString::number(i) + u']';
            if (!array.at(i).isObject())
                fail(itemPath, QStringLiteral("expected an object {\"date\": …, \"name\": …}"));
            const QJsonObject object = array.at(i).toObject();
            checkKeys(object, itemPath, {u"date", u"name", u"close", u"comment"});
            AdhocDate entry;
            entry.date = date(require(object, itemPath, u"date"), itemPath + u".date");
            entry.name = string(require(object, itemPath, u"name"), itemPath + u".name");
            if (earlyClose)
                entry.closeMinutes = clock(require(object, itemPath, u"close"), itemPath + u".close");
            else if (object.contains(u"close"))
                fail(itemPath + u".close", QStringLiteral("a closure closes the whole day; move it to adhoc_early_closes"));
            result << entry;
        }
        return result;
    }

    static QList<WeeklySession> sessions(const QJsonValue& value, const QString& path)
    {
        if (!value.isArray() || value.toArray().isEmpty())
            fail(path, QStringLiteral("expected a non-empty list of weekly sessions"));
        QList<WeeklySession> result;
        unsigned seen = 0;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPath = path + u'[' + QString::number(i) + u']';
            if (!array.at(i).isObject())
                fail(itemPath, QStringLiteral("expected an object {\"days\", \"open\", \"close\"}"));
            const QJsonObject object = array.at(i).toObject();
            checkKeys(object, itemPath, {u"days", u"open", u"close", u"open_day_offset", u"comment"});
            WeeklySession session;
            session.dayMask = weekdayMask(require(object, itemPath, u"days"), itemPath + u".days");
            session.openMinutes = clock(require(object, itemPath, u"open"), itemPath + u".open");
            session.closeMinutes = clock(require(object, itemPath, u"close"), itemPath + u".close");
            if (object.contains(u"open_day_offset"))
                session.openDayOffset = integer(object.value(u"open_day_offset"), itemPath + u".open_day_offset", -1, 0);
            if (session.openDayOffset * 1440 + session.openMinutes >= session.closeMinutes)
                fail(itemPath + u".close", QStringLiteral("the session closes before it opens"));
            if (session.openDayOffset * 1440 + session.openMinutes + 1440 < session.closeMinutes)
                fail(itemPath + u".open", QStringLiteral("a session may last at most 24 hours"));
            if (seen & session.dayMask)
                fail(itemPath + u".days", QStringLiteral("a weekday has two sessions; give each day one session"));
            seen |= session.dayMask;
            result << session;
        }
        checkNoOverlap(result, path);
        return result;
    }

    /// Sessions of different weekdays may still overlap: a Monday session that opens on Sunday
    /// evening and a Sunday session that runs past that. The market would be open twice at once
    /// and its open time, which the freshness lag is measured in, would count twice.
    static void checkNoOverlap(const QList<WeeklySession>& sessions, const QString& path)
    {
        constexpr int week = 7 * 1440;
        struct Span {
            int start; ///< minutes after Monday 00:00, local
            int end;
            qsizetype index;
        };
        std::vector<Span> spans;
        for (qsizetype i = 0; i < sessions.size(); ++i) {
            const WeeklySession& session = sessions.at(i);
            for (int day = 0; day < 7; ++day) {
                if (!(session.dayMask & (1u << day)))
                    continue;
                // Only Monday's session can open before the week starts; it wraps to Sunday.
                const int shift = session.openDayOffset < 0 && day == 0 ? week : 0;
                const int start = day * 1440 + session.openDayOffset * 1440 + session.openMinutes + shift;
                const int end = day * 1440 + session.closeMinutes + shift;
                spans.push_back({start, std::min(end, week), i});
                if (end > week)
                    spans.push_back({0, end - week, i});
            }
        }
        std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
        int openUntil = 0;
        for (const Span& span : spans) {
            if (span.start < openUntil)
                fail(path + u'[' + QString::number(span.index) + u']',
                     QStringLiteral("overlaps another weekday's session; the market can be open only once at a time"));
            openUntil = std::max(openUntil, span.end);
        }
    }

    /// The market named by "inherits" (defined earlier in the file), or an empty spec, which
    /// then needs its own time zone and sessions.
    static CalendarSpec inheritedSpec(const QJsonObject& object, const QString& path, const QList<CalendarSpec>& bases)
    {
        if (!object.contains(u"inherits")) {
            for (QStringView key : {u"time_zone", u"sessions"})
                require(object, path, key);
            return {};
        }
        const QString base = string(object.value(u"inherits"), path + u".inherits");
        CalendarSpec spec;
        bool found = false;
        for (const CalendarSpec& candidate : bases) {
            if (candidate.name == base) {
                spec = candidate;
                found = true;
            }
        }
        if (!found)
            fail(path + u".inherits", QStringLiteral("no market named \"%1\" is defined before it").arg(excerpt(base)));
        return spec;
    }

    /// time_zone, zone_label, bar_alignment and day_roll over what `spec` inherited.
    static void readClock(CalendarSpec& spec, const QJsonObject& object, const QString& path)
    {
        if (object.contains(u"time_zone")) {
            spec.timeZoneId = string(object.value(u"time_zone"), path + u".time_zone");
            if (!QTimeZone(spec.timeZoneId.toUtf8()).isValid())
                fail(path + u".time_zone",
                     QStringLiteral("unknown time zone \"%1\" (use an IANA name such as America/New_York)").arg(excerpt(spec.timeZoneId)));
        }
        if (object.contains(u"zone_label"))
            spec.zoneLabel = string(object.value(u"zone_label"), path + u".zone_label");
        if (spec.zoneLabel.isEmpty())
            spec.zoneLabel = spec.timeZoneId;
        if (object.contains(u"bar_alignment"))
            spec.barAlignment = choice<BarAlignment>(object.value(u"bar_alignment"), path + u".bar_alignment",
                                                     {{u"session_open", BarAlignment::SessionOpen},
                                                      {u"utc", BarAlignment::Utc}});
        if (object.contains(u"day_roll"))
            spec.dayRollMinutes = clock(object.value(u"day_roll"), path + u".day_roll") % 1440;
    }

    /// Sessions, holidays, early closes, ad-hoc dates and the verified years over what `spec`
    /// inherited.
    static void readSchedule(CalendarSpec& spec, const QJsonObject& object, const QString& path)
    {
        if (object.contains(u"sessions"))
            spec.sessions = sessions(object.value(u"sessions"), path + u".sessions");
        if (object.contains(u"holidays"))
            spec.holidays = rules(object.value(u"holidays"), path + u".holidays", false);
        if (object.contains(u"early_closes"))
            spec.earlyCloses = rules(object.value(u"early_closes"), path + u".early_closes", true);
        if (object.contains(u"adhoc_closures"))
            spec.adhocClosures = adhoc(object.value(u"adhoc_closures"), path + u".adhoc_closures", false);
        if (object.contains(u"adhoc_early_closes"))
            spec.adhocEarlyCloses = adhoc(object.value(u"adhoc_early_closes"), path + u".adhoc_early_closes", true);
        if (object.contains(u"verified")) {
            const QJsonArray years = object.value(u"verified").toArray();
            if (years.size() != 2)
                fail(path + u".verified", QStringLiteral("expected [first year, last year]"));
            spec.verifiedFrom = integer(years.at(0), path + u".verified[0]", 1800, 2400);
            spec.verifiedTo = integer(years.at(1), path + u".verified[1]", spec.verifiedFrom, 2400);
        }
    }

    /// An early close must end the day before its regular close: a later one would stretch the
    /// session into the next one and break every lookup after it (found by fuzz_calendar_parser:
    /// an ad-hoc early close at 24:00 on a market that closes at 17:00). A rule's close is held to
    /// the earliest regular close, since it can fall on any weekday; an ad-hoc date's to its own day's.
    static void checkEarlyCloses(const CalendarSpec& spec, const QString& path)
    {
        if (spec.sessions.isEmpty())
            return;
        const auto hhmm = [](int minutes) {
            return QStringLiteral("%1:%2").arg(minutes / 60, 2, 10, QChar(u'0')).arg(minutes % 60, 2, 10, QChar(u'0'));
        };
        const auto earliest = std::min_element(spec.sessions.cbegin(), spec.sessions.cend(),
                                               [](const WeeklySession& a, const WeeklySession& b) { return a.closeMinutes < b.closeMinutes; });
        for (qsizetype i = 0; i < spec.earlyCloses.size(); ++i) {
            if (spec.earlyCloses.at(i).closeMinutes >= earliest->closeMinutes)
                fail(path + QStringLiteral(".early_closes[%1].close").arg(i),
                     QStringLiteral("an early close at %1 is not before the regular close at %2")
                         .arg(hhmm(spec.earlyCloses.at(i).closeMinutes), hhmm(earliest->closeMinutes)));
        }
        for (qsizetype i = 0; i < spec.adhocEarlyCloses.size(); ++i) {
            const AdhocDate& adhoc = spec.adhocEarlyCloses.at(i);
            const unsigned weekdayBit = 1u << (adhoc.date.dayOfWeek() - 1);
            for (const WeeklySession& session : spec.sessions) {
                if ((session.dayMask & weekdayBit) && adhoc.closeMinutes >= session.closeMinutes)
                    fail(path + QStringLiteral(".adhoc_early_closes[%1].close").arg(i),
                         QStringLiteral("an early close at %1 on %2 is not before that day's regular close at %3")
                             .arg(hhmm(adhoc.closeMinutes), adhoc.date.toString(Qt::ISODate), hhmm(session.closeMinutes)));
            }
        }
    }

    CalendarSpec market(const QJsonValue& value, const QString& path, const QList<CalendarSpec>& bases) const
    {
        if (!value.isObject())
            fail(path, QStringLiteral("expected an object"));
        const QJsonObject object = value.toObject();
        checkKeys(object, path, {u"name", u"title", u"inherits", u"time_zone", u"zone_label", u"bar_alignment",
                                 u"day_roll", u"sessions", u"holidays", u"early_closes", u"adhoc_closures",
                                 u"adhoc_early_closes", u"verified", u"comment"});
        const QString name = string(require(object, path, u"name"), path + u".name");
        CalendarSpec spec = inheritedSpec(object, path, bases);
        spec.name = name;
        spec.source = m_source;
        spec.title = object.contains(u"title") ? string(object.value(u"title"), path + u".title") : spec.title;
        readClock(spec, object, path);
        readSchedule(spec, object, path);
        checkEarlyCloses(spec, path);
        return spec;
    }

    CalendarFile file(const QByteArray& json, const QList<CalendarSpec>& bases) const
    {
        if (const qsizetype nul = json.indexOf('\0'); nul >= 0)
            fail(QStringLiteral("byte %1").arg(nul), QStringLiteral("the file contains NUL bytes: it is binary, not JSON text"));
        QJsonParseError parseError{};
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            const QByteArray before = json.left(parseError.offset);
            const qsizetype line = before.count('\n') + 1;
            const qsizetype column = parseError.offset - before.lastIndexOf('\n');
            fail(QStringLiteral("line %1, column %2").arg(line).arg(column),
                 QStringLiteral("not valid JSON: %1").arg(parseError.errorString()));
        }
        if (!document.isObject())
            fail(QStringLiteral("top level"), QStringLiteral("expected a JSON object"));
        const QJsonObject root = document.object();
        const QString top = QStringLiteral("top level");
        checkKeys(root, QString(), {u"schema", u"version", u"markets", u"comment"});
        CalendarFile result;
        result.source = m_source;
        result.schema = integer(require(root, top, u"schema"), QStringLiteral("schema"), 1, 1000);
        if (result.schema != calendarSchemaVersion)
            fail(QStringLiteral("schema"), QStringLiteral("this build reads schema %1, the file has %2")
                                               .arg(calendarSchemaVersion).arg(result.schema));
        result.version = string(require(root, top, u"version"), QStringLiteral("version"));
        const QJsonValue markets = require(root, top, u"markets");
        if (!markets.isArray())
            fail(QStringLiteral("markets"), QStringLiteral("expected a list of markets"));
        QList<CalendarSpec> known = bases;
        const QJsonArray array = markets.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = QStringLiteral("markets[%1]").arg(i);
            CalendarSpec spec = market(array.at(i), path, known);
            for (const CalendarSpec& earlier : std::as_const(result.markets)) {
                if (earlier.name == spec.name)
                    fail(path + u".name", QStringLiteral("market \"%1\" is defined twice").arg(excerpt(spec.name)));
            }
            known << spec;
            result.markets << spec;
        }
        return result;
    }

private:
    QString m_source;
};

} // namespace

Result<CalendarFile> parseCalendarFile(const QByteArray& json, const QString& source, const QList<CalendarSpec>& bases)
{
    try {
        return Reader(source).file(json, bases);
    } catch (const ParseFailure& failure) {
        QString location = source;
        if (!failure.location.isEmpty())
            location += u": " + (failure.location.startsWith(u'.') ? failure.location.mid(1) : failure.location);
        return Error{QStringLiteral("invalid_calendar"), location + u": " + failure.message,
                     QStringLiteral("fix the calendar file (format: docs/adr/0010-market-calendars-as-data.md)")};
    }
}

} // namespace sentinel

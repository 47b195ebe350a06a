// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeAlphaVantage.h"

#include "common/Interval.h"

#include <QLocale>
#include <QTimeZone>
#include <QUrlQuery>

#include <cmath>

namespace sentinel::test {

namespace {

constexpr int compactRows = 100; // outputsize=compact

/// A smooth, deterministic price path: the same instant always has the same price, so two
/// requests (or two engines) see identical bars.
double priceAt(qint64 ms, double base)
{
    const double hours = double(ms) / 3'600'000.0;
    return base * (1.0 + 0.02 * std::sin(hours / 6.0) + 0.004 * std::sin(hours * 1.7));
}

double basePrice(const Instrument& instrument)
{
    switch (instrument.assetClass()) {
    case AssetClass::Fx: return 1.08;
    case AssetClass::Crypto: return 64000.0;
    case AssetClass::Equity: return 190.0;
    }
    return 100.0;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'f', 4);
}

QString param(const QUrlQuery& query, const char* name)
{
    return query.queryItemValue(QString::fromLatin1(name)).toUpper();
}

} // namespace

FakeAlphaVantage::FakeAlphaVantage(const Clock& clock)
    : m_clock(clock), m_pricePath([](const Instrument& instrument, qint64 ms) { return priceAt(ms, basePrice(instrument)); })
{
    if (auto calendars = CalendarRegistry::builtIn())
        m_calendars = calendars.value();
    m_server.route("/query", [this](const RecordedRequest& request) { return answer(request); });
}

bool FakeAlphaVantage::start()
{
    return m_server.start() && !m_calendars.marketNames().isEmpty();
}

void FakeAlphaVantage::setRecording(bool on)
{
    m_recording = on;
    m_server.setRecording(on);
}

std::optional<qint64> FakeAlphaVantage::requestDateMs(const RecordedRequest& request)
{
    // "Sun, 06 Nov 1994 08:49:37 GMT": English names whatever the locale, always GMT.
    const QString text = QString::fromLatin1(request.headers.value("date"));
    if (!text.endsWith(u" GMT"))
        return std::nullopt;
    QDateTime instant = QLocale::c().toDateTime(text.chopped(4), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!instant.isValid())
        return std::nullopt;
    instant.setTimeSpec(Qt::UTC);
    return instant.toMSecsSinceEpoch();
}

QList<qint64> FakeAlphaVantage::requestTimes(const Instrument& instrument) const
{
    return m_requestTimes.value(instrument.key());
}

bool FakeAlphaVantage::isOpen(const Instrument& instrument, qint64 ms) const
{
    const auto calendar = m_calendars.find(instrument.market);
    return calendar && calendar->isOpen(ms);
}

int FakeAlphaVantage::barsClosedBetween(const Instrument& instrument, qint64 fromMs, qint64 toMs) const
{
    const qint64 length = std::chrono::milliseconds(intervalLength(instrument.interval)).count();
    int count = 0;
    for (qint64 open = (fromMs / length) * length; open + length <= toMs; open += length) {
        if (open + length > fromMs && isOpen(instrument, open))
            ++count;
    }
    return count;
}

CannedResponse FakeAlphaVantage::answer(const RecordedRequest& request)
{
    const QUrlQuery query(request.url);
    const QString function = param(query, "function");
    Instrument instrument;
    instrument.interval = parseInterval(query.queryItemValue(QStringLiteral("interval"))).value_or(Interval::Daily);
    if (function == u"FX_INTRADAY") {
        instrument.market = QStringLiteral("FX");
        instrument.symbol = param(query, "from_symbol") + u'/' + param(query, "to_symbol");
    } else if (function == u"CRYPTO_INTRADAY") {
        instrument.market = QStringLiteral("CRYPTO");
        instrument.symbol = param(query, "symbol") + u'/' + param(query, "market");
    } else if (function == u"TIME_SERIES_INTRADAY") {
        instrument.market = QStringLiteral("XNYS");
        instrument.symbol = param(query, "symbol");
    }
    const qint64 now = m_nowFromDate ? requestDateMs(request).value_or(m_clock.nowMs()) : m_clock.nowMs();
    if (m_faults) {
        if (auto fault = m_faults(request, now))
            return *fault;
    }
    if (instrument.market.isEmpty() || instrument.interval == Interval::Daily || query.queryItemValue(QStringLiteral("apikey")).isEmpty()) {
        m_unanswerable.append(request.url.toString());
        return CannedResponse::json(R"({"Error Message": "Invalid API call."})");
    }
    if (m_recording)
        m_requestTimes[instrument.key()].append(now);
    return CannedResponse::json(seriesBody(instrument, function, now));
}

QByteArray FakeAlphaVantage::seriesBody(const Instrument& instrument, const QString& function, qint64 now) const
{
    const qint64 length = std::chrono::milliseconds(intervalLength(instrument.interval)).count();
    const bool equity = instrument.assetClass() == AssetClass::Equity;
    const QTimeZone zone = equity ? QTimeZone(QByteArrayLiteral("America/New_York")) : QTimeZone(QByteArrayLiteral("UTC"));
    const QString interval = intervalName(instrument.interval);

    // Newest first, as the service writes them; the forming bar (open <= now < close) included.
    QByteArray rows;
    QString lastRefreshed;
    int emitted = 0;
    for (qint64 open = (now / length) * length, steps = 0; emitted < compactRows && steps < 50'000; open -= length, ++steps) {
        if (!isOpen(instrument, open))
            continue;
        const QString label = QDateTime::fromMSecsSinceEpoch(open, Qt::UTC).toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (lastRefreshed.isEmpty())
            lastRefreshed = label;
        const double first = m_pricePath(instrument, open);
        const double last = m_pricePath(instrument, open + length);
        const double spread = std::max(first, last) * 0.0004;
        rows += (emitted ? ",\n" : "") + QByteArray("    \"") + label.toLatin1() + "\": {\"1. open\": \"" + number(first)
                + "\", \"2. high\": \"" + number(std::max(first, last) + spread) + "\", \"3. low\": \""
                + number(std::min(first, last) - spread) + "\", \"4. close\": \"" + number(last) + '"';
        if (instrument.assetClass() != AssetClass::Fx)
            rows += ", \"5. volume\": \"" + QByteArray::number(1000 + (open / length) % 500) + '"';
        rows += '}';
        ++emitted;
    }

    const QByteArray symbol = instrument.symbol.toLatin1();
    const QByteArray base3 = symbol.left(symbol.indexOf('/'));
    const QByteArray quote3 = symbol.mid(symbol.indexOf('/') + 1);
    QByteArray meta;
    QByteArray seriesKey;
    if (function == u"FX_INTRADAY") {
        meta = "\"1. Information\": \"FX Intraday (" + interval.toLatin1() + ") Time Series\", \"2. From Symbol\": \"" + base3
               + "\", \"3. To Symbol\": \"" + quote3 + "\", \"4. Last Refreshed\": \"" + lastRefreshed.toLatin1()
               + "\", \"5. Interval\": \"" + interval.toLatin1() + "\", \"6. Output Size\": \"Compact\", \"7. Time Zone\": \"UTC\"";
        seriesKey = "Time Series FX (" + interval.toLatin1() + ')';
    } else if (function == u"CRYPTO_INTRADAY") {
        meta = "\"1. Information\": \"Crypto Intraday (" + interval.toLatin1() + ") Time Series\", \"2. Digital Currency Code\": \""
               + base3 + "\", \"3. Digital Currency Name\": \"" + base3 + "\", \"4. Market Code\": \"" + quote3
               + "\", \"5. Market Name\": \"" + quote3 + "\", \"6. Last Refreshed\": \"" + lastRefreshed.toLatin1()
               + "\", \"7. Interval\": \"" + interval.toLatin1() + "\", \"8. Output Size\": \"Compact\", \"9. Time Zone\": \"UTC\"";
        seriesKey = "Time Series Crypto (" + interval.toLatin1() + ')';
    } else {
        meta = "\"1. Information\": \"Intraday (" + interval.toLatin1() + ") open, high, low, close prices and volume\", \"2. Symbol\": \""
               + symbol + "\", \"3. Last Refreshed\": \"" + lastRefreshed.toLatin1() + "\", \"4. Interval\": \"" + interval.toLatin1()
               + "\", \"5. Output Size\": \"Compact\", \"6. Time Zone\": \"US/Eastern\"";
        seriesKey = "Time Series (" + interval.toLatin1() + ')';
    }
    return "{\n  \"Meta Data\": {" + meta + "},\n  \"" + seriesKey + "\": {\n" + rows + "\n  }\n}\n";
}

} // namespace sentinel::test

// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/AlphaVantageParser.h"

#include "providers/AlphaVantageErrors.h"
#include "providers/AlphaVantageFields.h"
#include "providers/AlphaVantagePayloads.h"
#include "providers/ProviderError.h"

#include <QJsonDocument>
#include <QJsonParseError>

// The parser is split by job: AlphaVantageErrors.cpp (error bodies), AlphaVantageFields.cpp
// (names, numbers, times), AlphaVantageTimeSeries.cpp (bars), AlphaVantageEndpoints.cpp (the
// other answers), AlphaVantageEconomic.cpp (economic indicators) and AlphaVantageJson.cpp (the
// normalised output). This file recognises the answer and hands it to its reader.

namespace sentinel {

namespace pe = providerError;
namespace av = alphaVantage;

Result<AlphaVantageResponse> parseAlphaVantage(const QByteArray& body, const AlphaVantageParseContext& context)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return av::classifyNonJson(body, parseError);
    if (!document.isObject())
        return pe::make(pe::UnexpectedShape, QStringLiteral("the JSON body is not an object"),
                        QStringLiteral("check the base URL points at Alpha Vantage"));
    const QJsonObject root = document.object();

    QString seriesKey;
    QString indicatorKey;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString lower = it.key().toLower();
        if (lower.startsWith(u"time series") && it.value().isObject())
            seriesKey = it.key();
        else if (lower.startsWith(u"technical analysis") && it.value().isObject())
            indicatorKey = it.key();
    }
    if (!seriesKey.isEmpty() || !indicatorKey.isEmpty()) {
        const QHash<QString, QStringList> ordered = av::keysInDocumentOrder(body);
        return seriesKey.isEmpty() ? av::parseIndicator(root, indicatorKey, ordered.value(indicatorKey), context)
                                   : av::parseBars(root, seriesKey, ordered.value(seriesKey), context);
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString lower = it.key().toLower();
        if (lower == u"global quote" && it.value().isObject())
            return av::parseQuote(it.value().toObject());
        if (lower == u"realtime currency exchange rate" && it.value().isObject())
            return av::parseExchangeRate(it.value().toObject(), context);
    }
    if (root.value(QStringLiteral("feed")).isArray())
        return av::parseNews(root.value(QStringLiteral("feed")).toArray(), context);
    // Economic indicators carry no "Meta Data": a "data" array beside the series' name or unit.
    if (root.value(QStringLiteral("data")).isArray()
        && (root.contains(QStringLiteral("name")) || root.contains(QStringLiteral("unit"))))
        return av::parseEconomicSeries(root, context);
    if (auto error = av::errorInBody(root))
        return *error;
    return pe::make(pe::UnexpectedShape,
                    QStringLiteral("the response has none of the expected members (keys: %1)")
                        .arg(root.keys().mid(0, 5).join(QStringLiteral(", ")).left(200)),
                    QStringLiteral("check the function name; the provider may have changed its format"));
}

} // namespace sentinel

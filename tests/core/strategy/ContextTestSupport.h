// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AwaitCallback.h"
#include "FakeHttpServer.h"
#include "TestData.h"

#include "common/Secret.h"
#include "config/Config.h"
#include "strategy/AdvisorContext.h"

#include <QUrlQuery>

#include <chrono>

// What the tests of the advisor's context sources share: asking a source once, and an Alpha
// Vantage key pointed at the loopback stand-in serving recorded bodies.

namespace sentinel::test {

inline const QString kContextApiKey = QStringLiteral("TESTKEY-c0n7ex7");

/// The source's one answer; the event loop runs meanwhile (a network answer needs it).
inline Result<QString> gatherOnce(AdvisorContextSource& source, const ContextQuestion& question)
{
    const auto answer = awaitCallback<Result<QString>>([&](auto done) { source.gather(question, done); });
    if (!answer)
        return Error(QStringLiteral("test_timeout"), QStringLiteral("the source never answered"));
    return *answer;
}

/// The text of a section that must be there, or the reason it is not as the failure message.
inline QString presentText(const Result<QString>& answer)
{
    return answer.ok() ? answer.value() : QStringLiteral("LEFT OUT: ") + answer.error().message;
}

inline AlphaVantageSettings alphaVantageAt(const FakeHttpServer& server, int perDay = 25)
{
    AlphaVantageSettings settings;
    settings.apiKey = Secret(kContextApiKey);
    settings.baseUrl = server.baseUrl();
    settings.requestsPerMinute = 5;
    settings.requestsPerDay = perDay;
    settings.timeout = std::chrono::seconds(10);
    return settings;
}

inline CannedResponse recordedAlphaVantage(const char* file)
{
    return CannedResponse::fromFile(dataPath(QStringLiteral("alphavantage/") + QString::fromLatin1(file)));
}

/// A query item of the `index`th request the server received.
inline QString queryItem(const FakeHttpServer& server, qsizetype index, const char* name)
{
    return QUrlQuery(server.requests().at(index).url).queryItemValue(QString::fromLatin1(name));
}

} // namespace sentinel::test

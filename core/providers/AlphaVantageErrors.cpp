// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/AlphaVantageErrors.h"

#include "common/Excerpt.h"
#include "common/JsonBody.h"
#include "providers/ProviderError.h"

#include <QRegularExpression>

namespace sentinel {
namespace alphaVantage {

namespace pe = providerError;

namespace {

/// How much of a provider's notice an error quotes: its notices run to a couple of sentences.
constexpr qsizetype kNoticeExcerptChars = 300;

/// The provider's own words as an error quotes them: key masked, then cut to an excerpt.
QString maskEchoedKey(QString text)
{
    // "We have detected your API key as ABC123 and ..." — never pass the key on.
    static const QRegularExpression echoed(QStringLiteral(R"((API key as )\S+)"), QRegularExpression::CaseInsensitiveOption);
    text.replace(echoed, QStringLiteral("\\1***"));
    return excerpt(text, kNoticeExcerptChars);
}

Error classifyInformation(const QString& text)
{
    const QString lower = text.toLower();
    const QString message = QStringLiteral("Alpha Vantage: ") + maskEchoedKey(text);
    if (lower.contains(u"apikey is invalid") || lower.contains(u"api key is invalid")
        || lower.contains(u"invalid or missing") || lower.contains(u"demo api key")
        || lower.contains(u"**demo**"))
        return pe::make(pe::InvalidApiKey, message,
                        QStringLiteral("set providers.alpha_vantage.api_key to your own free key"));
    // The burst notice also mentions "premium endpoints" and "per day": test it first.
    if (lower.contains(u"spreading out") || lower.contains(u"per second") || lower.contains(u"burst"))
        return pe::make(pe::BurstLimited, message, QStringLiteral("send requests further apart; retry in a few seconds"));
    if (lower.contains(u"premium endpoint") || lower.contains(u"premium-only") || lower.contains(u"premium only"))
        return pe::make(pe::PremiumEndpoint, message,
                        QStringLiteral("this endpoint needs a paid plan; choose another endpoint or provider"));
    if (lower.contains(u"per day") || lower.contains(u"daily"))
        return pe::make(pe::QuotaExhausted, message,
                        QStringLiteral("the daily quota is used up; requests resume after the provider's daily reset"));
    if (lower.contains(u"per minute") || lower.contains(u"call frequency"))
        return pe::make(pe::RateLimited, message, QStringLiteral("back off for a minute"));
    return pe::make(pe::ProviderNotice, message, QStringLiteral("read the provider's notice; the request was not answered"));
}

} // namespace

std::optional<Error> errorInBody(const QJsonObject& root)
{
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString name = it.key().trimmed().toLower();
        const QString text = it.value().isString() ? it.value().toString() : QString();
        if (name == u"error message") {
            const QString lower = text.toLower();
            if (lower.contains(u"apikey") && (lower.contains(u"invalid") || lower.contains(u"missing")))
                return pe::make(pe::InvalidApiKey, QStringLiteral("Alpha Vantage: ") + maskEchoedKey(text),
                                QStringLiteral("set providers.alpha_vantage.api_key to a valid key"));
            return pe::make(pe::InvalidCall, QStringLiteral("Alpha Vantage rejected the call: ") + maskEchoedKey(text),
                            QStringLiteral("check the symbol, interval and function; retrying will not help"));
        }
        if (name == u"note")
            return pe::make(pe::RateLimited, QStringLiteral("Alpha Vantage: ") + maskEchoedKey(text),
                            QStringLiteral("back off for a minute before the next request"));
        if (name == u"information")
            return classifyInformation(text);
    }
    return std::nullopt;
}

Error classifyNonJson(const QByteArray& body, const QJsonParseError& parseError)
{
    return classifyNonJsonBody(body, parseError, QStringLiteral("Alpha Vantage"));
}

} // namespace alphaVantage
} // namespace sentinel

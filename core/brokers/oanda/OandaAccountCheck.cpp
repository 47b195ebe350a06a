// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/oanda/OandaAccountCheck.h"

#include "brokers/oanda/OandaErrors.h"
#include "brokers/oanda/OandaRest.h"

#include <memory>

namespace sentinel::oanda {

namespace oe = oandaError;

namespace {

/// The answer's error, with a remedy that names the configuration key behind it.
Error answerError(const RestAnswer& answer, const OandaSettings& settings)
{
    Error error = oe::parseErrorBody(answer.status, answer.body);
    const QString environment = settings.environment == BrokerEnvironment::Live ? QStringLiteral("live") : QStringLiteral("practice");
    if (error.kind == oe::Unauthorized)
        error.remedy = QStringLiteral("check oanda.token: it must be a personal access token for the %1 environment "
                                      "(a practice token does not work on live, nor the reverse)").arg(environment);
    else if (error.kind == oe::Forbidden || error.kind == oe::NotFound)
        error.remedy = QStringLiteral("check oanda.account_id: the token has no %1 account '%2'").arg(environment, settings.accountId);
    return error;
}

} // namespace

bool isCredentialOrConfigError(const Error& error)
{
    return error.kind == oe::Unauthorized || error.kind == oe::Forbidden || error.kind == oe::NotFound
           || error.kind == oe::InvalidRequest || error.kind == u"invalid_key" || error.kind == u"invalid_config";
}

void checkAccount(OandaRest& rest, std::function<void(const Result<AccountCheck>&)> done)
{
    auto shared = std::make_shared<std::function<void(const Result<AccountCheck>&)>>(std::move(done));
    rest.get(rest.accountPath(QStringLiteral("/summary")), {}, [&rest, shared](const Result<RestAnswer>& answer) {
        if (!answer)
            return (*shared)(answer.error());
        if (answer->status != 200)
            return (*shared)(answerError(*answer, rest.settings()));
        auto summary = parseAccountSummary(answer->body);
        if (!summary)
            return (*shared)(summary.error());
        if (summary->id != rest.settings().accountId)
            return (*shared)(oe::make(oe::UnexpectedShape,
                                      QStringLiteral("asked for account %1 and OANDA answered for %2").arg(rest.settings().accountId, summary->id),
                                      QStringLiteral("check oanda.base_url points at OANDA")));
        AccountCheck check{summary.value(), {}};
        rest.get(rest.accountPath(QStringLiteral("/openPositions")), {}, [&rest, shared, check](const Result<RestAnswer>& positions) mutable {
            if (!positions)
                return (*shared)(positions.error());
            if (positions->status != 200)
                return (*shared)(answerError(*positions, rest.settings()));
            auto parsed = parseOpenPositions(positions->body);
            if (!parsed)
                return (*shared)(parsed.error());
            check.positions = parsed.value();
            (*shared)(check);
        });
    });
}

} // namespace sentinel::oanda

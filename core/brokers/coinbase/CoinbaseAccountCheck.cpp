// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseAccountCheck.h"

#include "brokers/coinbase/CoinbaseError.h"
#include "brokers/coinbase/CoinbaseRest.h"

#include <QUrlQuery>

#include <memory>

namespace sentinel::coinbase {

namespace ce = coinbaseError;

namespace {

struct Walk {
    std::function<void(const Result<AccountCheck>&)> done;
    QList<CoinbaseAccount> accounts;
    int pages = 0;
};

AccountCheck summarise(const QList<CoinbaseAccount>& accounts)
{
    AccountCheck check;
    qsizetype cash = -1;
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        if (accounts[i].currency == u"USD") {
            cash = i;
            break;
        }
        if (cash < 0 && accounts[i].type == u"FIAT")
            cash = i;
    }
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const CoinbaseAccount& account = accounts[i];
        if (check.accountId.isEmpty())
            check.accountId = account.portfolioId;
        const double total = account.available.value + account.hold.value;
        if (i == cash) {
            check.currency = account.currency;
            check.balance = total;
        } else if (total != 0) {
            check.holdings.append(account);
        }
    }
    return check;
}

void readPage(CoinbaseRest& rest, const std::shared_ptr<Walk>& walk, const QString& cursor)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("250"));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    rest.get(QStringLiteral("/accounts"), query, [&rest, walk](const RestReply& reply) {
        if (!reply.answer)
            return walk->done(reply.answer.error());
        auto page = parseAccounts(reply.answer->body);
        if (!page)
            return walk->done(page.error());
        walk->accounts.append(page->accounts);
        if (page->hasNext && !page->cursor.isEmpty() && ++walk->pages < kMaxAccountPages)
            return readPage(rest, walk, page->cursor);
        walk->done(summarise(walk->accounts));
    });
}

} // namespace

bool isCredentialOrConfigError(const Error& error)
{
    return error.kind == ce::Unauthorized || error.kind == ce::PermissionDenied || error.kind == ce::InvalidKey
           || error.kind == u"invalid_config";
}

void checkAccount(CoinbaseRest& rest, std::function<void(const Result<AccountCheck>&)> done)
{
    auto walk = std::make_shared<Walk>();
    walk->done = std::move(done);
    readPage(rest, walk, {});
}

} // namespace sentinel::coinbase

// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseAccounts.h"

#include "brokers/coinbase/CoinbaseError.h"
#include "brokers/coinbase/CoinbaseFields.h"

namespace sentinel::coinbase {

namespace ce = coinbaseError;

namespace {

/// {"value": "1.23", "currency": "BTC"}, in the account's own currency and not negative.
Decimal readBalance(FieldReader& account, QStringView name, const QString& currency)
{
    FieldReader balance(account.object(name), account.path(name));
    Decimal value = balance.decimal(u"value");
    const QString balanceCurrency = balance.string(u"currency");
    if (!account.ok())
        return value;
    if (!balance.ok())
        account.fail(balance.error());
    else if (balanceCurrency != currency)
        account.fail(ce::make(ce::UnexpectedShape,
                              QStringLiteral("%1 is in %2 but the account holds %3").arg(account.path(name), balanceCurrency, currency),
                              QStringLiteral("report this body; the balance cannot be read safely")));
    else if (value.value < 0)
        account.fail(ce::make(ce::InvalidNumber, QStringLiteral("%1 is negative (%2)").arg(account.path(name), value.text),
                              QStringLiteral("report this body")));
    return value;
}

CoinbaseAccount readAccount(FieldReader& account)
{
    CoinbaseAccount item;
    item.uuid = account.string(u"uuid");
    item.name = account.optionalString(u"name");
    item.currency = account.string(u"currency");
    item.type = account.optionalString(u"type");
    item.portfolioId = account.optionalString(u"retail_portfolio_id");
    item.active = account.boolean(u"active");
    item.ready = account.optionalBoolean(u"ready");
    item.available = readBalance(account, u"available_balance", item.currency);
    item.hold = readBalance(account, u"hold", item.currency);
    return item;
}

} // namespace

Result<AccountPage> parseAccounts(const QByteArray& body)
{
    Result<QJsonObject> root = parseObjectBody(body, kMaxRestBodyBytes, QStringLiteral("the accounts answer"));
    if (!root)
        return root.error();
    FieldReader reader(*root, QStringLiteral("body"));
    AccountPage page;
    const QJsonArray accounts = reader.array(u"accounts");
    page.hasNext = reader.boolean(u"has_next");
    page.cursor = reader.optionalString(u"cursor");
    page.accounts = readEach<CoinbaseAccount>(reader, accounts, QStringLiteral("accounts"), readAccount);
    if (!reader.ok())
        return reader.error();
    return page;
}

} // namespace sentinel::coinbase

// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ProviderError.h"

namespace sentinel::providerError {

QStringList allKinds()
{
    QStringList kinds;
    for (const char16_t* kind : {InvalidCall, InvalidApiKey, RateLimited, QuotaExhausted, BurstLimited, PremiumEndpoint,
                                 ProviderNotice, HttpError, Timeout, NetworkError, TlsError, HtmlBody, TruncatedBody,
                                 MalformedBody, EmptyBody, UnexpectedShape, NoUsableRows, UnknownTimeZone, SymbolMismatch,
                                 CircuitOpen, Unsupported, ReplayDataMissing, Cancelled})
        kinds << QString::fromUtf16(kind);
    return kinds;
}

Error retyped(const Error& error, const char16_t* kind)
{
    return Error{QString::fromUtf16(kind), error.message, error.remedy};
}

Error sharedKindOrUnexpectedShape(const Error& error)
{
    if (allKinds().contains(error.kind) || error.kind == BodyTooLarge || error.kind == BinaryBody)
        return error;
    return retyped(error, UnexpectedShape);
}

bool isRetryable(const QString& kind)
{
    return kind != InvalidCall && kind != InvalidApiKey && kind != PremiumEndpoint && kind != Unsupported
           && kind != SymbolMismatch && kind != UnknownTimeZone && kind != ReplayDataMissing && kind != BadReplayFile
           && kind != TlsError;
}

bool indicatesOutage(const QString& kind)
{
    return kind == HttpError || kind == Timeout || kind == NetworkError || kind == HtmlBody || kind == TruncatedBody
           || kind == BinaryBody || kind == BodyTooLarge || kind == MalformedBody || kind == EmptyBody || kind == UnexpectedShape;
}

} // namespace sentinel::providerError

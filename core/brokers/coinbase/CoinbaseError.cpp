// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/coinbase/CoinbaseError.h"

namespace sentinel::coinbaseError {

Error make(const char16_t* kind, const QString& message, const QString& remedy)
{
    return Error{QString::fromUtf16(kind), message, remedy};
}

} // namespace sentinel::coinbaseError

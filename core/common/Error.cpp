// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Error.h"

#include "common/Redactor.h"

namespace sentinel {

Error::Error(QString kind, const QString& message, const QString& remedy)
    : kind(std::move(kind))
    , message(Redactor::instance().redact(message))
    , remedy(Redactor::instance().redact(remedy))
{
}

} // namespace sentinel

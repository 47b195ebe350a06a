// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Issue.h"

#include "common/Redactor.h"

namespace sentinel {

Issue::Issue(Severity severity, QString location, const QString& message, const QString& remedy, int line)
    : severity(severity)
    , location(std::move(location))
    , message(Redactor::instance().redact(message))
    , remedy(Redactor::instance().redact(remedy))
    , line(line)
{
}

} // namespace sentinel

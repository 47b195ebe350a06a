// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Secret.h"

#include "common/Redactor.h"

namespace sentinel {

Secret::Secret(QString value) : m_value(std::move(value))
{
    Redactor::instance().add(m_value);
}

} // namespace sentinel

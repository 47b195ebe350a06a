// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk/RiskReport.h"

namespace sentinel {

QString varMethodName(VarMethod method)
{
    switch (method) {
    case VarMethod::Historical: return QStringLiteral("historical");
    case VarMethod::Parametric: return QStringLiteral("parametric");
    case VarMethod::Bootstrap: return QStringLiteral("bootstrap");
    }
    return {};
}

QString RiskReport::methodLabel() const
{
    if (method != VarMethod::Bootstrap)
        return varMethodName(method);
    return samples == 1 ? QStringLiteral("bootstrap (1 return)")
                        : QStringLiteral("bootstrap (%1 returns)").arg(samples);
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/OperatorOrigin.h"

#include <QtGlobal>

namespace sentinel {

QString operatorChannelName(OperatorChannel channel)
{
    switch (channel) {
    case OperatorChannel::Desktop:
        return QStringLiteral("desktop");
    case OperatorChannel::Telegram:
        return QStringLiteral("telegram");
    case OperatorChannel::Cli:
        return QStringLiteral("cli");
    case OperatorChannel::Engine:
        return QStringLiteral("engine");
    }
    return QStringLiteral("engine");
}

QString OperatorOrigin::describe() const
{
    // The CLI names itself ("cli (alice)"): not "cli (cli (alice))".
    if (who.startsWith(operatorChannelName(channel) + QStringLiteral(" (")))
        return who;
    return who.isEmpty() ? operatorChannelName(channel) : QStringLiteral("%1 (%2)").arg(operatorChannelName(channel), who);
}

OperatorOrigin OperatorOrigin::desktop()
{
    return OperatorOrigin{localUserName(), OperatorChannel::Desktop, std::nullopt};
}

OperatorOrigin OperatorOrigin::engine(const QString& who)
{
    return OperatorOrigin{who, OperatorChannel::Engine, std::nullopt};
}

QString OperatorOrigin::localUserName()
{
    // Only a label for the journal: never used to decide who may act.
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("unknown") : name.left(64);
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"

#include <QHash>

class QTimer;

namespace sentinel {

/// Wall-clock time; callbacks are driven by precise single-shot QTimers.
class SystemClock final : public Clock
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemClock)
public:
    explicit SystemClock(QObject* parent = nullptr);
    ~SystemClock() override;

    [[nodiscard]] QDateTime now() const override;
    TimerId callAt(const QDateTime& when, QObject* context, Callback callback) override;
    void cancel(TimerId id) override;

private:
    TimerId m_nextId = 1;
    QHash<TimerId, QTimer*> m_timers;
};

} // namespace sentinel

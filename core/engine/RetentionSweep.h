// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "config/Config.h"

#include <QObject>

namespace sentinel {

class Journal;
class Outbox;

/// Keeps the journal file from growing without bound over a months-long run: at start and then
/// once a day on the engine clock it deletes alerts older than `journal.retention.alerts` and
/// finished outbox rows older than `journal.retention.outbox` (ADR 0108). Nothing a decision
/// depends on is touched: pending alerts of the current window, queued signals, and the trading
/// record stay.
class RetentionSweep final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetentionSweep)
public:
    struct Swept {
        int alerts = 0;
        int outboxRows = 0;
    };
    using FailureHandler = std::function<void(const QString& what, const Error& error)>;

    /// `outbox` may be null (no remote channel). Failures go to `onFailure`; the sweep goes on
    /// the next day.
    RetentionSweep(Clock& clock, Journal& journal, Outbox* outbox, RetentionSettings settings, FailureHandler onFailure,
                   QObject* parent = nullptr);
    ~RetentionSweep() override;

    /// Sweeps now and schedules the next sweep a day later, and so on.
    void start();
    /// One sweep at the clock's now.
    Swept sweep();

private:
    void scheduleNext();

    Clock& m_clock;
    Journal& m_journal;
    Outbox* m_outbox;
    RetentionSettings m_settings;
    FailureHandler m_onFailure;
    TimerId m_next = 0;
};

} // namespace sentinel

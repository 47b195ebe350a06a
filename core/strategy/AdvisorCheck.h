// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/LlmProvider.h"
#include "common/Clock.h"
#include "config/AdvisorSettings.h"
#include "strategy/AdvisorCheckReport.h"

#include <QList>
#include <QObject>

#include <chrono>

namespace sentinel {

/// The advisor test (issue 15), shared by `sentinel advisor test` and the Settings dialog's Test
/// button (docs/adr/0131): for every `advisor.providers` row at once, a provider made as the
/// pool makes it, its health check (reachable, model present, latency), then one fixed prompt
/// (advisorTestPrompt) whose answer must be valid advice. Asynchronous, in the thread the check
/// lives in; `finished` is emitted exactly once, never from inside start(), at the latest when
/// deadline() has passed on the Clock (rows still open then say deadline_exceeded).
class AdvisorCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdvisorCheck)
public:
    /// `clock`: for the overall deadline; none: a SystemClock of its own, in its own thread.
    explicit AdvisorCheck(AdvisorSettings settings, Clock* clock = nullptr, QObject* parent = nullptr);
    ~AdvisorCheck() override;

    void start();
    /// The whole test's deadline: each server makes at most three requests in a row (Ollama's
    /// version, tags and chat), each bounded by its timeout_s, so three times the longest.
    [[nodiscard]] std::chrono::milliseconds deadline() const;

Q_SIGNALS:
    void finished(const sentinel::AdvisorCheckReport& report);

private:
    void checkServer(int index);
    void onHealth(int index, const Result<advisor::ProviderHealth>& health);
    void onAdvice(int index, const advisor::AdviceOutcome& outcome);
    void settle(int index);
    void onDeadline();
    void finish();

    AdvisorSettings m_settings;
    Clock* m_clock;
    AdvisorCheckReport m_report;
    QList<advisor::LlmProvider*> m_providers; ///< children; null for a refused row
    QList<bool> m_settled;
    TimerId m_deadlineTimer = 0;
    bool m_finished = false;
};

} // namespace sentinel

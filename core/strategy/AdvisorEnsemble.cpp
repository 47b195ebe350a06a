// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/AdvisorEnsemble.h"

#include "advisor/AdvisorError.h"
#include "advisor/AdvisorJson.h"
#include "advisor/ProviderPool.h"

#include <QJsonDocument>

#include <utility>

namespace sentinel {

namespace ae = advisor::advisorError;

struct AdvisorEnsemble::Decision {
    advisor::AdviceRequest request;
    Done done;
    EnsembleAnswers answers;
    QList<bool> awaited; ///< per member: asked and not answered yet
    bool finished = false;
    TimerId deadlineTimer = 0;
};

AdvisorEnsemble::AdvisorEnsemble(advisor::ProviderPool& pool, Clock& clock, QList<EnsembleMember> members,
                                 int maxConcurrent, std::chrono::milliseconds deadline, QObject* parent)
    : QObject(parent), m_pool(pool), m_clock(clock), m_members(std::move(members)),
      m_maxConcurrent(std::max(1, maxConcurrent)), m_deadline(deadline)
{
}

AdvisorEnsemble::~AdvisorEnsemble()
{
    *m_alive = false;
}

QString AdvisorEnsemble::memberName(int member) const
{
    return m_pool.name(m_members.at(member).poolIndex);
}

void AdvisorEnsemble::ask(const advisor::AdviceRequest& request, Done done)
{
    auto decision = std::make_shared<Decision>();
    decision->request = request;
    decision->done = std::move(done);
    for (int member = 0; member < int(m_members.size()); ++member) {
        const int index = m_members[member].poolIndex;
        AdvisorVote vote;
        vote.provider = memberName(member);
        vote.model = m_pool.provider(index)->model();
        vote.weight = m_members[member].weight;
        const advisor::ProviderStatus status = m_pool.status(index);
        // A server whose first check is still out is asked: the pool holds the request until
        // the check decides, so the first decision after start-up is not the fallback's.
        const bool asked = status.available || m_pool.firstCheckPending(index);
        if (!asked) {
            // Held back by its health check or breaker: not asked, so no decision waits on it.
            vote.error = QString::fromUtf16(ae::ProviderUnavailable);
            vote.answer = status.reason ? status.reason->message : QStringLiteral("not available");
        }
        decision->answers.votes << vote;
        decision->answers.advice << std::nullopt;
        decision->awaited << asked;
        if (asked)
            m_queue.push_back(Ask{decision, member});
    }
    if (!decision->awaited.contains(true)) {
        finishIfComplete(*decision);
        return;
    }
    const std::weak_ptr<Decision> weak = decision;
    decision->deadlineTimer = m_clock.callAfter(m_deadline, this, [this, weak] {
        if (auto expired = weak.lock())
            expire(expired);
    });
    sendQueued();
}

void AdvisorEnsemble::sendQueued()
{
    while (m_inFlight < m_maxConcurrent && !m_queue.empty()) {
        const Ask next = m_queue.front();
        m_queue.pop_front();
        if (!next.decision->finished)
            send(next);
    }
}

void AdvisorEnsemble::send(const Ask& ask)
{
    ++m_inFlight;
    const int index = m_members[ask.member].poolIndex;
    m_pool.advise(index, ask.decision->request,
                  [this, alive = m_alive, ask](const advisor::AdviceOutcome& outcome) {
                      if (!*alive)
                          return;
                      --m_inFlight;
                      Decision& decision = *ask.decision;
                      if (!decision.finished) {
                          record(decision, ask.member, outcome);
                          finishIfComplete(decision);
                          if (decision.finished)
                              m_clock.cancel(decision.deadlineTimer);
                      }
                      sendQueued();
                  });
}

void AdvisorEnsemble::record(Decision& decision, int member, const advisor::AdviceOutcome& outcome)
{
    decision.awaited[member] = false;
    AdvisorVote& vote = decision.answers.votes[member];
    vote.latencyMs = std::chrono::duration_cast<std::chrono::milliseconds>(outcome.latency).count();
    vote.modelVersion = outcome.modelVersion;
    if (outcome.advice.ok()) {
        const advisor::Advice& advice = outcome.advice.value();
        vote.action = advisor::actionName(advice.action);
        vote.confidence = advice.confidence;
        vote.answer = QString::fromUtf8(QJsonDocument(advisor::toJson(advice)).toJson(QJsonDocument::Compact));
        decision.answers.advice[member] = advice;
        return;
    }
    const Error& error = outcome.advice.error();
    vote.error = error.kind;
    vote.answer = error.message;
    if (error.kind == QString::fromUtf16(ae::InvalidOutput))
        vote.action = advisor::actionName(advisor::AdviceAction::Hold); // an answer we refuse counts as hold
}

void AdvisorEnsemble::finishIfComplete(Decision& decision)
{
    if (decision.finished || decision.awaited.contains(true))
        return;
    decision.finished = true;
    decision.done(decision.answers);
}

void AdvisorEnsemble::expire(const std::shared_ptr<Decision>& decision)
{
    if (decision->finished)
        return;
    for (int member = 0; member < int(decision->awaited.size()); ++member) {
        if (!decision->awaited[member])
            continue;
        decision->awaited[member] = false;
        AdvisorVote& vote = decision->answers.votes[member];
        vote.error = QStringLiteral("deadline_exceeded");
        vote.answer = QStringLiteral("did not answer within %1 ms").arg(m_deadline.count());
    }
    finishIfComplete(*decision);
}

} // namespace sentinel

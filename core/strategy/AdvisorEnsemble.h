// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/LlmProvider.h"
#include "common/AdviceRecord.h"
#include "common/Clock.h"

#include <QList>
#include <QObject>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace sentinel {

namespace advisor {
class ProviderPool;
}

/// A model server's seat in the ensemble: its pool index and its share of the vote.
struct EnsembleMember {
    int poolIndex = 0;
    double weight = 1;
};

/// What one decision heard: a vote row per member, in configuration order, and the validated
/// advice of those that gave one.
struct EnsembleAnswers {
    QList<AdvisorVote> votes;
    QList<std::optional<advisor::Advice>> advice; ///< parallel to votes; none unless valid
};

/// Asks the available model servers of a ProviderPool for one advice each, at most
/// `maxConcurrent` requests in flight across all decisions, and answers once every asked server
/// has answered or the decision's deadline (on the Clock) has passed. A server the pool holds
/// back is not asked and no decision waits on it; an answer after the deadline is dropped. An
/// invalid answer (advisor_invalid_output) votes hold (issue 15); a server that did not answer
/// does not vote (docs/adr/0130-advisor-ensemble.md).
class AdvisorEnsemble final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdvisorEnsemble)
public:
    using Done = std::function<void(EnsembleAnswers)>;

    AdvisorEnsemble(advisor::ProviderPool& pool, Clock& clock, QList<EnsembleMember> members, int maxConcurrent,
                    std::chrono::milliseconds deadline, QObject* parent = nullptr);
    ~AdvisorEnsemble() override;

    void ask(const advisor::AdviceRequest& request, Done done);

    /// "ollama llama3.2:latest at http://127.0.0.1:11434": how votes name a member.
    [[nodiscard]] QString memberName(int member) const;
    [[nodiscard]] qsizetype memberCount() const { return m_members.size(); }

private:
    struct Decision;
    struct Ask {
        std::shared_ptr<Decision> decision;
        int member = 0;
    };
    void sendQueued();
    void send(const Ask& ask);
    void record(Decision& decision, int member, const advisor::AdviceOutcome& outcome);
    static void finishIfComplete(Decision& decision);
    void expire(const std::shared_ptr<Decision>& decision);

    advisor::ProviderPool& m_pool;
    Clock& m_clock;
    QList<EnsembleMember> m_members;
    int m_maxConcurrent;
    std::chrono::milliseconds m_deadline;
    int m_inFlight = 0;
    std::deque<Ask> m_queue;
    /// Shared with every callback: a provider answering after the ensemble is gone finds it false.
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/LlmAdvisorStrategy.h"

#include "common/Log.h"
#include "strategy/AdvisorEnsemble.h"
#include "strategy/AdvisorVoteTally.h"
#include "strategy/Indicators.h"
#include "strategy/StrategySupport.h"

#include <QPointer>

#include <utility>

namespace sentinel {

using advisor::AdviceAction;

namespace {

constexpr int kAtrPeriod = 14;
constexpr double kStopAtrMultiple = 2.0; // the rule strategies' stop, when the model gives none we can use

/// What one decision works with once the models have answered.
struct Question {
    Instrument instrument;
    Bars bars;
    PositionState position;
    std::optional<Signal> ruleSignal;
    QString promptSha256;
    QStringList contextLeftOut;
};

AdviceAction actionOf(const std::optional<Signal>& signal)
{
    if (!signal)
        return AdviceAction::Hold;
    return signal->side == Side::Buy ? AdviceAction::Buy : AdviceAction::Sell;
}

/// The side a decided action trades given the position, or none: buy opens or covers, sell
/// closes a long; the advisor opens no short (as the rule strategies).
std::optional<std::pair<Side, bool>> tradeFor(AdviceAction action, const PositionState& position)
{
    if (action == AdviceAction::Buy && !position.isLong())
        return std::pair{Side::Buy, position.isShort()};
    if (action == AdviceAction::Sell && position.isLong())
        return std::pair{Side::Sell, true};
    return std::nullopt;
}

/// The model's stop as a distance, when it is on the losing side of an entry; else 2 x ATR.
std::optional<double> stopDistanceFor(const std::optional<advisor::Advice>& advice, Side side, const Bars& bars)
{
    const double reference = bars.last().close;
    if (advice && advice->stop) {
        const double distance = side == Side::Buy ? reference - *advice->stop : *advice->stop - reference;
        if (distance > 0)
            return distance;
    }
    return strategy::stopDistance(indicators::wilderAtr(bars, kAtrPeriod), kStopAtrMultiple);
}

} // namespace

struct LlmAdvisorStrategy::Shared {
    QPointer<AdvisorEnsemble> ensemble;
    ContextGatherer context;
    std::unique_ptr<Strategy> fallback;
    LlmAdvisorSettings settings;
    AdvisorHooks hooks;
    bool modelsDown = false;

    void decide(const Question& question, const EnsembleAnswers& answers, const SignalCallback& done);
    void decideByFallback(const Question& question, AdviceRecord record, const SignalCallback& done);
    void noteAvailability(bool anyModelVoted, const QList<AdvisorVote>& votes);
};

LlmAdvisorStrategy::LlmAdvisorStrategy(AdvisorEnsemble& ensemble, ContextGatherer context,
                                       std::unique_ptr<Strategy> fallback, LlmAdvisorSettings settings,
                                       AdvisorHooks hooks)
    : m_shared(std::make_shared<Shared>(
          Shared{&ensemble, std::move(context), std::move(fallback), settings, std::move(hooks), false}))
{
}

LlmAdvisorStrategy::~LlmAdvisorStrategy() = default;

QString LlmAdvisorStrategy::name() const
{
    return QStringLiteral("llm_advisor");
}

int LlmAdvisorStrategy::minimumBars() const
{
    return m_shared->fallback->minimumBars();
}

std::optional<Signal> LlmAdvisorStrategy::evaluate(const Instrument& instrument, const Bars& closedBars,
                                                   const PositionState& position) const
{
    return m_shared->fallback->evaluate(instrument, closedBars, position);
}

void LlmAdvisorStrategy::evaluateLater(const Instrument& instrument, const Bars& closedBars,
                                       const PositionState& position, SignalCallback done) const
{
    if (closedBars.size() < minimumBars() || !strategy::usableCloses(closedBars, minimumBars())) {
        done(std::nullopt); // as every strategy: no guess on too few or unusable bars
        return;
    }
    auto question = std::make_shared<Question>(
        Question{instrument, closedBars, position, m_shared->fallback->evaluate(instrument, closedBars, position), {}, {}});
    auto asked = [shared = m_shared, question, done = std::move(done)](const QList<ContextSection>& context) {
        PromptInput input{question->instrument, question->bars, shared->settings.historyBars, question->position,
                          shared->settings.limits, context};
        const advisor::AdviceRequest request = buildAdvicePrompt(input);
        question->promptSha256 = promptSha256(request);
        for (const ContextSection& section : context) {
            if (!section.present())
                question->contextLeftOut << QStringLiteral("%1: %2").arg(section.source, section.leftOutBecause);
        }
        if (!shared->ensemble)
            return; // the engine is going: nothing to answer
        shared->ensemble->ask(request, [shared, question, done](const EnsembleAnswers& answers) {
            shared->decide(*question, answers, done);
        });
    };
    if (m_shared->context)
        m_shared->context(ContextQuestion{instrument, closedBars}, std::move(asked));
    else
        asked({});
}

void LlmAdvisorStrategy::Shared::decide(const Question& question, const EnsembleAnswers& answers,
                                        const SignalCallback& done)
{
    AdviceRecord record;
    record.votes = answers.votes;
    record.fallback = fallback->name();
    record.promptSha256 = question.promptSha256;
    record.contextLeftOut = question.contextLeftOut;

    QList<WeightedVote> weighted;
    QList<qsizetype> voterOf; // tally index → vote index; -1 for the rule
    for (qsizetype i = 0; i < answers.votes.size(); ++i) {
        const AdvisorVote& vote = answers.votes[i];
        if (!vote.voted())
            continue;
        weighted << WeightedVote{advisor::parseAction(vote.action).value_or(AdviceAction::Hold), vote.weight,
                                 vote.confidence};
        voterOf << i;
    }
    const bool anyModelVoted = !weighted.isEmpty();
    noteAvailability(anyModelVoted, answers.votes);
    if (!anyModelVoted) {
        decideByFallback(question, std::move(record), done);
        return;
    }
    if (settings.fallbackWeight > 0) {
        weighted << WeightedVote{actionOf(question.ruleSignal), settings.fallbackWeight,
                                 question.ruleSignal ? question.ruleSignal->confidence : 0};
        voterOf << -1;
    }
    const std::optional<VoteTally> tally = tallyVotes(weighted);
    const AdviceAction action = tally ? tally->action : AdviceAction::Hold;
    record.action = advisor::actionName(action);
    const qsizetype speaker = tally && tally->spokesman ? voterOf[*tally->spokesman] : -2;
    std::optional<advisor::Advice> spokenAdvice;
    if (speaker >= 0) {
        spokenAdvice = answers.advice[speaker];
        record.reason = spokenAdvice ? spokenAdvice->reason : QString();
    } else if (speaker == -1 && question.ruleSignal) {
        record.reason = question.ruleSignal->reason;
    }
    const auto trade = tradeFor(action, question.position);
    if (!trade) {
        log::engine()->info("{}: advisor says {} ({} of {} voters): no trade from {} position",
                            question.instrument.key(), record.action, weighted.size(), answers.votes.size(),
                            question.position.isFlat() ? "a flat" : "this");
        done(std::nullopt);
        return;
    }
    const int agreeing = int(std::count_if(weighted.cbegin(), weighted.cend(),
                                           [action](const WeightedVote& vote) { return vote.action == action; }));
    const QString reason = QStringLiteral("Advisor (%1 of %2 voters): %3")
                               .arg(agreeing)
                               .arg(weighted.size())
                               .arg(record.reason.isEmpty() ? record.action : record.reason);
    Signal signal = strategy::signalOnLastBar(question.instrument, question.bars, trade->first, trade->second,
                                              tally->confidence, reason,
                                              stopDistanceFor(spokenAdvice, trade->first, question.bars));
    signal.advice = std::move(record);
    done(signal);
}

void LlmAdvisorStrategy::Shared::decideByFallback(const Question& question, AdviceRecord record,
                                                  const SignalCallback& done)
{
    record.fallbackDecided = true;
    record.action = advisor::actionName(actionOf(question.ruleSignal));
    if (!question.ruleSignal) {
        done(std::nullopt);
        return;
    }
    Signal signal = *question.ruleSignal;
    record.reason = signal.reason;
    signal.reason = QStringLiteral("Fallback %1 (no model answered): %2").arg(record.fallback, signal.reason);
    signal.advice = std::move(record);
    done(signal);
}

void LlmAdvisorStrategy::Shared::noteAvailability(bool anyModelVoted, const QList<AdvisorVote>& votes)
{
    if (anyModelVoted) {
        if (modelsDown && hooks.modelsBack)
            hooks.modelsBack();
        modelsDown = false;
        return;
    }
    if (modelsDown)
        return; // once per outage, not once per bar
    modelsDown = true;
    QStringList why;
    for (const AdvisorVote& vote : votes)
        why << QStringLiteral("%1: %2").arg(vote.provider, vote.answer);
    if (hooks.modelsUnavailable)
        hooks.modelsUnavailable(why.isEmpty() ? QStringLiteral("no model server is configured") : why.join(u"; "));
}

} // namespace sentinel

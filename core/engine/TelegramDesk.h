// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/OperatorOrigin.h"
#include "engine/EngineSteps.h"
#include "notify/OperatorPolicy.h"
#include "notify/RefusalLimiter.h"
#include "notify/TelegramPoller.h"
#include "notify/TelegramUpdates.h"

#include <QHash>
#include <QObject>

#include <deque>
#include <functional>
#include <memory>

namespace sentinel {

class DeskControls;
class PositionOrigins;
class TelegramBotCalls;
class TradeDesk;
struct EngineContext;
struct ProposalView;
struct ControlOutcome;

/// The operator's desk in Telegram (ADR 0132): reads updates with TelegramPoller, lets only the
/// configured operators act (OperatorPolicy; strangers are answered sparingly, RefusalLimiter),
/// decides proposals through the same TradeDesk path as the desktop, runs the commands through
/// DeskControls, and edits each proposal's message to show how it ended, whoever decided it.
///
/// Updates are handled one at a time, in order; an action that journals (a decision, a control)
/// stores the update's offset in the same transaction, and the batch's offset is stored before
/// the poller may confirm it to Telegram, so after a crash no update is applied twice and none
/// is skipped. A press is answered (answerCallbackQuery) before it is acted on.
class TelegramDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TelegramDesk)
public:
    /// `origins` (not owned, may be null) gives /positions each position's stop and opening time.
    TelegramDesk(EngineContext& context, EngineSteps steps, TradeDesk& desk, DeskControls& controls,
                 PositionOrigins* origins = nullptr, QObject* parent = nullptr);
    ~TelegramDesk() override;

    /// Starts polling from the offset the journal kept.
    void start(qint64 offset);
    void stop();

    /// A proposal's question was posted: its buttons are bound to that message from now on.
    void recordQuestion(const QString& proposalId, qint64 chatId, qint64 messageId);
    /// Edits the message of a proposal that left the queue to show how it ended.
    void onProposalChanged(const ProposalView& proposal);

    [[nodiscard]] const TelegramPollerState& pollerState() const;
    [[nodiscard]] qint64 handled() const { return m_handled; }
    [[nodiscard]] qint64 refused() const { return m_refusals.refused(); }
    /// An update is being handled, or an answer to one is on its way (a simulation waits for it).
    [[nodiscard]] bool busy() const;

    /// How long a /flatten confirmation stays valid.
    static constexpr std::chrono::minutes flattenQuestionLifetime{2};

Q_SIGNALS:
    /// The poller's state or the counts changed: the Delivery panel is worth publishing again.
    void stateChanged();
    /// Every update of the last batch was handled and its offset stored.
    void batchHandled(qint64 nextOffset);

private:
    struct FlattenQuestion {
        qint64 messageId = 0;
        QDateTime askedAt;
    };
    using Next = std::function<void()>;

    void onBatch(const UpdateBatch& batch, qint64 nextOffset);
    void handleNext();
    void finishBatch();
    void handle(const TelegramUpdate& update, const Next& next);
    void refuse(const TelegramUpdate& update);
    void onPress(const CallbackPress& press, const Next& next);
    void decide(const CallbackPress& press, const QString& proposalId, bool approve, const Next& next);
    void answerNotPending(const CallbackPress& press, const QString& proposalId);
    void onFlattenAnswer(const CallbackPress& press, const QString& questionId, bool confirmed, const Next& next);
    void onCommand(const CommandMessage& command, const Next& next);
    void askFlatten(const CommandMessage& command, const Next& next);
    void replyStatus();
    void replyPositions(bool withPnl);
    void reply(const QString& text);
    void answer(const CallbackPress& press, const QString& text);
    void showOutcome(const ProposalView& view);

    [[nodiscard]] OperatorOrigin originOf(qint64 userId, const QString& username, qint64 updateId) const;
    /// "realised P&L today 12.50 USD, this week -3.10 USD (UTC)", from the journal's round trips.
    [[nodiscard]] QString realisedText(const QString& currency) const;
    [[nodiscard]] static QString describeControl(const ControlOutcome& outcome);

    EngineContext& m_context;
    EngineSteps m_steps;
    TradeDesk& m_desk;
    DeskControls& m_controls;
    PositionOrigins* m_origins;
    QByteArray m_key;
    OperatorPolicy m_policy;
    RefusalLimiter m_refusals;
    TelegramPoller* m_poller;
    TelegramBotCalls* m_calls;
    std::deque<TelegramUpdate> m_pending; ///< the batch in hand, oldest first
    qint64 m_batchOffset = 0;
    bool m_handling = false;
    QHash<QString, FlattenQuestion> m_flattenQuestions; ///< by question id
    qint64 m_handled = 0;
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/TelegramDesk.h"

#include "common/AlertKinds.h"
#include "common/Log.h"
#include "engine/AlertSink.h"
#include "engine/DeskControls.h"
#include "engine/EngineContext.h"
#include "engine/EngineServices.h"
#include "engine/InstrumentBook.h"
#include "engine/PortfolioSource.h"
#include "engine/PositionOrigins.h"
#include "engine/Snapshots.h"
#include "engine/TradeDesk.h"
#include "journal/Journal.h"
#include "report/PerformanceReport.h"
#include "notify/CallbackToken.h"
#include "notify/TelegramBotCalls.h"
#include "notify/TelegramCommands.h"
#include "notify/TelegramFormatter.h"
#include "notify/TelegramKeyboard.h"
#include "notify/TradeSignals.h"

#include <QUuid>

#include <cmath>

namespace sentinel {

namespace {

const QString sendMessage = QStringLiteral("sendMessage");
const QString editMessageText = QStringLiteral("editMessageText");
const QString answerCallbackQuery = QStringLiteral("answerCallbackQuery");

qint64 userOf(const TelegramUpdate& update)
{
    if (const auto* press = std::get_if<CallbackPress>(&update))
        return press->fromUserId;
    if (const auto* command = std::get_if<CommandMessage>(&update))
        return command->fromUserId;
    return 0;
}

QString usernameOf(const TelegramUpdate& update)
{
    if (const auto* press = std::get_if<CallbackPress>(&update))
        return press->fromUsername;
    if (const auto* command = std::get_if<CommandMessage>(&update))
        return command->fromUsername;
    return {};
}

/// How a decision taken elsewhere reads under the proposal: "on the desktop (alice)".
QString viaText(const OperatorOrigin& origin)
{
    switch (origin.channel) {
    case OperatorChannel::Desktop:
        return QStringLiteral("on the desktop (%1)").arg(origin.who);
    case OperatorChannel::Cli:
        return QStringLiteral("from the CLI (%1)").arg(origin.who);
    case OperatorChannel::Telegram:
        // "@alice (id 42)" in the journal; the chat knows the id already.
        return QStringLiteral("by %1").arg(origin.who.section(QStringLiteral(" (id "), 0, 0));
    case OperatorChannel::Engine:
        return QStringLiteral("by the engine (%1)").arg(origin.who);
    }
    return {};
}

QString money(double value)
{
    return QString::number(value, 'f', 2);
}

} // namespace

TelegramDesk::TelegramDesk(EngineContext& context, EngineSteps steps, TradeDesk& desk, DeskControls& controls,
                           PositionOrigins* origins, QObject* parent)
    : QObject(parent), m_context(context), m_steps(steps), m_desk(desk), m_controls(controls), m_origins(origins),
      m_key(CallbackTokenCodec::deriveKey(context.config.telegram.botToken.reveal())),
      m_policy(context.config.telegram.chatId.trimmed().toLongLong(), context.config.telegram.operators, QString()),
      m_refusals(context.clock), m_poller(new TelegramPoller(context.config.telegram, context.clock, this)),
      m_calls(new TelegramBotCalls(context.config.telegram, context.clock, this))
{
    connect(m_poller, &TelegramPoller::batchReceived, this, &TelegramDesk::onBatch);
    connect(m_poller, &TelegramPoller::stateChanged, this, [this](const TelegramPollerState& state) {
        if (state.status == TelegramPollerState::Status::Conflict || state.status == TelegramPollerState::Status::Unauthorized)
            log::notify()->warn("telegram: updates {}: {}", TelegramPollerState::statusName(state.status), state.lastError);
        Q_EMIT stateChanged();
    });
}

TelegramDesk::~TelegramDesk() = default;

void TelegramDesk::start(qint64 offset)
{
    m_poller->start(offset);
}

void TelegramDesk::stop()
{
    m_poller->stop();
}

const TelegramPollerState& TelegramDesk::pollerState() const
{
    return m_poller->state();
}

bool TelegramDesk::busy() const
{
    return m_handling || m_calls->inFlight();
}

OperatorOrigin TelegramDesk::originOf(qint64 userId, const QString& username, qint64 updateId) const
{
    const QString who = username.isEmpty() ? QStringLiteral("user %1").arg(userId)
                                           : QStringLiteral("@%1 (id %2)").arg(username).arg(userId);
    return OperatorOrigin{who, OperatorChannel::Telegram, updateId + 1};
}

// ---- the batch, one update at a time -------------------------------------------------------------

void TelegramDesk::onBatch(const UpdateBatch& batch, qint64 nextOffset)
{
    for (const SkippedUpdate& skipped : batch.skipped)
        log::notify()->warn("telegram: update skipped: {}", skipped.error.toString());
    m_pending.insert(m_pending.end(), batch.updates.cbegin(), batch.updates.cend());
    m_batchOffset = nextOffset;
    if (!m_handling) {
        m_handling = true;
        handleNext();
    }
}

void TelegramDesk::handleNext()
{
    if (!m_context.running)
        return; // the offset is not stored: a restart sees the rest of the batch again
    if (m_pending.empty())
        return finishBatch();
    const TelegramUpdate update = m_pending.front();
    m_pending.pop_front();
    // Queued, so a long batch never nests one handler inside another's callback.
    handle(update, [this] { QMetaObject::invokeMethod(this, [this] { handleNext(); }, Qt::QueuedConnection); });
}

void TelegramDesk::finishBatch()
{
    // Stored before Telegram is told (by the next getUpdates) that these updates are handled.
    if (const Status saved = m_steps.services.journal->saveTelegramOffset(m_batchOffset); !saved) {
        m_steps.alerts.journalFailure(QStringLiteral("storing the Telegram offset"), saved.error());
        m_context.clock.callAfter(std::chrono::seconds(5), this, [this] { finishBatch(); });
        return;
    }
    m_handling = false;
    m_poller->commit(m_batchOffset);
    Q_EMIT batchHandled(m_batchOffset);
    Q_EMIT stateChanged();
}

void TelegramDesk::handle(const TelegramUpdate& update, const Next& next)
{
    switch (m_policy.classify(update)) {
    case OperatorDecision::Act:
        ++m_handled;
        if (const auto* press = std::get_if<CallbackPress>(&update))
            return onPress(*press, next);
        if (const auto* command = std::get_if<CommandMessage>(&update))
            return onCommand(*command, next);
        return next();
    case OperatorDecision::RefuseNotAuthorised:
        refuse(update);
        return next();
    case OperatorDecision::IgnoreOtherChat:
    case OperatorDecision::IgnoreNotOurs:
        return next();
    }
    next();
}

void TelegramDesk::refuse(const TelegramUpdate& update)
{
    const qint64 userId = userOf(update);
    const RefusalDecision decision = m_refusals.admit(userId);
    log::notify()->warn("telegram: refused an update from user {}: not in telegram.operators", userId);
    if (decision.reply) {
        if (const auto* press = std::get_if<CallbackPress>(&update))
            answer(*press, QStringLiteral("Not authorised."));
        else
            reply(QStringLiteral("Not authorised: ask the desk's owner to add your user id to telegram.operators."));
    }
    if (decision.alert) {
        const QString name = usernameOf(update);
        m_steps.alerts.raise(Alert::Severity::Warning, alertkind::telegramUnauthorised, {},
                             QStringLiteral("Telegram user %1%2 is not in telegram.operators: %3 attempt(s) refused")
                                 .arg(userId)
                                 .arg(name.isEmpty() ? QString() : QStringLiteral(" (@%1)").arg(name))
                                 .arg(decision.attempts));
    }
    Q_EMIT stateChanged();
}

// ---- buttons --------------------------------------------------------------------------------------

void TelegramDesk::onPress(const CallbackPress& press, const Next& next)
{
    Journal& journal = *m_steps.services.journal;
    const auto recordedMessage = [this, &journal](const CallbackToken& token) -> std::optional<qint64> {
        if (token.action == CallbackAction::FlattenConfirm || token.action == CallbackAction::FlattenCancel) {
            const auto question = m_flattenQuestions.constFind(token.subjectId);
            return question == m_flattenQuestions.constEnd() ? std::nullopt : std::optional<qint64>(question->messageId);
        }
        const auto record = journal.telegramMessage(token.subjectId);
        return record && record.value() ? std::optional<qint64>(record.value()->messageId) : std::nullopt;
    };
    const CallbackCheck check = CallbackTokenCodec::verify(m_key, press.data, m_policy.chatId(), press.chatId,
                                                           press.messageId, recordedMessage);
    if (check.verdict != CallbackVerdict::Ok) {
        log::notify()->warn("telegram: press by user {} refused: {}", press.fromUserId,
                            CallbackTokenCodec::verdictName(check.verdict));
        const bool stale = check.verdict == CallbackVerdict::WrongMessage;
        answer(press, stale ? QStringLiteral("This button is no longer valid.")
                            : QStringLiteral("Refused: this button was not made by this desk."));
        if (!stale) {
            m_steps.alerts.raise(Alert::Severity::Warning, alertkind::telegramUnauthorised, {},
                                 QStringLiteral("a Telegram button press by user %1 was refused as %2: nothing was done")
                                     .arg(press.fromUserId)
                                     .arg(CallbackTokenCodec::verdictName(check.verdict)));
        }
        return next();
    }
    switch (check.token.action) {
    case CallbackAction::Approve:
        return decide(press, check.token.subjectId, true, next);
    case CallbackAction::Reject:
        return decide(press, check.token.subjectId, false, next);
    case CallbackAction::FlattenConfirm:
        return onFlattenAnswer(press, check.token.subjectId, true, next);
    case CallbackAction::FlattenCancel:
        return onFlattenAnswer(press, check.token.subjectId, false, next);
    }
    next();
}

void TelegramDesk::decide(const CallbackPress& press, const QString& proposalId, bool approve, const Next& next)
{
    if (!m_desk.isPending(proposalId)) {
        answerNotPending(press, proposalId);
        return next();
    }
    // Answered at once: Telegram shows a spinner on the button until then.
    answer(press, approve ? QStringLiteral("Approving: data and risk are checked again now.") : QStringLiteral("Rejected."));
    const OperatorOrigin origin = originOf(press.fromUserId, press.fromUsername, press.updateId);
    const auto settled = [next](const DecisionResult& result) {
        if (result.kind == DecisionResult::Kind::Failed)
            log::notify()->error("telegram: the decision could not be recorded: {}", result.reason);
        next(); // the message shows the outcome when the proposal leaves the queue (onProposalChanged)
    };
    if (approve)
        m_desk.approve(proposalId, origin, settled);
    else
        m_desk.reject(proposalId, QStringLiteral("rejected in Telegram by %1").arg(origin.who), origin, settled);
}

void TelegramDesk::answerNotPending(const CallbackPress& press, const QString& proposalId)
{
    Journal& journal = *m_steps.services.journal;
    const auto proposal = journal.proposal(proposalId);
    if (proposal && proposal.value() && proposal.value()->state == ProposalState::Expired)
        return answer(press, QStringLiteral("Expired: it was not decided in time."));
    const auto decided = journal.decidedBy(proposalId);
    if (decided && decided.value()) {
        const OperatorOrigin& by = *decided.value();
        if (by.channel == OperatorChannel::Desktop)
            return answer(press, QStringLiteral("Already decided on the desktop."));
        return answer(press, QStringLiteral("Already decided %1.").arg(viaText(by)));
    }
    answer(press, QStringLiteral("Already decided."));
}

void TelegramDesk::onFlattenAnswer(const CallbackPress& press, const QString& questionId, bool confirmed, const Next& next)
{
    const FlattenQuestion question = m_flattenQuestions.take(questionId);
    if (question.askedAt.secsTo(m_context.clock.now()) > std::chrono::seconds(flattenQuestionLifetime).count()) {
        answer(press, QStringLiteral("This confirmation expired: send /flatten again."));
        return next();
    }
    const OperatorOrigin origin = originOf(press.fromUserId, press.fromUsername, press.updateId);
    DecisionNote note;
    note.kind = confirmed ? DecisionNote::Kind::FlattenConfirmed : DecisionNote::Kind::FlattenCancelled;
    note.byUsername = press.fromUsername;
    note.byUserId = press.fromUserId;
    note.at = m_context.clock.now();
    const auto edit = [this, press, question](const QString& text) {
        m_calls->call(editMessageText, QJsonObject{{QStringLiteral("chat_id"), press.chatId},
                                                   {QStringLiteral("message_id"), question.messageId},
                                                   {QStringLiteral("text"), text.left(TelegramFormatter::maxMessageLength)},
                                                   {QStringLiteral("reply_markup"), TelegramKeyboard::noButtons()}});
    };
    if (!confirmed) {
        answer(press, QStringLiteral("Flatten cancelled."));
        edit(TelegramKeyboard::outcomeText(note));
        return next();
    }
    answer(press, QStringLiteral("Flattening: an exit order for every open position."));
    m_controls.flattenAll(origin, [edit, note, next](const ControlOutcome& outcome) {
        edit(TelegramKeyboard::outcomeText(note) + u'\n' + describeControl(outcome));
        next();
    });
}

// ---- commands -------------------------------------------------------------------------------------

void TelegramDesk::onCommand(const CommandMessage& command, const Next& next)
{
    const OperatorOrigin origin = originOf(command.fromUserId, command.fromUsername, command.updateId);
    const auto replyOutcome = [this](const ControlOutcome& outcome) { reply(describeControl(outcome)); };
    switch (TelegramCommands::parse(command.command)) {
    case TelegramCommand::Status:
        replyStatus();
        return next();
    case TelegramCommand::Positions:
        replyPositions(false);
        return next();
    case TelegramCommand::Pnl:
        replyPositions(true);
        return next();
    case TelegramCommand::Pause:
        m_controls.pause(origin, replyOutcome);
        return next();
    case TelegramCommand::Resume:
        m_controls.resume(origin, replyOutcome);
        return next();
    case TelegramCommand::Flatten:
        return askFlatten(command, next);
    case TelegramCommand::Help:
        reply(TelegramCommands::helpText());
        return next();
    case TelegramCommand::Unknown:
        reply(QStringLiteral("Unknown command /%1.\n%2").arg(command.command.left(TelegramCommands::maxNameLength),
                                                              TelegramCommands::helpText()));
        return next();
    }
    next();
}

void TelegramDesk::askFlatten(const CommandMessage& command, const Next& next)
{
    Q_UNUSED(command)
    m_steps.portfolio.withPortfolio([this](const Result<PortfolioSnapshot>& portfolio) {
        if (!portfolio)
            return reply(QStringLiteral("The account could not be read, nothing to confirm: %1").arg(portfolio.error().message));
        QStringList lines;
        for (const Position& position : portfolio->positions) {
            if (position.quantity != 0)
                lines << QStringLiteral("- %1 %2 %3 (P&L %4 %5)")
                             .arg(position.quantity > 0 ? QStringLiteral("sell") : QStringLiteral("buy"),
                                  QString::number(std::abs(position.quantity)), position.instrumentKey,
                                  money(position.unrealizedPnl()), portfolio->currency);
        }
        if (lines.isEmpty())
            return reply(QStringLiteral("No open positions: nothing to flatten."));
        const QString questionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto markup = TelegramKeyboard::flattenMarkup(m_key, questionId, m_policy.chatId());
        if (!markup)
            return reply(QStringLiteral("Cannot ask: %1").arg(markup.error().message));
        const QString text = QStringLiteral("Close every open position at the market?\n%1\nConfirm within %2 minutes.")
                                 .arg(lines.join(u'\n'))
                                 .arg(flattenQuestionLifetime.count());
        QJsonObject body = TelegramKeyboard::plainMessageBody(m_policy.chatId(), text);
        body.insert(QStringLiteral("reply_markup"), markup.value());
        const QDateTime askedAt = m_context.clock.now();
        m_calls->call(sendMessage, body, [this, questionId, askedAt](const TelegramReply& answer) {
            const QJsonValue messageId = answer.result.toObject().value(u"message_id");
            if (answer.kind == TelegramReply::Kind::Ok && messageId.isDouble())
                m_flattenQuestions.insert(questionId, FlattenQuestion{qint64(messageId.toDouble()), askedAt});
        });
    });
    next();
}

void TelegramDesk::replyStatus()
{
    QStringList stale;
    for (const auto& runtime : m_steps.instruments.all()) {
        if (runtime->snapshot.freshness == Freshness::Stale)
            stale << runtime->instrument.symbol;
    }
    QString text = QStringLiteral("Trade Sentinel: %1, mode %2\n")
                       .arg(m_context.running ? QStringLiteral("running") : QStringLiteral("stopped"),
                            tradingModeName(m_context.config.mode));
    text += m_controls.paused() ? QStringLiteral("PAUSED by %1 since %2 UTC\n")
                                      .arg(m_controls.pausedBy(), m_controls.pausedAt().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                                : QStringLiteral("trading: proposals on\n");
    text += QStringLiteral("pending proposals: %1\n").arg(m_desk.pendingProposals().size());
    text += QStringLiteral("stale instruments: %1\n").arg(stale.isEmpty() ? QStringLiteral("none") : stale.join(u", "));
    m_steps.portfolio.withPortfolio([this, text](const Result<PortfolioSnapshot>& portfolio) {
        if (!portfolio)
            return reply(text + QStringLiteral("open positions: unknown (%1)").arg(portfolio.error().message));
        int open = 0;
        for (const Position& position : portfolio->positions)
            open += position.quantity != 0 ? 1 : 0;
        reply(text + QStringLiteral("open positions: %1").arg(open));
    });
}

void TelegramDesk::replyPositions(bool withPnl)
{
    m_steps.portfolio.withPortfolio([this, withPnl](const Result<PortfolioSnapshot>& portfolio) {
        if (!m_context.running)
            return; // an answer to an engine going down: its journal and origins are going too
        if (!portfolio)
            return reply(QStringLiteral("The account could not be read: %1").arg(portfolio.error().message));
        QStringList lines;
        double unrealised = 0;
        if (m_origins)
            m_origins->refresh(m_context.stats.executions); // reads the journal only after a new fill
        for (const Position& position : portfolio->positions) {
            if (position.quantity == 0)
                continue;
            unrealised += position.unrealizedPnl();
            QString line = QStringLiteral("%1: %2 @ %3, now %4, P&L %5 %6")
                               .arg(position.instrumentKey, QString::number(position.quantity), QString::number(position.averagePrice),
                                    QString::number(position.marketPrice), money(position.unrealizedPnl()), portfolio->currency);
            // As the Positions panel shows them (ADR 0140); left out when the journal cannot say.
            const std::optional<PositionOrigin> origin =
                m_origins ? m_origins->of(position.instrumentKey, position.quantity) : std::nullopt;
            if (origin && origin->stopPrice)
                line += QStringLiteral(", stop %1").arg(QString::number(*origin->stopPrice, 'g', 10));
            if (origin && origin->openedAt.isValid())
                line += QStringLiteral(", opened %1").arg(origin->openedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
            lines << line;
        }
        QString text = lines.isEmpty() ? QStringLiteral("No open positions.") : lines.join(u'\n');
        if (withPnl) {
            text = QStringLiteral("Equity %1 %2, cash %3 %2\nunrealised P&L %4 %2\n%5\n%6")
                       .arg(money(portfolio->equity), portfolio->currency, money(portfolio->balance), money(unrealised),
                            realisedText(portfolio->currency), text);
        }
        reply(text);
    });
}

QString TelegramDesk::realisedText(const QString& currency) const
{
    // Today and this week in UTC, the week from Monday: the journal's round trips closed in them.
    const QDateTime now = m_context.clock.now().toUTC();
    const QDate today = now.date();
    const QDateTime dayStart(today, QTime(0, 0), Qt::UTC);
    const QDateTime weekStart(today.addDays(1 - today.dayOfWeek()), QTime(0, 0), Qt::UTC);
    const auto fills = m_steps.services.journal->fills(now.addMSecs(1));
    if (!fills)
        return QStringLiteral("realised P&L: the journal could not be read (%1)").arg(fills.error().message);
    return QStringLiteral("realised P&L today %1 %3, this week %2 %3 (UTC)")
        .arg(money(realisedPnl(fills.value(), dayStart, now.addMSecs(1))), money(realisedPnl(fills.value(), weekStart, now.addMSecs(1))),
             currency);
}

QString TelegramDesk::describeControl(const ControlOutcome& outcome)
{
    return outcome.refused ? QStringLiteral("Not done: %1").arg(outcome.message) : outcome.message;
}

void TelegramDesk::reply(const QString& text)
{
    m_calls->call(sendMessage, TelegramKeyboard::plainMessageBody(m_policy.chatId(), text.left(TelegramFormatter::maxMessageLength)));
}

void TelegramDesk::answer(const CallbackPress& press, const QString& text)
{
    m_calls->call(answerCallbackQuery, TelegramKeyboard::answerCallbackBody(press.queryId, text), {}, true);
}

// ---- the proposal's message shows how it ended ------------------------------------------------------

void TelegramDesk::recordQuestion(const QString& proposalId, qint64 chatId, qint64 messageId)
{
    Journal& journal = *m_steps.services.journal;
    if (const Status recorded = journal.recordTelegramMessage(TelegramMessageRecord{proposalId, chatId, messageId,
                                                                                    m_context.clock.now(), false});
        !recorded)
        return m_steps.alerts.journalFailure(QStringLiteral("recording a proposal's Telegram message"), recorded.error());
    // Decided (or expired) while the question was on its way: show the outcome at once.
    const auto proposal = journal.proposal(proposalId);
    if (proposal && proposal.value() && proposal.value()->state != ProposalState::Pending
        && proposal.value()->state != ProposalState::Approved) {
        ProposalView view;
        view.id = proposalId;
        view.state = proposal.value()->state;
        view.resolution = proposal.value()->resolution;
        view.resolvedAt = proposal.value()->resolvedAt;
        showOutcome(view);
    }
}

void TelegramDesk::onProposalChanged(const ProposalView& proposal)
{
    switch (proposal.state) {
    case ProposalState::Executed:
    case ProposalState::Rejected:
    case ProposalState::Expired:
    case ProposalState::Refused:
        showOutcome(proposal);
        return;
    case ProposalState::Pending:
    case ProposalState::Approved:
        return;
    }
}

void TelegramDesk::showOutcome(const ProposalView& view)
{
    Journal& journal = *m_steps.services.journal;
    const auto record = journal.telegramMessage(view.id);
    if (!record || !record.value() || record.value()->outcomeShown)
        return;
    const auto proposal = journal.proposal(view.id);
    if (!proposal || !proposal.value())
        return;
    DecisionNote note;
    note.at = view.resolvedAt.isValid() ? view.resolvedAt : m_context.clock.now();
    switch (view.state) {
    case ProposalState::Executed:
        note.kind = DecisionNote::Kind::Approved;
        if (view.fill)
            note.fill = DecisionNote::Fill{view.fill->quantity, view.fill->price};
        break;
    case ProposalState::Rejected:
        note.kind = DecisionNote::Kind::Rejected;
        break;
    case ProposalState::Refused:
        note.kind = DecisionNote::Kind::Refused;
        note.detail = view.resolution;
        break;
    case ProposalState::Expired:
    case ProposalState::Pending:
    case ProposalState::Approved:
        note.kind = DecisionNote::Kind::Expired;
        break;
    }
    if (note.kind == DecisionNote::Kind::Approved || note.kind == DecisionNote::Kind::Rejected) {
        if (const auto decided = journal.decidedBy(view.id); decided && decided.value())
            note.via = viaText(*decided.value());
    }
    const QList<TelegramPart> parts = TelegramFormatter::render(proposalQuestion(*proposal.value()));
    const TelegramPart original = parts.isEmpty() ? TelegramPart{} : parts.last();
    const qint64 chatId = record.value()->chatId;
    const qint64 messageId = record.value()->messageId;
    const QString proposalId = view.id;
    m_calls->call(editMessageText, TelegramKeyboard::editOutcomeBody(chatId, messageId, original, note),
                  [this, chatId, messageId, original, note, proposalId](const TelegramReply& reply) {
                      if (reply.kind == TelegramReply::Kind::ParseError) {
                          m_calls->call(editMessageText, TelegramKeyboard::editOutcomeBody(chatId, messageId, original, note, true));
                      }
                      // Shown, or refused for good (the message is gone, or too old to edit): not tried again.
                      if (const Status marked = m_steps.services.journal->markTelegramOutcomeShown(proposalId); !marked)
                          m_steps.alerts.journalFailure(QStringLiteral("marking a Telegram outcome shown"), marked.error());
                  });
}

} // namespace sentinel

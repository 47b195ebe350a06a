// SPDX-License-Identifier: GPL-3.0-or-later
#include "SoakChecks.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace sentinel::soak {

namespace {

constexpr qsizetype maxProblemsListed = 20;
constexpr qint64 dayMs = 86'400'000;

QString instant(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

double dayOf(const SoakFacts& facts, qint64 ms)
{
    return double(ms - facts.fromMs) / double(dayMs);
}

} // namespace

QString channelName(DeliveryRequest::Channel channel)
{
    return channel == DeliveryRequest::Channel::Telegram ? QStringLiteral("telegram") : QStringLiteral("webhook");
}

QString endName(ChildRun::End end)
{
    switch (end) {
    case ChildRun::End::KilledBySoak: return QStringLiteral("killed");
    case ChildRun::End::Exited: return QStringLiteral("exited");
    case ChildRun::End::Crashed: return QStringLiteral("crashed");
    case ChildRun::End::Hung: return QStringLiteral("hung");
    }
    return {};
}

void CheckResult::addProblem(const QString& problem)
{
    passed = false;
    if (problems.size() < maxProblemsListed)
        problems << problem;
    else
        ++problemsNotListed;
}

QJsonObject CheckResult::toJson() const
{
    QJsonObject json{{QStringLiteral("name"), name},
                     {QStringLiteral("passed"), passed},
                     {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
                     {QStringLiteral("figures"), figures}};
    if (problemsNotListed > 0)
        json.insert(QStringLiteral("problems_not_listed"), problemsNotListed);
    return json;
}

CheckResult checkRuns(const SoakFacts& facts)
{
    CheckResult result{QStringLiteral("runs_end_as_planned"), true, {}, 0, {}};
    int kills = 0;
    for (const ChildRun& run : facts.runs) {
        const bool last = &run == &facts.runs.constLast();
        switch (run.end) {
        case ChildRun::End::KilledBySoak:
            ++kills;
            if (last)
                result.addProblem(QStringLiteral("run %1 was killed and never restarted").arg(run.number));
            break;
        case ChildRun::End::Exited:
            if (run.exitCode != 0)
                result.addProblem(QStringLiteral("run %1 (pid %2) exited with status %3").arg(run.number).arg(run.pid).arg(run.exitCode));
            else if (!last)
                result.addProblem(QStringLiteral("run %1 exited before the soak ended").arg(run.number));
            break;
        case ChildRun::End::Crashed:
            result.addProblem(QStringLiteral("run %1 (pid %2) crashed (exit status %3)").arg(run.number).arg(run.pid).arg(run.exitCode));
            break;
        case ChildRun::End::Hung:
            result.addProblem(QStringLiteral("run %1 (pid %2) made no progress and was stopped").arg(run.number).arg(run.pid));
            break;
        }
    }
    if (facts.runs.isEmpty()) {
        result.addProblem(QStringLiteral("no run was started"));
    } else {
        const ChildRun& last = facts.runs.constLast();
        const QString reached = last.summary.value(u"simulation").toObject().value(u"to").toString();
        const qint64 reachedMs = QDateTime::fromString(reached, Qt::ISODateWithMs).toMSecsSinceEpoch();
        if (last.end == ChildRun::End::Exited && last.exitCode == 0 && reachedMs != facts.toMs)
            result.addProblem(QStringLiteral("the last run ended at '%1', not at %2").arg(reached, instant(facts.toMs)));
    }
    if (kills != facts.killsPlanned)
        result.addProblem(QStringLiteral("%1 of the %2 planned kills happened").arg(kills).arg(facts.killsPlanned));
    result.figures = QJsonObject{{QStringLiteral("runs"), facts.runs.size()},
                                 {QStringLiteral("kills"), kills},
                                 {QStringLiteral("kills_planned"), facts.killsPlanned}};
    return result;
}

CheckResult checkJournalVerify(const SoakFacts& facts)
{
    CheckResult result{QStringLiteral("journal_verify_passes"), true, {}, 0, {}};
    const VerifyOutcome& verify = facts.verify;
    if (verify.exitCode != 0)
        result.addProblem(QStringLiteral("sentinel journal verify exited %1: %2")
                              .arg(verify.exitCode)
                              .arg(verify.stderrText.trimmed().section(u'\n', 0, 4)));
    if (!verify.report.value(u"passed").toBool(false))
        result.addProblem(QStringLiteral("the verify report does not say passed"));
    int rulesPassed = 0;
    const QJsonArray rules = verify.report.value(u"rules").toArray();
    for (const QJsonValue& value : rules) {
        const QJsonObject rule = value.toObject();
        if (rule.value(u"passed").toBool(false)) {
            ++rulesPassed;
            continue;
        }
        for (const QJsonValue& violation : rule.value(u"violations").toArray())
            result.addProblem(QStringLiteral("%1: %2: %3")
                                  .arg(rule.value(u"name").toString(), violation.toObject().value(u"id").toString(),
                                       violation.toObject().value(u"detail").toString()));
    }
    if (rules.isEmpty())
        result.addProblem(QStringLiteral("the verify report lists no rule"));
    result.figures = QJsonObject{{QStringLiteral("exit_code"), verify.exitCode},
                                 {QStringLiteral("rules"), rules.size()},
                                 {QStringLiteral("rules_passed"), rulesPassed},
                                 {QStringLiteral("counts"), verify.report.value(u"counts")}};
    return result;
}

CheckResult checkExecutions(const SoakFacts& facts)
{
    CheckResult result{QStringLiteral("no_execution_repeated"), true, {}, 0, {}};
    const ExecutionCounts& counts = facts.executionCounts;
    if (counts.executionsPerProposalOverOne > 0)
        result.addProblem(QStringLiteral("%1 proposal(s) executed more than once").arg(counts.executionsPerProposalOverOne));
    if (counts.executionsPerClientOrderOverOne > 0)
        result.addProblem(QStringLiteral("%1 client order id(s) executed more than once").arg(counts.executionsPerClientOrderOverOne));
    if (counts.paperFillsPerClientOrderOverOne > 0)
        result.addProblem(QStringLiteral("%1 client order id(s) filled more than once by the paper platform")
                              .arg(counts.paperFillsPerClientOrderOverOne));
    if (counts.paperFillsWithoutExecution > 0)
        result.addProblem(QStringLiteral("%1 paper fill(s) without a journalled execution").arg(counts.paperFillsWithoutExecution));

    // One trade per signal: the same bar of an instrument acted on twice in the same direction is
    // a repeat, whatever ids the second proposal got.
    std::map<std::tuple<QString, qint64, QString>, QStringList> bySignal;
    for (const ExecutionRow& execution : facts.executions) {
        if (execution.signalBarMs <= 0) {
            result.addProblem(QStringLiteral("execution %1 of %2: no stored bar closed before its proposal at %3")
                                  .arg(execution.orderId, execution.instrumentKey, instant(execution.createdAtMs)));
            continue;
        }
        bySignal[{execution.instrumentKey, execution.signalBarMs, execution.side}] << execution.proposalId;
    }
    int repeated = 0;
    for (const auto& [signal, proposals] : bySignal) {
        if (proposals.size() < 2)
            continue;
        ++repeated;
        const auto& [instrument, barMs, side] = signal;
        result.addProblem(QStringLiteral("%1 %2 on the bar of %3 executed %4 times (proposals %5)")
                              .arg(side, instrument, instant(barMs))
                              .arg(proposals.size())
                              .arg(proposals.join(u", ")));
    }
    result.figures = QJsonObject{{QStringLiteral("executions"), facts.executions.size()},
                                 {QStringLiteral("signal_bars_traded"), qint64(bySignal.size())},
                                 {QStringLiteral("repeated_signal_bars"), repeated}};
    return result;
}

CheckResult checkDeliveries(const SoakFacts& facts)
{
    CheckResult result{QStringLiteral("every_signal_delivered_once"), true, {}, 0, {}};
    QHash<QString, const OutboxRow*> outbox;
    for (const OutboxRow& row : facts.outbox)
        outbox.insert(row.signalId, &row);

    // The request in flight when a run was killed: its answer may never have been read (ADR 0041).
    QSet<qint64> inFlightAtKill;
    for (const ChildRun& run : facts.runs) {
        if (run.end == ChildRun::End::KilledBySoak && run.lastDeliverySequence > 0)
            inFlightAtKill.insert(run.lastDeliverySequence);
    }

    struct Received {
        QList<const DeliveryRequest*> telegram;
        QList<const DeliveryRequest*> webhook;
    };
    QHash<QString, Received> received;
    int requests[2] = {0, 0};
    int accepted[2] = {0, 0};
    for (const DeliveryRequest& request : facts.deliveries) {
        const int channel = request.channel == DeliveryRequest::Channel::Telegram ? 0 : 1;
        ++requests[channel];
        if (request.channel == DeliveryRequest::Channel::Webhook && !request.signatureValid)
            result.addProblem(QStringLiteral("webhook request %1 for signal %2 has a bad signature").arg(request.sequence).arg(request.signalId));
        if (!request.accepted)
            continue;
        ++accepted[channel];
        const auto known = outbox.constFind(request.signalId);
        if (known == outbox.constEnd()) {
            result.addProblem(QStringLiteral("%1 received signal '%2', which the outbox never held")
                                  .arg(channelName(request.channel), request.signalId));
            continue;
        }
        if (request.channel == DeliveryRequest::Channel::Webhook && request.idempotencyKey != (*known)->idempotencyKey)
            result.addProblem(QStringLiteral("webhook request %1 for signal %2 carries Idempotency-Key '%3', the outbox '%4'")
                                  .arg(request.sequence)
                                  .arg(request.signalId, QString::fromLatin1(request.idempotencyKey),
                                       QString::fromLatin1((*known)->idempotencyKey)));
        (request.channel == DeliveryRequest::Channel::Telegram ? received[request.signalId].telegram
                                                                : received[request.signalId].webhook)
            .append(&request);
    }

    QSet<QString> signalled;
    int delivered = 0;
    int byTelegram = 0;
    int byWebhook = 0;
    int rawWebhookDuplicates = 0;
    int tolerated = 0;
    QHash<QString, int> undelivered;
    for (const OutboxRow& row : facts.outbox) {
        signalled.insert(row.signalId);
        if (row.state != u"delivered") {
            ++undelivered[row.state];
            result.addProblem(QStringLiteral("signal %1 is %2, not delivered").arg(row.signalId, row.state));
            continue;
        }
        ++delivered;
        const Received got = received.value(row.signalId);
        if (row.deliveredBy == u"telegram") {
            ++byTelegram;
            if (got.telegram.isEmpty())
                result.addProblem(QStringLiteral("signal %1: the outbox says Telegram delivered it; the Telegram stand-in never accepted it")
                                      .arg(row.signalId));
        } else if (row.deliveredBy == u"webhook") {
            ++byWebhook;
            if (got.webhook.isEmpty())
                result.addProblem(QStringLiteral("signal %1: the outbox says the webhook delivered it; the receiver never accepted it")
                                      .arg(row.signalId));
        } else {
            result.addProblem(QStringLiteral("signal %1 delivered by '%2', which no stand-in plays").arg(row.signalId, row.deliveredBy));
        }
        rawWebhookDuplicates += std::max<int>(0, int(got.webhook.size()) - 1);
        // The receiver processes a webhook key once; a Telegram chat shows every copy.
        const int webhookReceptions = facts.dedupeByIdempotencyKey ? (got.webhook.isEmpty() ? 0 : 1) : int(got.webhook.size());
        const int receptions = webhookReceptions + int(got.telegram.size());
        if (receptions <= 1)
            continue;
        qint64 first = std::numeric_limits<qint64>::max();
        for (const DeliveryRequest* request : got.telegram + got.webhook)
            first = std::min(first, request->sequence);
        if (receptions == 2 && inFlightAtKill.contains(first)) {
            ++tolerated;
            continue;
        }
        result.addProblem(QStringLiteral("signal %1 was received %2 times %3 (telegram %4, webhook %5 accepted requests)")
                              .arg(row.signalId)
                              .arg(receptions)
                              .arg(facts.dedupeByIdempotencyKey ? QStringLiteral("after dedupe") : QStringLiteral("without dedupe"))
                              .arg(got.telegram.size())
                              .arg(got.webhook.size()));
    }
    int unsignalled = 0;
    for (const ExecutionRow& execution : facts.executions) {
        if (signalled.contains(execution.proposalId))
            continue;
        ++unsignalled;
        result.addProblem(QStringLiteral("execution %1 of proposal %2 (%3) never became a signal")
                              .arg(execution.orderId, execution.proposalId, execution.instrumentKey));
    }
    QJsonObject notDelivered;
    for (auto it = undelivered.cbegin(); it != undelivered.cend(); ++it)
        notDelivered.insert(it.key(), it.value());
    result.figures = QJsonObject{{QStringLiteral("signals"), facts.outbox.size()},
                                 {QStringLiteral("delivered"), delivered},
                                 {QStringLiteral("delivered_by_telegram"), byTelegram},
                                 {QStringLiteral("delivered_by_webhook"), byWebhook},
                                 {QStringLiteral("not_delivered"), notDelivered},
                                 {QStringLiteral("executions_without_signal"), unsignalled},
                                 {QStringLiteral("telegram_requests"), requests[0]},
                                 {QStringLiteral("telegram_accepted"), accepted[0]},
                                 {QStringLiteral("webhook_requests"), requests[1]},
                                 {QStringLiteral("webhook_accepted"), accepted[1]},
                                 {QStringLiteral("webhook_duplicates_deduped"), rawWebhookDuplicates},
                                 {QStringLiteral("duplicates_in_flight_at_a_kill"), tolerated},
                                 {QStringLiteral("dedupe_by_idempotency_key"), facts.dedupeByIdempotencyKey}};
    return result;
}

CheckResult checkMemory(const SoakFacts& facts)
{
    CheckResult result{QStringLiteral("memory_flat"), true, {}, 0, {}};
    const qint64 span = facts.toMs - facts.fromMs;
    // Day 10 of 90, scaled to any length; the end of the range.
    const qint64 earlyMs = facts.fromMs + span / 9;
    const qint64 lateMs = facts.toMs;
    // Each level is the median of the samples nearest in simulated time: one sample right after a
    // restart (before the history is loaded) cannot decide it.
    constexpr int nearest = 5;
    const qint64 reach = std::max<qint64>(span / 10, 1);
    const auto levelAt = [&](qint64 atMs, const QString& what) -> qint64 {
        QList<MemorySample> samples = facts.memory;
        std::sort(samples.begin(), samples.end(), [atMs](const MemorySample& a, const MemorySample& b) {
            return std::llabs(a.simulatedMs - atMs) < std::llabs(b.simulatedMs - atMs);
        });
        samples = samples.mid(0, nearest);
        samples.removeIf([&](const MemorySample& s) { return std::llabs(s.simulatedMs - atMs) > reach; });
        if (samples.size() < 3) {
            result.addProblem(QStringLiteral("only %1 memory sample(s) near %2 (%3, day %4)")
                                  .arg(samples.size())
                                  .arg(what, instant(atMs))
                                  .arg(dayOf(facts, atMs), 0, 'f', 2));
            return 0;
        }
        std::sort(samples.begin(), samples.end(), [](const MemorySample& a, const MemorySample& b) { return a.rssKb < b.rssKb; });
        return samples.at(samples.size() / 2).rssKb;
    };
    const qint64 early = levelAt(earlyMs, QStringLiteral("the early point"));
    const qint64 late = levelAt(lateMs, QStringLiteral("the end"));
    qint64 peak = 0;
    std::map<qint64, QList<qint64>> byDay;
    for (const MemorySample& sample : facts.memory) {
        peak = std::max(peak, sample.rssKb);
        byDay[(sample.simulatedMs - facts.fromMs) / dayMs].append(sample.rssKb);
    }
    // The level of each simulated day (median), for the report: where growth starts and stops.
    QJsonArray daily;
    for (auto& [day, values] : byDay) {
        std::sort(values.begin(), values.end());
        daily.append(values.at(values.size() / 2));
    }
    const double ratio = early > 0 ? double(late) / double(early) : 0.0;
    if (early > 0 && late > 0 && ratio > 1.0 + facts.memoryTolerance)
        result.addProblem(QStringLiteral("resident memory grew from %1 KiB (day %2) to %3 KiB (day %4): %5 %, over the %6 % allowed")
                              .arg(early)
                              .arg(dayOf(facts, earlyMs), 0, 'f', 2)
                              .arg(late)
                              .arg(dayOf(facts, lateMs), 0, 'f', 2)
                              .arg((ratio - 1.0) * 100.0, 0, 'f', 1)
                              .arg(facts.memoryTolerance * 100.0, 0, 'f', 0));
    result.figures = QJsonObject{{QStringLiteral("early_day"), std::round(dayOf(facts, earlyMs) * 100) / 100},
                                 {QStringLiteral("late_day"), std::round(dayOf(facts, lateMs) * 100) / 100},
                                 {QStringLiteral("rss_early_kb"), early},
                                 {QStringLiteral("rss_late_kb"), late},
                                 {QStringLiteral("growth_pct"), std::round((ratio - 1.0) * 1000) / 10},
                                 {QStringLiteral("tolerance_pct"), facts.memoryTolerance * 100},
                                 {QStringLiteral("rss_peak_kb"), peak},
                                 {QStringLiteral("rss_by_day_kb"), daily},
                                 {QStringLiteral("samples"), facts.memory.size()}};
    return result;
}

QList<CheckResult> runChecks(const SoakFacts& facts)
{
    return {checkRuns(facts), checkJournalVerify(facts), checkExecutions(facts), checkDeliveries(facts), checkMemory(facts)};
}

} // namespace sentinel::soak

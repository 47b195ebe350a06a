// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace sentinel::soak {

/// One request a delivery stand-in received (Telegram sendMessage or a webhook POST), in arrival
/// order across both. `accepted`: the stand-in answered success, so the message counts as received.
struct DeliveryRequest {
    enum class Channel { Telegram, Webhook };
    Channel channel = Channel::Webhook;
    QString signalId;          ///< from the message (webhook body "id", Telegram text "signal <id>")
    QByteArray idempotencyKey; ///< webhook only
    bool accepted = false;
    bool signatureValid = true; ///< webhook only: X-Sentinel-Signature matches the body
    qint64 sequence = 0;        ///< 1, 2, ... over every delivery request of the soak
    int run = 0;                ///< the child process (1-based) that was current when it arrived
};

[[nodiscard]] QString channelName(DeliveryRequest::Channel channel);

/// How one `sentinel run` child process ended.
struct ChildRun {
    enum class End { KilledBySoak, Exited, Crashed, Hung };
    int number = 0;
    qint64 pid = 0;
    End end = End::Exited;
    int exitCode = 0;
    QString from; ///< --from, or "resume"
    QJsonObject summary; ///< its JSON summary when it exited normally
    qint64 wallMs = 0;
    qint64 lastSimulatedMs = 0; ///< the latest Date it sent the provider
    qint64 lastDeliverySequence = 0; ///< the last delivery request that arrived while it ran
};

[[nodiscard]] QString endName(ChildRun::End end);

/// A row of the signal outbox (notify_outbox) as the journal holds it at the end.
struct OutboxRow {
    QString signalId;
    QByteArray idempotencyKey;
    QString state;
    QString deliveredBy;
};

/// An execution with what identifies the trade it carried out.
struct ExecutionRow {
    QString proposalId;
    QString clientOrderId;
    QString orderId;
    QString instrumentKey;
    QString side;
    bool isExit = false;
    qint64 createdAtMs = 0;
    qint64 signalBarMs = 0; ///< the newest closed bar when the proposal was made: what it acted on
};

/// Duplicates the schema's unique indexes should make impossible, counted anyway: a check that
/// relies on an index must still say so when a file lacks it.
struct ExecutionCounts {
    int executionsPerProposalOverOne = 0;
    int executionsPerClientOrderOverOne = 0;
    int paperFillsPerClientOrderOverOne = 0;
    int paperFillsWithoutExecution = 0;
};

/// Resident memory of the child at an instant of simulated time.
struct MemorySample {
    qint64 simulatedMs = 0;
    qint64 rssKb = 0;
    int run = 0;
};

/// What `sentinel journal verify` said.
struct VerifyOutcome {
    int exitCode = -1;
    QJsonObject report;
    QString stderrText;
};

/// Everything the checks look at, collected by the soak run.
struct SoakFacts {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int killsPlanned = 0;
    double memoryTolerance = 0.10;
    QList<ChildRun> runs;
    VerifyOutcome verify;
    QList<OutboxRow> outbox;
    QList<ExecutionRow> executions;
    ExecutionCounts executionCounts;
    QList<DeliveryRequest> deliveries;
    QList<MemorySample> memory;
    bool dedupeByIdempotencyKey = true; ///< off only to prove the delivery check needs it
};

} // namespace sentinel::soak

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SoakFacts.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sentinel::soak {

/// The outcome of one soak check: passed, what broke (at most a screenful), and the numbers.
struct CheckResult {
    QString name;
    bool passed = false;
    QStringList problems;
    qsizetype problemsNotListed = 0;
    QJsonObject figures;

    void addProblem(const QString& problem);
    [[nodiscard]] QJsonObject toJson() const;
};

/// Every child run ended as planned: killed by the soak exactly as often as planned, the last one
/// exited 0 at the end of the range; no crash, no hang.
[[nodiscard]] CheckResult checkRuns(const SoakFacts& facts);
/// `sentinel journal verify` exited 0 and every rule passed.
[[nodiscard]] CheckResult checkJournalVerify(const SoakFacts& facts);
/// No proposal, client order id or paper fill executed twice, and no signal bar of an instrument
/// traded twice on the same side (a restart that acts on a bar it had acted on already).
[[nodiscard]] CheckResult checkExecutions(const SoakFacts& facts);
/// Every execution became a signal; every signal is delivered, reached the stand-in of the channel
/// the outbox names, and was received exactly once after the receiver's Idempotency-Key dedupe.
/// The one extra copy ADR 0041 allows is tolerated only for the request in flight at a kill.
[[nodiscard]] CheckResult checkDeliveries(const SoakFacts& facts);
/// Resident memory at the end of the range is at most `memoryTolerance` above its level at one
/// ninth of the range (day 10 of 90).
[[nodiscard]] CheckResult checkMemory(const SoakFacts& facts);

[[nodiscard]] QList<CheckResult> runChecks(const SoakFacts& facts);

} // namespace sentinel::soak

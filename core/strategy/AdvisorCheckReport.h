// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Issue.h"
#include "config/AdvisorSettings.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace sentinel {

/// What the advisor test found for one model server: a row of `sentinel advisor test`'s
/// `providers` and of the Settings dialog's Advisor page. Never holds a secret.
struct AdvisorServerCheck {
    /// Kind, model and server: "ollama llama3.2:latest at http://127.0.0.1:11434".
    QString name;
    bool reachable = false;    ///< the server answered its health check (with anything)
    bool modelPresent = false; ///< the server lists the configured model
    /// Of the health check; none when it did not answer.
    std::optional<std::chrono::milliseconds> latency;
    bool validOutput = false; ///< its answer to the fixed test prompt was valid advice
    /// The first thing that went wrong (kind, message, remedy); none when all is well.
    std::optional<Error> error;
    /// The advisor refused the row's settings (base_url, model) before sending anything: the
    /// user's to fix, like a configuration error.
    bool refused = false;

    [[nodiscard]] bool passed() const { return !error.has_value(); }
};

/// The advisor test's answer: one row per `advisor.providers` row, in the configuration's
/// order, or why the test could not run at all.
struct AdvisorCheckReport {
    enum class Verdict {
        AllGood,      ///< every server answered with valid advice
        ServerFailed, ///< a server unreachable, without its model, or with an invalid answer
        BadConfig,    ///< nothing to test, or settings the advisor refuses
    };

    QList<AdvisorServerCheck> servers;
    std::optional<Error> blocker; ///< why nothing ran (no providers, a configuration error)

    [[nodiscard]] Verdict verdict() const;
};

/// Whether a configuration issue stops the advisor test: an error in `advisor` or in the file
/// as a whole. Others are notes, so the advisor can be tried while the rest is unfinished.
[[nodiscard]] bool blocksAdvisorCheck(const Issue& issue);

/// What keeps the advisor test from running (no model server configured), with what to add;
/// nullopt when it can run.
[[nodiscard]] std::optional<Error> advisorCheckBlocker(const AdvisorSettings& settings);

/// How a report names a model server: its kind, model and base URL with no user info, query or
/// fragment, so nothing secret can be shown even for a URL the advisor refuses.
[[nodiscard]] QString modelServerName(ModelServerKind kind, const QString& model, const QUrl& baseUrl);

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::AdvisorCheckReport)

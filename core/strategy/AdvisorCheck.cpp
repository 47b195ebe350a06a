// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/AdvisorCheck.h"

#include "advisor/AdvisorError.h"
#include "advisor/ProviderFactory.h"
#include "common/SystemClock.h"
#include "net/NetLimits.h"
#include "strategy/AdvisorTestPrompt.h"

#include <QMetaObject>

#include <algorithm>

namespace sentinel {

namespace ae = advisor::advisorError;

namespace {

/// Whether `error` means the server gave no answer at all (down, refused, silent until the
/// deadline), as opposed to an answer that was an error.
bool noAnswer(const Error& error)
{
    return error.kind == QString::fromUtf16(ae::Unreachable) || error.kind == QString::fromUtf16(net::DeadlineExceeded);
}

Error modelMissing(const advisor::LlmProvider& provider)
{
    const QString model = provider.model();
    if (provider.kind() == advisor::ProviderKind::Ollama)
        return ae::make(ae::ModelNotFound, QStringLiteral("Ollama at %1 does not have the model %2").arg(provider.baseUrl().toDisplayString(), model),
                        QStringLiteral("run `ollama pull %1`, or name a model `ollama list` shows").arg(model));
    return ae::make(ae::ModelNotFound,
                    QStringLiteral("the server at %1 does not list the model %2").arg(provider.baseUrl().toDisplayString(), model),
                    QStringLiteral("name a model the server's /v1/models lists"));
}

} // namespace

AdvisorCheck::AdvisorCheck(AdvisorSettings settings, Clock* clock, QObject* parent)
    : QObject(parent), m_settings(std::move(settings)), m_clock(clock ? clock : new SystemClock(this))
{
    qRegisterMetaType<AdvisorCheckReport>();
}

AdvisorCheck::~AdvisorCheck()
{
    // The providers' pending callbacks capture `this`: they go first, and answer nothing more.
    m_finished = true;
    m_clock->cancel(m_deadlineTimer);
    qDeleteAll(m_providers);
}

std::chrono::milliseconds AdvisorCheck::deadline() const
{
    std::chrono::milliseconds longest{0};
    for (const ModelServerSettings& server : m_settings.providers)
        longest = std::max<std::chrono::milliseconds>(longest, server.timeout);
    return 3 * longest;
}

void AdvisorCheck::start()
{
    if (const auto blocker = advisorCheckBlocker(m_settings)) {
        m_report.blocker = *blocker;
        finish();
        return;
    }
    for (qsizetype i = 0; i < m_settings.providers.size(); ++i) {
        const ModelServerSettings& server = m_settings.providers[i];
        AdvisorServerCheck row;
        const auto made = advisor::makeProvider(advisor::providerSettings(server), this);
        if (made) {
            row.name = modelServerName(server.kind, made.value()->model(), made.value()->baseUrl());
        } else {
            row.name = modelServerName(server.kind, server.model, server.baseUrl);
            row.refused = true;
            row.error = Error(made.error().kind, QStringLiteral("advisor.providers[%1]: %2").arg(i).arg(made.error().message),
                              made.error().remedy);
        }
        m_report.servers.append(row);
        m_providers.append(made ? made.value() : nullptr);
        m_settled.append(!made);
    }
    m_deadlineTimer = m_clock->callAfter(deadline(), this, [this] { onDeadline(); });
    for (int i = 0; i < int(m_providers.size()); ++i) {
        if (m_providers[i])
            checkServer(i);
    }
    if (!m_settled.contains(false))
        finish();
}

void AdvisorCheck::checkServer(int index)
{
    m_providers[index]->checkHealth([this, index](const Result<advisor::ProviderHealth>& health) { onHealth(index, health); });
}

void AdvisorCheck::onHealth(int index, const Result<advisor::ProviderHealth>& health)
{
    if (m_finished || m_settled[index])
        return;
    AdvisorServerCheck& row = m_report.servers[index];
    if (!health) {
        row.reachable = !noAnswer(health.error());
        row.error = health.error();
        settle(index);
        return;
    }
    row.reachable = true;
    row.latency = health.value().latency;
    row.modelPresent = health.value().modelPresent;
    if (!row.modelPresent) {
        row.error = modelMissing(*m_providers[index]);
        settle(index);
        return;
    }
    m_providers[index]->advise(advisorTestPrompt(), [this, index](const advisor::AdviceOutcome& outcome) { onAdvice(index, outcome); });
}

void AdvisorCheck::onAdvice(int index, const advisor::AdviceOutcome& outcome)
{
    if (m_finished || m_settled[index])
        return;
    AdvisorServerCheck& row = m_report.servers[index];
    row.validOutput = outcome.advice.ok();
    if (!outcome.advice)
        row.error = outcome.advice.error();
    settle(index);
}

void AdvisorCheck::settle(int index)
{
    m_settled[index] = true;
    if (!m_settled.contains(false))
        finish();
}

void AdvisorCheck::onDeadline()
{
    m_deadlineTimer = 0;
    const qint64 seconds = std::chrono::duration_cast<std::chrono::seconds>(deadline()).count();
    for (qsizetype i = 0; i < m_settled.size(); ++i) {
        if (m_settled[i])
            continue;
        m_report.servers[i].error =
            Error(QString::fromUtf16(net::DeadlineExceeded), QStringLiteral("the test did not finish within %1 s").arg(seconds),
                  QStringLiteral("check the server is not stalled, or raise the provider's timeout_s"));
        m_settled[i] = true;
    }
    finish();
}

void AdvisorCheck::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_deadlineTimer != 0)
        m_clock->cancel(m_deadlineTimer);
    // Later, from the event loop: a caller that connects after start() still hears the answer.
    QMetaObject::invokeMethod(this, [this] { Q_EMIT finished(m_report); }, Qt::QueuedConnection);
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "engine/Snapshots.h"
#include "journal/Alert.h"

#include <QObject>

namespace sentinel {

class Journal;
struct EngineContext;

/// Where every step of the engine reports what the operator must see: each alert is journalled
/// (so it survives a restart until acknowledged), counted for the run summary, logged, and
/// handed to the UI.
class AlertSink final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertSink)
public:
    explicit AlertSink(EngineContext& context, QObject* parent = nullptr);

    /// Null until the journal is open; alerts raised before then are shown, not journalled.
    void setJournal(Journal* journal) { m_journal = journal; }

    void raise(Alert::Severity severity, const QString& kind, const QString& instrumentKey, const QString& message);
    /// Nothing is acted on without its journal record: says so loudly when writing one failed.
    void journalFailure(const QString& what, const Error& error);
    void acknowledge(const QString& alertId);

Q_SIGNALS:
    void raised(const sentinel::AlertView& alert);

private:
    /// Counts the alert for the run summary and hands it to the UI.
    void announce(const Alert& alert);

    EngineContext& m_context;
    Journal* m_journal = nullptr;
};

} // namespace sentinel

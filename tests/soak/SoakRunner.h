// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SoakFacts.h"
#include "StandIns.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <random>

namespace sentinel::soak {

/// What `sentinel_soak` was asked to do.
struct SoakOptions {
    double days = 1;
    quint64 seed = 18;
    int kills = 5;
    QString sentinel;  ///< the binary under test
    QString workDir;   ///< empty: a temporary folder, removed unless --keep or a check failed
    bool keep = false;
    QDateTime from = QDateTime(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC); ///< a Monday
    double memoryTolerance = 0.10;
    int hangSeconds = 120; ///< a child that asks the provider nothing for this long is hung
    FaultPlan faults;
    QStringList sabotage;
};

/// Runs the real `sentinel run --simulate` as a child process against the stand-ins, from
/// `from` for `days` simulated days: kills it with SIGKILL at seeded points, restarts it with
/// --resume until it reaches the end, and samples its resident memory against simulated time.
/// Emits finished() when the last run has ended; facts() then holds what the checks need from
/// the runs and the stand-ins (the journal is read afterwards).
class SoakRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SoakRunner)
public:
    explicit SoakRunner(SoakOptions options, QObject* parent = nullptr);
    ~SoakRunner() override;

    /// Work folder, stand-ins and configuration; false with `error` when something cannot start.
    [[nodiscard]] bool prepare(QString* error);
    void start();

    [[nodiscard]] const SoakFacts& facts() const { return m_facts; }
    [[nodiscard]] QString journalPath() const;
    [[nodiscard]] QString workDir() const { return m_workDir; }
    [[nodiscard]] QJsonObject standInStats() const;
    [[nodiscard]] qint64 wallMs() const { return m_wall.elapsed(); }
    /// Keeps the work folder (a check failed, or --keep).
    void keepWorkDir();

Q_SIGNALS:
    void finished();

private:
    void writeConfig();
    void launch();
    void onChildFinished(int exitCode, QProcess::ExitStatus status);
    void tick();
    void sampleMemory();
    void killChild();

    SoakOptions m_options;
    std::unique_ptr<QTemporaryDir> m_temporary;
    QString m_workDir;
    QString m_configPath;
    QByteArray m_apiKey;
    QByteArray m_telegramToken;
    QByteArray m_webhookSecret;
    DeliveryLedger m_ledger;
    std::unique_ptr<ProviderStandIn> m_provider;
    std::unique_ptr<TelegramStandIn> m_telegram;
    std::unique_ptr<WebhookReceiver> m_webhook;
    SoakFacts m_facts;
    QProcess* m_child = nullptr;
    QElapsedTimer m_runWall;
    QElapsedTimer m_wall;
    QTimer m_ticker;
    QTimer m_sampler;
    std::mt19937_64 m_random;
    QList<qint64> m_killAt;      ///< simulated instants still to kill at, earliest first
    qint64 m_killDueWallMs = -1; ///< armed: kill when m_runWall passes this
    bool m_killing = false;
    bool m_hung = false;
};

} // namespace sentinel::soak

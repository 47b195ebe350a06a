// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"
#include "engine/Snapshots.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace sentinel {

/// File ▸ Simulate… (issue 17, ADR 0137): the operator picks a range of days, instruments from the
/// watchlist and a rule strategy, and starts the engine on a simulated clock in its own thread.
/// The dialog shows its progress and offers Cancel; the finished run opens in the Performance
/// view. It asks, the SimulationHost runs: the dialog itself never touches the engine or a file.
/// Modeless, so the kill switch and the approvals stay in reach while it runs.
class SimulateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulateDialog)
public:
    explicit SimulateDialog(QWidget* parent = nullptr);

    /// The watchlist to choose from (all ticked at first; a later call keeps what was unticked).
    void setInstruments(const QList<Instrument>& instruments);
    /// Lets the day pickers reach today (UTC): the dialog lives across midnights.
    void refreshToday();
    /// What the controls ask for now: [From 00:00 UTC, the day after To 00:00 UTC), at most now.
    [[nodiscard]] SimulationRequest request() const;
    [[nodiscard]] bool isRunning() const { return m_running; }

    [[nodiscard]] QDateEdit* fromEdit() const { return m_from; }
    [[nodiscard]] QDateEdit* toEdit() const { return m_to; }
    [[nodiscard]] QListWidget* instrumentList() const { return m_instruments; }
    [[nodiscard]] QComboBox* strategyBox() const { return m_strategy; }
    [[nodiscard]] QPushButton* runButton() const { return m_run; }
    [[nodiscard]] QPushButton* cancelButton() const { return m_cancel; }
    [[nodiscard]] QProgressBar* progressBar() const { return m_progress; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }

public Q_SLOTS:
    void applyProgress(const sentinel::SimulationProgress& progress);
    void applyOutcome(const sentinel::SimulationOutcome& outcome);

Q_SIGNALS:
    void runRequested(const sentinel::SimulationRequest& request);
    void cancelRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void startRun();
    void setRunning(bool running);
    void updateRunnable();
    /// Shows `text()` in the status line; it is called again after a language change.
    void showStatus(std::function<QString()> text);

    QDateEdit* m_from;
    QDateEdit* m_to;
    QListWidget* m_instruments;
    QComboBox* m_strategy;
    QProgressBar* m_progress;
    QLabel* m_status;
    QDialogButtonBox* m_buttons;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QPushButton* m_close;
    QLabel* m_fromLabel = nullptr;
    QLabel* m_toLabel = nullptr;
    QLabel* m_strategyLabel = nullptr;
    QLabel* m_instrumentsLabel = nullptr;
    std::function<QString()> m_statusText; ///< the status line's text in the present language
    bool m_running = false;
};

} // namespace sentinel

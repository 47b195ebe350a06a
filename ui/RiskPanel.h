// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QDockWidget>

class QGridLayout;
class QGroupBox;
class QLabel;
class QProgressBar;
class QScrollArea;

namespace sentinel {

/// Portfolio risk: VaR and expected shortfall at the configured confidence with the method that
/// produced them, equity, gross exposure, and each limit's usage as a bar with the figures in text.
class RiskPanel final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RiskPanel)
public:
    explicit RiskPanel(QWidget* parent = nullptr);

    void applyRisk(const sentinel::RiskSnapshot& risk);
    [[nodiscard]] const RiskSnapshot& risk() const { return m_risk; }
    /// The usage bar for a limit, by the name the engine gives it; null when unknown.
    [[nodiscard]] QProgressBar* limitBar(const QString& name) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    /// The figures and limits of m_risk in the present language.
    void showRisk();
    void rebuildLimits(const QList<LimitUsage>& limits);

    RiskSnapshot m_risk;
    bool m_hasRisk = false; ///< until the first applyRisk() the figures stay "—"
    QLabel* m_var;
    QLabel* m_shortfall;
    QLabel* m_method;
    QLabel* m_equity;
    QLabel* m_exposure;
    QLabel* m_updated;
    QLabel* m_varCaption = nullptr;
    QLabel* m_shortfallCaption = nullptr;
    QLabel* m_equityCaption = nullptr;
    QLabel* m_exposureCaption = nullptr;
    QLabel* m_updatedCaption = nullptr;
    QGroupBox* m_limitsGroup = nullptr;
    QScrollArea* m_scroll = nullptr;
    QGridLayout* m_limitsLayout;
    QLabel* m_noLimits = nullptr;
    QList<QPair<QLabel*, QProgressBar*>> m_limitRows;
};

} // namespace sentinel

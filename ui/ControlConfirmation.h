// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QMessageBox>

#include <optional>

class QAbstractButton;

namespace sentinel {

/// The questions asked before the operator's controls act on the account (issue 16): flatten
/// all, the kill switch, and closing one position. Each says exactly what will happen and lists
/// the positions it closes (instrument, quantity, price, unrealised P&L). Enter confirms and
/// Escape cancels, as for an approval; callers open() them, never exec(), so the engine's updates
/// keep arriving while the operator reads. `confirmed` is emitted only for the confirm button.
class ControlConfirmation final : public QMessageBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlConfirmation)
public:
    /// `portfolio`: nullopt until the engine has reported the account. With no position open it
    /// says so and has nothing to confirm (confirmButton() is null).
    [[nodiscard]] static ControlConfirmation* flatten(const std::optional<PortfolioView>& portfolio, QWidget* parent);
    /// `paused`: trading is already paused; `pendingProposals`: the queue the switch empties.
    [[nodiscard]] static ControlConfirmation* killSwitch(const std::optional<PortfolioView>& portfolio,
                                                         int pendingProposals, bool paused, QWidget* parent);
    [[nodiscard]] static ControlConfirmation* closePosition(const PositionView& position, const QString& currency,
                                                            QWidget* parent);
    ~ControlConfirmation() override = default;

    /// The button that carries out the control; null when there is nothing to confirm.
    [[nodiscard]] QAbstractButton* confirmButton() const { return m_confirm; }
    /// Cancel, or the only button (OK) when there is nothing to confirm.
    [[nodiscard]] QAbstractButton* cancelButton() const { return m_cancel; }

    /// The positions as an HTML table: instrument, quantity, market price, unrealised P&L.
    [[nodiscard]] static QString positionsTable(const PortfolioView& portfolio, const QPalette& palette);

Q_SIGNALS:
    void confirmed();

private:
    ControlConfirmation(QMessageBox::Icon icon, const QString& title, const QString& objectName, QWidget* parent);
    /// A confirm button with `text` (the default) and Cancel (Escape); without it, only OK.
    void addChoice(const QString& confirmText, const QString& confirmObjectName);
    void addAcknowledgement();
    /// Room for the positions table; called once the text is set.
    void widen();

    QAbstractButton* m_confirm = nullptr;
    QAbstractButton* m_cancel = nullptr;
};

} // namespace sentinel

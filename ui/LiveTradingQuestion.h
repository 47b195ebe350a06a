// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractButton>
#include <QMessageBox>

namespace sentinel {

/// The second yes for live money (issue 14): asked once per start, before the engine starts,
/// when the configuration's orders reach a live account. The default answer, and the answer of
/// Escape or closing the box, is the paper account.
class LiveTradingQuestion final : public QMessageBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveTradingQuestion)
public:
    /// `account`: "OANDA account 001-001-1234567-001".
    LiveTradingQuestion(const QString& account, QWidget* parent = nullptr);
    ~LiveTradingQuestion() override = default;

    [[nodiscard]] QAbstractButton* liveButton() const { return m_live; }
    [[nodiscard]] QAbstractButton* paperButton() const { return m_paper; }

Q_SIGNALS:
    /// `live`: trade on the live account for this run; otherwise on the paper account.
    void answered(bool live);

private:
    QAbstractButton* m_live;
    QAbstractButton* m_paper;
};

} // namespace sentinel

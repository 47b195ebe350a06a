// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LiveTradingQuestion.h"

#include <QPushButton>

namespace sentinel {

LiveTradingQuestion::LiveTradingQuestion(const QString& account, QWidget* parent)
    : QMessageBox(QMessageBox::Warning, tr("Trade with real money?"),
                  tr("This configuration sends approved orders to the live %1. Every order moves real money.\n\n"
                     "Trade live for this run, or use the paper account until the next start?")
                      .arg(account),
                  QMessageBox::NoButton, parent)
{
    setObjectName(QStringLiteral("liveTradingQuestion"));
    m_live = addButton(tr("Trade live"), QMessageBox::AcceptRole);
    m_paper = addButton(tr("Use the paper account"), QMessageBox::RejectRole);
    m_live->setObjectName(QStringLiteral("tradeLiveButton"));
    m_paper->setObjectName(QStringLiteral("usePaperButton"));
    setDefaultButton(qobject_cast<QPushButton*>(m_paper));
    setEscapeButton(m_paper);
    connect(this, &QMessageBox::finished, this, [this] { Q_EMIT answered(clickedButton() == m_live); });
}

} // namespace sentinel

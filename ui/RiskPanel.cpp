// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/RiskPanel.h"

#include "ui/Format.h"
#include "ui/PanelWidgets.h"
#include "ui/Theme.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

namespace sentinel {

namespace {
QLabel* makeValue(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* label = new QLabel(QStringLiteral("—"), parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

/// "portfolio VaR" → "limit_portfolio_VaR": an object name tests and accessibility tools can find.
QString limitObjectName(const QString& name)
{
    QString id = name;
    for (QChar& c : id) {
        if (!c.isLetterOrNumber())
            c = u'_';
    }
    return QStringLiteral("limit_") + id;
}

QString limitFigure(double value)
{
    // Limits are fractions (VaR, drawdown, position) or counts (trades today).
    if (std::abs(value) <= 1.0 && value != std::floor(value))
        return Format::percent(value, 2);
    return QLocale().toString(value, 'g', 6);
}
} // namespace

RiskPanel::RiskPanel(QWidget* parent)
    : QDockWidget(parent),
      m_var(makeValue(QStringLiteral("varLabel"), tr("Value at risk"), this)),
      m_shortfall(makeValue(QStringLiteral("expectedShortfallLabel"), tr("Expected shortfall"), this)),
      m_method(new QLabel(this)),
      m_equity(makeValue(QStringLiteral("equityLabel"), tr("Equity"), this)),
      m_exposure(makeValue(QStringLiteral("exposureLabel"), tr("Gross exposure"), this)),
      m_updated(makeValue(QStringLiteral("riskUpdatedLabel"), tr("Risk updated at"), this)),
      m_limitsLayout(new QGridLayout)
{
    setupDock(this, QStringLiteral("riskDock"), tr("Risk"));

    m_method->setObjectName(QStringLiteral("varMethodBadge"));
    m_method->setAccessibleName(tr("VaR method"));
    m_method->setText(tr("no estimate yet"));
    m_method->setAutoFillBackground(true);
    m_method->setContentsMargins(6, 1, 6, 1);
    m_method->setBackgroundRole(QPalette::AlternateBase);
    m_method->setFrameShape(QFrame::StyledPanel);
    m_method->setToolTip(tr("How VaR was estimated. A bootstrap estimate from few returns is less certain."));
    QFont big = m_var->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_var->setFont(big);
    m_shortfall->setFont(big);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);
    auto* figures = new QFormLayout;
    figures->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* varRow = new QHBoxLayout;
    varRow->addWidget(m_var);
    varRow->addWidget(m_method);
    varRow->addStretch(1);
    figures->addRow(tr("VaR:"), varRow);
    figures->addRow(tr("Expected shortfall:"), m_shortfall);
    figures->addRow(tr("Equity:"), m_equity);
    figures->addRow(tr("Gross exposure:"), m_exposure);
    figures->addRow(tr("As of:"), m_updated);
    layout->addLayout(figures);
    auto* limits = new QGroupBox(tr("Limits"), content);
    limits->setObjectName(QStringLiteral("limitsGroup"));
    limits->setLayout(m_limitsLayout);
    m_limitsLayout->setColumnStretch(1, 1);
    m_noLimits = new QLabel(tr("No limits reported yet."), limits);
    m_limitsLayout->addWidget(m_noLimits, 0, 0, 1, 2);
    layout->addWidget(limits);
    layout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    scroll->setAccessibleName(tr("Risk"));
    setWidget(scroll);
}

void RiskPanel::applyRisk(const RiskSnapshot& risk)
{
    m_risk = risk;
    const QString confidence = QLocale().toString(risk.confidence * 100.0, 'f', risk.confidence * 100 == std::floor(risk.confidence * 100) ? 0 : 1);
    m_var->setText(tr("%1 (%2 % confidence, 1 day)").arg(Format::percent(risk.var, 2), confidence));
    m_var->setAccessibleDescription(m_var->text());
    m_shortfall->setText(Format::percent(risk.expectedShortfall, 2));
    m_method->setText(risk.methodLabel.isEmpty() ? tr("no estimate yet") : risk.methodLabel);
    m_equity->setText(Format::money(risk.equity, risk.currency));
    m_exposure->setText(risk.equity > 0
                            ? tr("%1 (%2 of equity)").arg(Format::money(risk.exposure, risk.currency),
                                                          Format::percent(risk.exposure / risk.equity))
                            : Format::money(risk.exposure, risk.currency));
    m_updated->setText(Format::localTime(risk.at));
    m_updated->setToolTip(Format::utcTime(risk.at));
    rebuildLimits(risk.limits);
}

QProgressBar* RiskPanel::limitBar(const QString& name) const
{
    return findChild<QProgressBar*>(limitObjectName(name));
}

void RiskPanel::rebuildLimits(const QList<LimitUsage>& limits)
{
    // Rows are reused while the set of limits stays the same, so an update is just new values.
    while (m_limitRows.size() > limits.size()) {
        auto [label, bar] = m_limitRows.takeLast();
        delete label;
        delete bar;
    }
    while (m_limitRows.size() < limits.size()) {
        const int row = int(m_limitRows.size()) + 1;
        auto* label = new QLabel(this);
        auto* bar = new QProgressBar(this);
        bar->setRange(0, 1000);
        bar->setTextVisible(true);
        m_limitsLayout->addWidget(label, row, 0);
        m_limitsLayout->addWidget(bar, row, 1);
        m_limitRows.append({label, bar});
    }
    m_noLimits->setVisible(limits.isEmpty());
    const QPalette base = palette();
    for (int i = 0; i < int(limits.size()); ++i) {
        const LimitUsage& limit = limits.at(i);
        auto [label, bar] = m_limitRows.at(i);
        const double usage = limit.limit > 0 ? limit.value / limit.limit : 0.0;
        label->setText(limit.name);
        bar->setObjectName(limitObjectName(limit.name));
        bar->setValue(qRound(std::clamp(usage, 0.0, 1.0) * 1000));
        const QString text = tr("%1 of %2 (%3 used)").arg(limitFigure(limit.value), limitFigure(limit.limit),
                                                          Format::percent(usage, 0));
        bar->setFormat(text);
        bar->setAccessibleName(tr("%1 limit usage").arg(limit.name));
        bar->setAccessibleDescription(text);
        QPalette pal = base;
        if (usage >= 1.0)
            pal.setColor(QPalette::Highlight, Theme::negativeColor(base));
        else if (usage >= 0.8)
            pal.setColor(QPalette::Highlight, Theme::warningColor(base));
        bar->setPalette(pal);
    }
}

} // namespace sentinel

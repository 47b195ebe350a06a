// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/RiskPanel.h"

#include "ui/Format.h"
#include "ui/PanelWidgets.h"
#include "ui/Theme.h"

#include <QEvent>
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
QLabel* makeValue(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(QStringLiteral("—"), parent);
    label->setObjectName(objectName);
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
      m_var(makeValue(QStringLiteral("varLabel"), this)),
      m_shortfall(makeValue(QStringLiteral("expectedShortfallLabel"), this)),
      m_method(new QLabel(this)),
      m_equity(makeValue(QStringLiteral("equityLabel"), this)),
      m_exposure(makeValue(QStringLiteral("exposureLabel"), this)),
      m_updated(makeValue(QStringLiteral("riskUpdatedLabel"), this)),
      m_limitsLayout(new QGridLayout)
{
    setupDock(this, QStringLiteral("riskDock"), QString());

    m_method->setObjectName(QStringLiteral("varMethodBadge"));
    m_method->setAutoFillBackground(true);
    m_method->setContentsMargins(6, 1, 6, 1);
    m_method->setBackgroundRole(QPalette::AlternateBase);
    m_method->setFrameShape(QFrame::StyledPanel);
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
    // Row labels are kept for retranslate(); each names its field as its buddy, as addRow(text, field) did.
    const auto rowLabel = [content](QWidget* field) {
        auto* label = new QLabel(content);
        label->setBuddy(field);
        return label;
    };
    figures->addRow(m_varCaption = new QLabel(content), varRow);
    figures->addRow(m_shortfallCaption = rowLabel(m_shortfall), m_shortfall);
    figures->addRow(m_equityCaption = rowLabel(m_equity), m_equity);
    figures->addRow(m_exposureCaption = rowLabel(m_exposure), m_exposure);
    figures->addRow(m_updatedCaption = rowLabel(m_updated), m_updated);
    layout->addLayout(figures);
    m_limitsGroup = new QGroupBox(content);
    m_limitsGroup->setObjectName(QStringLiteral("limitsGroup"));
    m_limitsGroup->setLayout(m_limitsLayout);
    m_limitsLayout->setColumnStretch(1, 1);
    m_noLimits = new QLabel(m_limitsGroup);
    m_limitsLayout->addWidget(m_noLimits, 0, 0, 1, 2);
    layout->addWidget(m_limitsGroup);
    layout->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(content);
    setWidget(m_scroll);
    retranslate();
}

void RiskPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

// Texts set here are set again after a language change.
void RiskPanel::retranslate()
{
    setDockTitle(this, tr("Risk"));
    m_var->setAccessibleName(tr("Value at risk"));
    m_shortfall->setAccessibleName(tr("Expected shortfall"));
    m_equity->setAccessibleName(tr("Equity"));
    m_exposure->setAccessibleName(tr("Gross exposure"));
    m_updated->setAccessibleName(tr("Risk updated at"));
    m_method->setAccessibleName(tr("VaR method"));
    m_method->setToolTip(tr("How VaR was estimated. A bootstrap estimate from few returns is less certain."));
    m_varCaption->setText(tr("VaR:"));
    m_shortfallCaption->setText(tr("Expected shortfall:"));
    m_equityCaption->setText(tr("Equity:"));
    m_exposureCaption->setText(tr("Gross exposure:"));
    m_updatedCaption->setText(tr("As of:"));
    m_limitsGroup->setTitle(tr("Limits"));
    m_noLimits->setText(tr("No limits reported yet."));
    m_scroll->setAccessibleName(tr("Risk"));
    showRisk();
}

void RiskPanel::applyRisk(const RiskSnapshot& risk)
{
    m_risk = risk;
    m_hasRisk = true;
    showRisk();
}

void RiskPanel::showRisk()
{
    const RiskSnapshot& risk = m_risk;
    m_method->setText(risk.methodLabel.isEmpty() ? tr("no estimate yet") : risk.methodLabel);
    if (!m_hasRisk)
        return;
    const QString confidence = QLocale().toString(risk.confidence * 100.0, 'f', risk.confidence * 100 == std::floor(risk.confidence * 100) ? 0 : 1);
    m_var->setText(tr("%1 (%2 % confidence, 1 day)").arg(Format::percent(risk.var, 2), confidence));
    m_var->setAccessibleDescription(m_var->text());
    m_shortfall->setText(Format::percent(risk.expectedShortfall, 2));
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

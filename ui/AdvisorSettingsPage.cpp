// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AdvisorSettingsPage.h"

#include "ui/ModelServerTable.h"
#include "ui/SecretEdit.h"
#include "ui/Theme.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace sentinel {

namespace {

const QString kAdvisorStrategy = QStringLiteral("llm_advisor");

QString strategyLabel(const QString& name)
{
    if (name == u"sma_cross")
        return AdvisorSettingsPage::tr("Moving-average crossover (sma_cross)");
    if (name == u"rsi_reversion")
        return AdvisorSettingsPage::tr("RSI reversion (rsi_reversion)");
    if (name == kAdvisorStrategy)
        return AdvisorSettingsPage::tr("LLM advisor with a rule fallback (llm_advisor)");
    return name;
}

/// Selects `name`, adding it first when the combo lacks it (a name the loader refused stays
/// visible with its issue instead of being replaced unseen).
void select(QComboBox* combo, const QString& name)
{
    if (combo->findData(name) < 0)
        combo->addItem(name, name);
    combo->setCurrentIndex(combo->findData(name));
}

QLabel* makeWrappingLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

AdvisorSettingsPage::AdvisorSettingsPage(ConfigStore& store, const KnownNames& known, const IssueLabelFactory& issueLabel,
                                         QWidget* parent)
    : QWidget(parent)
{
    auto* top = new QFormLayout;
    m_strategy = new QComboBox(this);
    m_strategy->setObjectName(QStringLiteral("strategyCombo"));
    m_strategy->setAccessibleName(tr("Strategy"));
    m_fallback = new QComboBox(this);
    m_fallback->setObjectName(QStringLiteral("advisorFallbackCombo"));
    m_fallback->setAccessibleName(tr("Fallback rule strategy"));
    for (const QString& name : known.strategies) {
        m_strategy->addItem(strategyLabel(name), name);
        if (name != kAdvisorStrategy)
            m_fallback->addItem(strategyLabel(name), name);
    }
    top->addRow(tr("Strat&egy:"), m_strategy);
    top->addRow(QString(), issueLabel(QStringLiteral("strategy")));

    auto* heading = new QLabel(tr("Model servers the LLM advisor asks (Ollama, or any OpenAI-compatible server):"), this);
    heading->setWordWrap(true);
    m_servers = new ModelServerTable(store, this);
    auto* keyForm = new QFormLayout;
    m_servers->keyEditors()->setAccessibleName(tr("API key of the selected model server"));
    keyForm->addRow(tr("API &key of the selected server:"), m_servers->keyEditors());

    m_add = new QPushButton(tr("&Add server"), this);
    m_add->setObjectName(QStringLiteral("addAdvisorServerButton"));
    m_add->setAccessibleName(tr("Add model server"));
    m_remove = new QPushButton(tr("Re&move server"), this);
    m_remove->setObjectName(QStringLiteral("removeAdvisorServerButton"));
    m_remove->setAccessibleName(tr("Remove selected model server"));
    m_test = new QPushButton(tr("&Test servers"), this);
    m_test->setObjectName(QStringLiteral("advisorTestButton"));
    m_test->setAccessibleName(tr("Test the model servers"));
    m_test->setToolTip(tr("Checks each server's health and asks it one fixed prompt, with the values on this page, "
                          "unsaved ones included, as sentinel advisor test does"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_test);
    m_status = makeWrappingLabel(QStringLiteral("advisorTestStatus"), this);
    m_status->setAccessibleName(tr("Advisor test result"));
    m_detail = makeWrappingLabel(QStringLiteral("advisorTestDetail"), this);
    m_detail->setAccessibleName(tr("Test result of the selected model server"));

    auto* bottom = new QFormLayout;
    bottom->addRow(tr("&Fallback:"), m_fallback);
    bottom->addRow(QString(), issueLabel(QStringLiteral("advisor.fallback")));
    m_fallbackWeight = new QDoubleSpinBox(this);
    m_fallbackWeight->setObjectName(QStringLiteral("advisorFallbackWeightSpin"));
    m_fallbackWeight->setAccessibleName(tr("Weight of the fallback's vote"));
    m_fallbackWeight->setRange(0, 100);
    m_fallbackWeight->setDecimals(2);
    m_fallbackWeight->setToolTip(tr("0: the rule decides only when no model answers in time; more: it also votes"));
    bottom->addRow(tr("Fallback weig&ht:"), m_fallbackWeight);
    bottom->addRow(QString(), issueLabel(QStringLiteral("advisor.fallback_weight")));
    bottom->addRow(QString(), issueLabel(QStringLiteral("advisor")));
    auto* note = new QLabel(tr("The advisor only proposes: every advised trade passes the freshness and risk checks and "
                               "waits for your approval."),
                            this);
    note->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(heading);
    layout->addWidget(m_servers, 1);
    layout->addWidget(issueLabel(QStringLiteral("advisor.providers")));
    layout->addLayout(keyForm);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_detail);
    layout->addLayout(bottom);
    layout->addWidget(note);

    connect(m_strategy, &QComboBox::currentIndexChanged, this, &AdvisorSettingsPage::edited);
    connect(m_fallback, &QComboBox::currentIndexChanged, this, &AdvisorSettingsPage::edited);
    connect(m_fallbackWeight, &QDoubleSpinBox::valueChanged, this, &AdvisorSettingsPage::edited);
    connect(m_servers, &ModelServerTable::edited, this, &AdvisorSettingsPage::edited);
    connect(m_add, &QPushButton::clicked, m_servers, &ModelServerTable::addServer);
    connect(m_remove, &QPushButton::clicked, m_servers, &ModelServerTable::removeCurrentServer);
    connect(m_servers, &QTableWidget::currentCellChanged, this, [this](int row) { m_detail->setText(m_servers->resultDetail(row)); });
    connect(m_test, &QPushButton::clicked, this, [this] {
        setTesting(true);
        showStatus(tr("Testing…"), QColor());
        m_servers->showTesting();
        m_detail->clear();
        Q_EMIT testRequested();
    });
}

void AdvisorSettingsPage::load(const ConfigDraft& draft)
{
    const QSignalBlocker quiet(this);
    select(m_strategy, draft.strategyName);
    select(m_fallback, draft.advisorFallback);
    m_fallbackWeight->setValue(draft.advisorFallbackWeight);
    m_servers->load(draft.advisorProviders);
}

void AdvisorSettingsPage::apply(ConfigDraft& draft) const
{
    draft.strategyName = m_strategy->currentData().toString();
    draft.advisorFallback = m_fallback->currentData().toString();
    draft.advisorFallbackWeight = m_fallbackWeight->value();
    draft.advisorProviders = m_servers->servers();
}

QList<const SecretEdit*> AdvisorSettingsPage::secretEdits() const
{
    return m_servers->secretEdits();
}

void AdvisorSettingsPage::markRows(const QSet<int>& rows)
{
    m_servers->markRows(rows);
}

void AdvisorSettingsPage::setTesting(bool testing)
{
    // Rows stay put while a test runs, so its answer lines up with them.
    m_test->setEnabled(!testing);
    m_add->setEnabled(!testing);
    m_remove->setEnabled(!testing);
}

void AdvisorSettingsPage::showStatus(const QString& text, const QColor& colour)
{
    QPalette colours = palette();
    if (colour.isValid())
        colours.setColor(QPalette::WindowText, colour);
    m_status->setPalette(colours);
    m_status->setText(text);
}

void AdvisorSettingsPage::showCheck(const AdvisorCheckReport& report)
{
    setTesting(false);
    const QColor bad = Theme::negativeColor(palette());
    if (report.blocker) {
        m_servers->showResults({});
        showStatus(tr("Not tested: %1").arg(report.blocker->toString()), bad);
        return;
    }
    if (!m_servers->showResults(report.servers)) {
        showStatus(tr("The servers changed during the test; test again."), bad);
        return;
    }
    m_detail->setText(m_servers->resultDetail(m_servers->currentRow()));
    qsizetype failed = 0;
    for (const AdvisorServerCheck& server : report.servers)
        failed += server.passed() ? 0 : 1;
    switch (report.verdict()) {
    case AdvisorCheckReport::Verdict::AllGood:
        showStatus(tr("Every model server answered the test prompt with valid advice."), Theme::positiveColor(palette()));
        break;
    case AdvisorCheckReport::Verdict::ServerFailed:
        showStatus(tr("%1 of %2 model servers failed the test; each row says why.").arg(failed).arg(report.servers.size()), bad);
        break;
    case AdvisorCheckReport::Verdict::BadConfig:
        showStatus(tr("The advisor refuses the settings of a row; its result says why."), bad);
        break;
    }
}

} // namespace sentinel

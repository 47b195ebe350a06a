// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/BrokerSettingsPage.h"

#include "ui/SecretEdit.h"
#include "ui/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace sentinel {

namespace {

const QString oandaName = QStringLiteral("oanda");
const QString coinbaseName = QStringLiteral("coinbase");

QLabel* makeResultLabel(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

BrokerSettingsPage::BrokerSettingsPage(ConfigStore& store, const IssueLabelFactory& issueLabel, QWidget* parent)
    : QWidget(parent), m_store(store)
{
    auto* form = new QFormLayout;
    m_platform = new QComboBox(this);
    m_platform->setObjectName(QStringLiteral("platformCombo"));
    m_platform->setAccessibleName(tr("Where orders go"));
    m_platform->addItem(tr("Paper account (simulated, no money)"), QStringLiteral("paper"));
    m_platform->addItem(tr("OANDA"), oandaName);
    m_platform->addItem(tr("Coinbase"), coinbaseName);
    form->addRow(tr("&Orders go to:"), m_platform);
    form->addRow(QString(), issueLabel(QStringLiteral("platform")));
    connect(m_platform, &QComboBox::currentIndexChanged, this, &BrokerSettingsPage::edited);

    auto* twoYeses = new QLabel(tr("Real money needs two yeses: the live switch of the broker here, and a yes each time "
                                   "the application starts. Practice is the default."),
                                this);
    twoYeses->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buildOanda(issueLabel));
    layout->addWidget(buildCoinbase(issueLabel));
    layout->addWidget(twoYeses);
    layout->addStretch(1);
}

QPushButton* BrokerSettingsPage::makeCheckButton(const QString& broker, QLabel* result)
{
    // Each its own mnemonic: both sit on one page.
    auto* button = new QPushButton(broker == oandaName ? tr("C&heck OANDA") : tr("Chec&k Coinbase"), this);
    button->setObjectName(broker + QStringLiteral("CheckButton"));
    button->setAccessibleName(tr("Check the %1 connection").arg(broker == oandaName ? tr("OANDA") : tr("Coinbase")));
    button->setToolTip(tr("Connects with the values on this page, unsaved ones included, and reads the account and its "
                          "open positions, as sentinel broker check does"));
    connect(button, &QPushButton::clicked, this, [this, button, result, broker] {
        button->setEnabled(false);
        result->setPalette(palette());
        result->setText(tr("Checking…"));
        Q_EMIT checkRequested(broker);
    });
    return button;
}

QGroupBox* BrokerSettingsPage::buildOanda(const IssueLabelFactory& issueLabel)
{
    m_oanda = new QGroupBox(tr("Use an OANDA account (FX)"), this);
    m_oanda->setObjectName(QStringLiteral("oandaGroup"));
    m_oanda->setCheckable(true);
    auto* form = new QFormLayout(m_oanda);
    m_oandaEnvironment = new QComboBox(m_oanda);
    m_oandaEnvironment->setObjectName(QStringLiteral("oandaEnvironmentCombo"));
    m_oandaEnvironment->setAccessibleName(tr("OANDA environment"));
    m_oandaEnvironment->addItem(tr("Practice (demo money)"), int(BrokerEnvironment::Practice));
    m_oandaEnvironment->addItem(tr("Live (real money)"), int(BrokerEnvironment::Live));
    form->addRow(tr("&Environment:"), m_oandaEnvironment);
    form->addRow(QString(), issueLabel(QStringLiteral("oanda.environment")));
    m_oandaAllowLive = new QCheckBox(tr("Allow orders with &real money on the live environment"), m_oanda);
    m_oandaAllowLive->setObjectName(QStringLiteral("oandaAllowLiveCheck"));
    m_oandaAllowLive->setAccessibleName(tr("Allow OANDA orders with real money"));
    form->addRow(QString(), m_oandaAllowLive);
    form->addRow(QString(), issueLabel(QStringLiteral("oanda.allow_live")));
    m_oandaAccount = new QLineEdit(m_oanda);
    m_oandaAccount->setObjectName(QStringLiteral("oandaAccountEdit"));
    m_oandaAccount->setAccessibleName(tr("OANDA account id"));
    m_oandaAccount->setPlaceholderText(QStringLiteral("101-004-1234567-001"));
    form->addRow(tr("&Account id:"), m_oandaAccount);
    form->addRow(QString(), issueLabel(QStringLiteral("oanda.account_id")));
    m_oandaToken = new SecretEdit(m_store, QStringLiteral("oandaTokenEdit"), tr("OANDA API token"), m_oanda);
    form->addRow(tr("API &token:"), m_oandaToken);
    form->addRow(QString(), issueLabel(QStringLiteral("oanda.token")));
    form->addRow(QString(), issueLabel(QStringLiteral("oanda")));
    m_oandaResult = makeResultLabel(QStringLiteral("oandaCheckResult"), tr("OANDA check result"), m_oanda);
    form->addRow(makeCheckButton(oandaName, m_oandaResult), m_oandaResult);

    connect(m_oanda, &QGroupBox::toggled, this, &BrokerSettingsPage::edited);
    connect(m_oandaEnvironment, &QComboBox::currentIndexChanged, this, &BrokerSettingsPage::edited);
    connect(m_oandaAllowLive, &QCheckBox::toggled, this, &BrokerSettingsPage::edited);
    connect(m_oandaAccount, &QLineEdit::textChanged, this, &BrokerSettingsPage::edited);
    connect(m_oandaToken, &SecretEdit::edited, this, &BrokerSettingsPage::edited);
    return m_oanda;
}

QGroupBox* BrokerSettingsPage::buildCoinbase(const IssueLabelFactory& issueLabel)
{
    m_coinbase = new QGroupBox(tr("Use a Coinbase key (crypto)"), this);
    m_coinbase->setObjectName(QStringLiteral("coinbaseGroup"));
    m_coinbase->setCheckable(true);
    auto* form = new QFormLayout(m_coinbase);
    m_coinbaseKeyName = new SecretEdit(m_store, QStringLiteral("coinbaseKeyNameEdit"), tr("Coinbase API key name"), m_coinbase);
    form->addRow(tr("Key &name:"), m_coinbaseKeyName);
    form->addRow(QString(), issueLabel(QStringLiteral("coinbase.key_name")));
    m_coinbasePrivateKey = new SecretEdit(m_store, QStringLiteral("coinbasePrivateKeyEdit"), tr("Coinbase private key"), m_coinbase);
    form->addRow(tr("Private ke&y:"), m_coinbasePrivateKey);
    form->addRow(QString(), issueLabel(QStringLiteral("coinbase.private_key")));
    m_coinbaseAllowLive = new QCheckBox(tr("Allow orders (Coinbase has no practice account: every order is real money)"), m_coinbase);
    m_coinbaseAllowLive->setObjectName(QStringLiteral("coinbaseAllowLiveCheck"));
    m_coinbaseAllowLive->setAccessibleName(tr("Allow Coinbase orders with real money"));
    form->addRow(QString(), m_coinbaseAllowLive);
    form->addRow(QString(), issueLabel(QStringLiteral("coinbase.allow_live")));
    form->addRow(QString(), issueLabel(QStringLiteral("coinbase")));
    m_coinbaseResult = makeResultLabel(QStringLiteral("coinbaseCheckResult"), tr("Coinbase check result"), m_coinbase);
    form->addRow(makeCheckButton(coinbaseName, m_coinbaseResult), m_coinbaseResult);

    connect(m_coinbase, &QGroupBox::toggled, this, &BrokerSettingsPage::edited);
    connect(m_coinbaseKeyName, &SecretEdit::edited, this, &BrokerSettingsPage::edited);
    connect(m_coinbasePrivateKey, &SecretEdit::edited, this, &BrokerSettingsPage::edited);
    connect(m_coinbaseAllowLive, &QCheckBox::toggled, this, &BrokerSettingsPage::edited);
    return m_coinbase;
}

void BrokerSettingsPage::load(const ConfigDraft& draft)
{
    const QSignalBlocker quiet(this);
    m_platform->setCurrentIndex(std::max(0, m_platform->findData(draft.platform)));
    m_oanda->setChecked(draft.oandaEnabled);
    m_oandaEnvironment->setCurrentIndex(std::max(0, m_oandaEnvironment->findData(int(draft.oandaEnvironment))));
    m_oandaAllowLive->setChecked(draft.oandaAllowLive);
    m_oandaAccount->setText(draft.oandaAccountId);
    m_oandaToken->load(draft.oandaToken);
    m_coinbase->setChecked(draft.coinbaseEnabled);
    m_coinbaseKeyName->load(draft.coinbaseKeyName);
    m_coinbasePrivateKey->load(draft.coinbasePrivateKey);
    m_coinbaseAllowLive->setChecked(draft.coinbaseAllowLive);
}

void BrokerSettingsPage::apply(ConfigDraft& draft) const
{
    draft.platform = m_platform->currentData().toString();
    draft.oandaEnabled = m_oanda->isChecked();
    draft.oandaEnvironment = BrokerEnvironment(m_oandaEnvironment->currentData().toInt());
    draft.oandaAllowLive = m_oandaAllowLive->isChecked();
    draft.oandaAccountId = m_oandaAccount->text().trimmed();
    draft.oandaToken = m_oandaToken->field();
    draft.coinbaseEnabled = m_coinbase->isChecked();
    draft.coinbaseKeyName = m_coinbaseKeyName->field();
    draft.coinbasePrivateKey = m_coinbasePrivateKey->field();
    draft.coinbaseAllowLive = m_coinbaseAllowLive->isChecked();
}

QList<const SecretEdit*> BrokerSettingsPage::secretEdits() const
{
    return {m_oandaToken, m_coinbaseKeyName, m_coinbasePrivateKey};
}

QLabel* BrokerSettingsPage::resultLabelFor(const QString& broker) const
{
    return broker == coinbaseName ? m_coinbaseResult : m_oandaResult;
}

void BrokerSettingsPage::showCheck(const BrokerCheckOutcome& outcome)
{
    QLabel* result = resultLabelFor(outcome.broker);
    if (auto* button = findChild<QPushButton*>(outcome.broker + QStringLiteral("CheckButton")))
        button->setEnabled(true);
    QPalette colours = palette();
    if (!outcome.report) {
        colours.setColor(QPalette::WindowText, Theme::negativeColor(colours));
        result->setPalette(colours);
        result->setText(tr("Not connected: %1").arg(outcome.error.toString()));
        return;
    }
    const QJsonObject& report = *outcome.report;
    const QLocale locale;
    colours.setColor(QPalette::WindowText, Theme::positiveColor(colours));
    result->setPalette(colours);
    result->setText(tr("Connected to %1 (%2): account %3, balance %4 %5, open positions: %6")
                        .arg(outcome.broker == coinbaseName ? tr("Coinbase") : tr("OANDA"),
                             report.value(QStringLiteral("environment")).toString(),
                             report.value(QStringLiteral("account_id")).toString(),
                             locale.toString(report.value(QStringLiteral("balance")).toDouble(), 'f', 2),
                             report.value(QStringLiteral("currency")).toString(),
                             locale.toString(report.value(QStringLiteral("positions")).toArray().size())));
}

} // namespace sentinel

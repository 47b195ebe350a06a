// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SettingsDialog.h"

#include "config/ConfigLoader.h"
#include "config/ConfigWriter.h"
#include "ui/AdvisorSettingsPage.h"
#include "ui/IssuePlacement.h"
#include "ui/BrokerSettingsPage.h"
#include "ui/SecretEdit.h"
#include "ui/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace sentinel {

namespace {

QDoubleSpinBox* makePercentBox(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setObjectName(objectName);
    box->setAccessibleName(accessibleName);
    // Deliberately wide: the config module's rules decide what is valid and say why.
    box->setRange(0, 100);
    box->setDecimals(2);
    box->setSingleStep(0.5);
    box->setSuffix(QStringLiteral(" %"));
    return box;
}

} // namespace

SettingsDialog::SettingsDialog(ConfigStore& store, QWidget* parent)
    : QDialog(parent), m_store(store), m_base(store.currentYaml()), m_validateTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setAccessibleName(tr("Settings"));
    setWindowModality(Qt::WindowModal);

    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("settingsTabs"));
    tabs->setAccessibleName(tr("Settings pages"));
    tabs->addTab(buildGeneralPage(), tr("&General"));
    tabs->addTab(buildWatchlistPage(), tr("&Watchlist"));
    tabs->addTab(buildDeliveryPage(), tr("&Delivery"));
    tabs->addTab(buildLimitsPage(), tr("&Limits"));
    m_brokers = new BrokerSettingsPage(m_store, [this](const QString& keyPath) { return makeIssueLabel(keyPath); }, this);
    m_brokers->setObjectName(QStringLiteral("brokersPage"));
    tabs->addTab(m_brokers, tr("&Brokers"));
    connect(m_brokers, &BrokerSettingsPage::edited, this, &SettingsDialog::scheduleValidation);
    // The check uses what the page shows now, unsaved secrets included.
    connect(m_brokers, &BrokerSettingsPage::checkRequested, this,
            [this](const QString& broker) { m_store.checkBroker(renderedYaml(), pendingSecrets(), broker); });
    connect(&m_store, &ConfigStore::brokerChecked, m_brokers, &BrokerSettingsPage::showCheck);
    m_advisor = new AdvisorSettingsPage(m_store, m_store.knownNames(), [this](const QString& keyPath) { return makeIssueLabel(keyPath); }, this);
    m_advisor->setObjectName(QStringLiteral("advisorPage"));
    tabs->addTab(m_advisor, tr("Ad&visor"));
    connect(m_advisor, &AdvisorSettingsPage::edited, this, &SettingsDialog::scheduleValidation);
    connect(m_advisor, &AdvisorSettingsPage::testRequested, this, [this] { m_store.checkAdvisor(renderedYaml(), pendingSecrets()); });
    connect(&m_store, &ConfigStore::advisorChecked, m_advisor, &AdvisorSettingsPage::showCheck);
    tabs->addTab(buildAppearancePage(), tr("A&ppearance"));

    m_otherIssues = makeIssueLabel(QStringLiteral("other"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_status->setWordWrap(true);
    m_status->setText(tr("Saved to %1. Changes to the engine take effect at the next start.").arg(store.location()));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveSettingsButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_store, &ConfigStore::saveFinished, this, [this](bool ok, const QString& message) {
        m_buttons->setEnabled(true);
        if (ok) {
            accept();
            return;
        }
        m_status->setText(tr("Not saved: %1").arg(message));
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_otherIssues);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    ConfigLoadOptions baseOptions;
    baseOptions.known = m_store.knownNames(); // or rows on a user calendar's market would be dropped
    baseOptions.fileChecks = FileChecks::Skip; // only its values are used; validateNow() reports problems
    const ConfigLoadResult loaded = ConfigLoader(baseOptions).loadText(m_base, m_store.location());
    loadDraft(ConfigWriter::readDraft(m_base, loaded.config));

    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(200);
    connect(m_validateTimer, &QTimer::timeout, this, &SettingsDialog::validateNow);
    validateNow();
    resize(760, 600); // the Advisor page's table of servers needs the width
}

QLabel* SettingsDialog::makeIssueLabel(const QString& keyPath)
{
    auto* label = new QLabel(this);
    label->setObjectName(QStringLiteral("issue_") + keyPath);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, Theme::negativeColor(pal));
    label->setPalette(pal);
    label->hide();
    if (keyPath != u"other")
        m_issueLabels.insert(keyPath, label);
    return label;
}

void SettingsDialog::addIssueLabel(QFormLayout* form, const QString& keyPath)
{
    form->addRow(QString(), makeIssueLabel(keyPath));
}

void SettingsDialog::watch(QObject* editor)
{
    if (auto* line = qobject_cast<QLineEdit*>(editor))
        connect(line, &QLineEdit::textChanged, this, &SettingsDialog::scheduleValidation);
    else if (auto* check = qobject_cast<QCheckBox*>(editor))
        connect(check, &QCheckBox::toggled, this, &SettingsDialog::scheduleValidation);
    else if (auto* combo = qobject_cast<QComboBox*>(editor))
        connect(combo, &QComboBox::currentIndexChanged, this, &SettingsDialog::scheduleValidation);
    else if (auto* spin = qobject_cast<QDoubleSpinBox*>(editor))
        connect(spin, &QDoubleSpinBox::valueChanged, this, &SettingsDialog::scheduleValidation);
    else if (auto* ispin = qobject_cast<QSpinBox*>(editor))
        connect(ispin, &QSpinBox::valueChanged, this, &SettingsDialog::scheduleValidation);
}

QWidget* SettingsDialog::buildGeneralPage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_mode = new QComboBox(page);
    m_mode->setObjectName(QStringLiteral("modeCombo"));
    m_mode->setAccessibleName(tr("Trading mode"));
    m_mode->addItem(tr("Approval: every trade waits for you"), int(TradingMode::Approval));
    m_mode->addItem(tr("Signal only: send signals, never trade"), int(TradingMode::SignalOnly));
    m_mode->addItem(tr("Autonomous: trade without approval"), int(TradingMode::Autonomous));
    form->addRow(tr("&Mode:"), m_mode);
    addIssueLabel(form, QStringLiteral("mode"));
    m_autonomous = new QCheckBox(tr("Allow &autonomous execution"), page);
    m_autonomous->setObjectName(QStringLiteral("autonomousEnabledCheck"));
    m_autonomous->setAccessibleName(tr("Allow autonomous execution"));
    form->addRow(QString(), m_autonomous);
    addIssueLabel(form, QStringLiteral("autonomous"));
    m_approvalTimeout = new QSpinBox(page);
    m_approvalTimeout->setObjectName(QStringLiteral("approvalTimeoutSpin"));
    m_approvalTimeout->setAccessibleName(tr("Approval timeout in seconds"));
    m_approvalTimeout->setRange(0, 7 * 86400);
    m_approvalTimeout->setSuffix(tr(" s"));
    form->addRow(tr("Approval &timeout:"), m_approvalTimeout);
    addIssueLabel(form, QStringLiteral("approval"));
    auto* where = new QLabel(tr("Configuration file: %1").arg(m_store.location()), page);
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(where);
    for (QObject* editor : {static_cast<QObject*>(m_mode), static_cast<QObject*>(m_autonomous),
                            static_cast<QObject*>(m_approvalTimeout)})
        watch(editor);
    return page;
}

QWidget* SettingsDialog::buildWatchlistPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_watchlist = new QTableWidget(0, 3, page);
    m_watchlist->setObjectName(QStringLiteral("watchlistTable"));
    m_watchlist->setAccessibleName(tr("Watched instruments"));
    m_watchlist->setHorizontalHeaderLabels({tr("Symbol"), tr("Market"), tr("Interval")});
    m_watchlist->horizontalHeader()->setStretchLastSection(true);
    m_watchlist->verticalHeader()->hide();
    m_watchlist->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_watchlist, &QTableWidget::itemChanged, this, &SettingsDialog::scheduleValidation);
    auto* hint = new QLabel(tr("Markets: XNYS, XNAS, FX, CRYPTO. Intervals: 1min, 5min, 15min, 30min, 60min, daily."), page);
    hint->setWordWrap(true);
    auto* add = new QPushButton(tr("&Add"), page);
    add->setObjectName(QStringLiteral("addInstrumentButton"));
    add->setAccessibleName(tr("Add instrument"));
    auto* remove = new QPushButton(tr("&Remove"), page);
    remove->setObjectName(QStringLiteral("removeInstrumentButton"));
    remove->setAccessibleName(tr("Remove selected instrument"));
    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_watchlist->rowCount();
        m_watchlist->insertRow(row);
        m_watchlist->setItem(row, 0, new QTableWidgetItem(QString()));
        m_watchlist->setItem(row, 1, new QTableWidgetItem(QStringLiteral("XNYS")));
        m_watchlist->setItem(row, 2, new QTableWidgetItem(QStringLiteral("5min")));
        m_watchlist->setCurrentCell(row, 0);
        m_watchlist->editItem(m_watchlist->item(row, 0));
        scheduleValidation();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_watchlist->currentRow();
        if (row >= 0) {
            m_watchlist->removeRow(row);
            scheduleValidation();
        }
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addWidget(m_watchlist, 1);
    layout->addWidget(makeIssueLabel(QStringLiteral("watchlist")));
    layout->addWidget(hint);
    layout->addLayout(buttons);
    return page;
}

QWidget* SettingsDialog::buildDeliveryPage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_telegramEnabled = new QCheckBox(tr("Send signals to &Telegram"), page);
    m_telegramEnabled->setObjectName(QStringLiteral("telegramEnabledCheck"));
    m_telegramEnabled->setAccessibleName(tr("Send signals to Telegram"));
    form->addRow(m_telegramEnabled);
    addIssueLabel(form, QStringLiteral("telegram.enabled"));
    m_chatId = new QLineEdit(page);
    m_chatId->setObjectName(QStringLiteral("telegramChatIdEdit"));
    m_chatId->setAccessibleName(tr("Telegram chat id"));
    m_chatId->setPlaceholderText(tr("numeric chat id or @channelname"));
    form->addRow(tr("&Chat id:"), m_chatId);
    addIssueLabel(form, QStringLiteral("telegram.chat_id"));
    m_token = new SecretEdit(m_store, QStringLiteral("telegramTokenEdit"), tr("Telegram bot token"), page);
    form->addRow(tr("Bot t&oken:"), m_token);
    addIssueLabel(form, QStringLiteral("telegram.bot_token"));
    addIssueLabel(form, QStringLiteral("telegram"));

    m_webhookEnabled = new QCheckBox(tr("Also send signals to a &webhook"), page);
    m_webhookEnabled->setObjectName(QStringLiteral("webhookEnabledCheck"));
    m_webhookEnabled->setAccessibleName(tr("Send signals to a webhook"));
    form->addRow(m_webhookEnabled);
    addIssueLabel(form, QStringLiteral("webhook.enabled"));
    m_webhookUrl = new QLineEdit(page);
    m_webhookUrl->setObjectName(QStringLiteral("webhookUrlEdit"));
    m_webhookUrl->setAccessibleName(tr("Webhook URL"));
    m_webhookUrl->setPlaceholderText(QStringLiteral("https://"));
    form->addRow(tr("&URL:"), m_webhookUrl);
    addIssueLabel(form, QStringLiteral("webhook.url"));
    m_webhookSecret = new SecretEdit(m_store, QStringLiteral("webhookSecretEdit"), tr("Webhook signing secret"), page);
    form->addRow(tr("&Signing secret:"), m_webhookSecret);
    addIssueLabel(form, QStringLiteral("webhook.secret"));
    addIssueLabel(form, QStringLiteral("webhook"));

    for (QObject* editor : {static_cast<QObject*>(m_telegramEnabled), static_cast<QObject*>(m_chatId),
                            static_cast<QObject*>(m_webhookEnabled), static_cast<QObject*>(m_webhookUrl)})
        watch(editor);
    for (SecretEdit* secret : {m_token, m_webhookSecret})
        connect(secret, &SecretEdit::edited, this, &SettingsDialog::scheduleValidation);
    return page;
}

QWidget* SettingsDialog::buildLimitsPage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_confidence = makePercentBox(QStringLiteral("varConfidenceSpin"), tr("VaR confidence"), page);
    form->addRow(tr("VaR &confidence:"), m_confidence);
    addIssueLabel(form, QStringLiteral("risk.var_confidence"));
    m_maxVar = makePercentBox(QStringLiteral("maxVarSpin"), tr("Maximum portfolio VaR"), page);
    form->addRow(tr("Maximum &VaR:"), m_maxVar);
    addIssueLabel(form, QStringLiteral("risk.max_var_pct"));
    m_maxPosition = makePercentBox(QStringLiteral("maxPositionSpin"), tr("Maximum position size"), page);
    form->addRow(tr("Maximum &position:"), m_maxPosition);
    addIssueLabel(form, QStringLiteral("risk.max_position_pct"));
    m_maxDrawdown = makePercentBox(QStringLiteral("maxDrawdownSpin"), tr("Maximum drawdown"), page);
    form->addRow(tr("Maximum &drawdown:"), m_maxDrawdown);
    addIssueLabel(form, QStringLiteral("risk.max_drawdown_pct"));
    m_maxTrades = new QSpinBox(page);
    m_maxTrades->setObjectName(QStringLiteral("maxTradesSpin"));
    m_maxTrades->setAccessibleName(tr("Maximum trades per day"));
    m_maxTrades->setRange(0, 100000);
    form->addRow(tr("Maximum &trades per day:"), m_maxTrades);
    addIssueLabel(form, QStringLiteral("risk.max_trades_per_day"));
    addIssueLabel(form, QStringLiteral("risk"));
    for (QObject* editor : {static_cast<QObject*>(m_confidence), static_cast<QObject*>(m_maxVar),
                            static_cast<QObject*>(m_maxPosition), static_cast<QObject*>(m_maxDrawdown),
                            static_cast<QObject*>(m_maxTrades)})
        watch(editor);
    return page;
}

QWidget* SettingsDialog::buildAppearancePage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    // Language names stay in their own language, so anyone can find theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    form->addRow(tr("&Language:"), m_language);
    m_theme = new QComboBox(page);
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->setAccessibleName(tr("Colour theme"));
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    form->addRow(tr("&Theme:"), m_theme);
    m_alertSound = new QCheckBox(tr("Play a sound with new proposals and critical alerts"), page);
    m_alertSound->setObjectName(QStringLiteral("alertSoundCheck"));
    form->addRow(tr("Sound:"), m_alertSound);
    const UiPreferences preferences = m_store.preferences();
    m_alertSound->setChecked(preferences.alertSound);
    m_language->setCurrentIndex(std::max(0, m_language->findData(preferences.language)));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(preferences.theme)));
    return page;
}

void SettingsDialog::loadDraft(const ConfigDraft& draft)
{
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(int(draft.mode))));
    m_autonomous->setChecked(draft.autonomousEnabled);
    m_approvalTimeout->setValue(int(draft.approvalTimeoutS));
    m_watchlist->setRowCount(0);
    for (const Instrument& instrument : draft.watchlist) {
        const int row = m_watchlist->rowCount();
        m_watchlist->insertRow(row);
        m_watchlist->setItem(row, 0, new QTableWidgetItem(instrument.symbol));
        m_watchlist->setItem(row, 1, new QTableWidgetItem(instrument.market));
        m_watchlist->setItem(row, 2, new QTableWidgetItem(intervalName(instrument.interval)));
    }
    m_telegramEnabled->setChecked(draft.telegramEnabled);
    m_chatId->setText(draft.telegramChatId);
    m_webhookEnabled->setChecked(draft.webhookEnabled);
    m_webhookUrl->setText(draft.webhookUrl);
    m_token->load(draft.telegramToken);
    m_webhookSecret->load(draft.webhookSecret);
    m_brokers->load(draft);
    m_advisor->load(draft);
    m_confidence->setValue(draft.varConfidence * 100);
    m_maxVar->setValue(draft.maxVarPct * 100);
    m_maxPosition->setValue(draft.maxPositionPct * 100);
    m_maxDrawdown->setValue(draft.maxDrawdownPct * 100);
    m_maxTrades->setValue(draft.maxTradesPerDay);
}

ConfigDraft SettingsDialog::draft() const
{
    ConfigDraft draft;
    draft.mode = TradingMode(m_mode->currentData().toInt());
    draft.autonomousEnabled = m_autonomous->isChecked();
    draft.approvalTimeoutS = m_approvalTimeout->value();
    for (int row = 0; row < m_watchlist->rowCount(); ++row) {
        const auto cell = [this, row](int column) {
            const QTableWidgetItem* item = m_watchlist->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        Instrument instrument;
        instrument.symbol = cell(0);
        instrument.market = cell(1);
        // An unknown interval name is kept as the default here and reported by the loader below
        // only if the text is wrong; see renderedYaml(), which writes what was typed.
        instrument.interval = parseInterval(cell(2)).value_or(Interval::Min5);
        draft.watchlist.append(instrument);
    }
    draft.telegramEnabled = m_telegramEnabled->isChecked();
    draft.telegramChatId = m_chatId->text().trimmed();
    draft.telegramToken = m_token->field();
    draft.webhookEnabled = m_webhookEnabled->isChecked();
    draft.webhookUrl = m_webhookUrl->text().trimmed();
    draft.webhookSecret = m_webhookSecret->field();
    draft.varConfidence = m_confidence->value() / 100.0;
    draft.maxVarPct = m_maxVar->value() / 100.0;
    draft.maxPositionPct = m_maxPosition->value() / 100.0;
    draft.maxDrawdownPct = m_maxDrawdown->value() / 100.0;
    draft.maxTradesPerDay = m_maxTrades->value();
    m_brokers->apply(draft);
    m_advisor->apply(draft);
    return draft;
}

QByteArray SettingsDialog::renderedYaml() const
{
    return ConfigWriter::render(m_base, draft());
}

QList<SecretUpdate> SettingsDialog::pendingSecrets() const
{
    QList<const SecretEdit*> edits{m_token, m_webhookSecret};
    edits += m_brokers->secretEdits();
    edits += m_advisor->secretEdits();
    QList<SecretUpdate> secrets;
    for (const SecretEdit* edit : std::as_const(edits)) {
        if (auto update = edit->pendingUpdate())
            secrets.append(*update);
    }
    return secrets;
}

void SettingsDialog::scheduleValidation()
{
    m_validateTimer->start();
}

void SettingsDialog::validateNow()
{
    m_validateTimer->stop();
    // Values typed for the keychain count as set: they will be there when the app next starts.
    QHash<QString, QString> pending;
    for (const SecretUpdate& secret : pendingSecrets())
        pending.insert(secret.variable, secret.value);
    const EnvironmentLookup environment = [this, pending](const QString& name) -> std::optional<QString> {
        if (pending.contains(name))
            return pending.value(name);
        return m_store.lookup(name);
    };
    // The store checks it as the file it would save (relative paths from its folder, as at start-up).
    m_issues = m_store.validate(renderedYaml(), environment).issues;
    // Interval names are parsed before rendering; report a typo the way the loader would.
    for (int row = 0; row < m_watchlist->rowCount(); ++row) {
        const QTableWidgetItem* item = m_watchlist->item(row, 2);
        const QString text = item ? item->text().trimmed() : QString();
        if (!parseInterval(text)) {
            m_issues.append({Issue::Severity::Error, QStringLiteral("watchlist[%1].interval").arg(row),
                             tr("'%1' is not an interval").arg(text), tr("use one of %1").arg(knownIntervalNames())});
        }
    }
    showIssues();
}

void SettingsDialog::showIssues()
{
    const IssuePlacement placed = IssuePlacement::place(m_issues, m_issueLabels.keys());
    for (auto it = m_issueLabels.cbegin(); it != m_issueLabels.cend(); ++it) {
        const QStringList lines = placed.byLabel.value(it.key());
        it.value()->setText(lines.join(u'\n'));
        it.value()->setVisible(!lines.isEmpty());
    }
    m_otherIssues->setText(placed.other.join(u'\n'));
    m_otherIssues->setVisible(!placed.other.isEmpty());
    const QColor bad = Theme::freshnessBackground(Freshness::Stale, palette());
    for (int row = 0; row < m_watchlist->rowCount(); ++row) {
        for (int column = 0; column < m_watchlist->columnCount(); ++column) {
            if (QTableWidgetItem* item = m_watchlist->item(row, column)) {
                const QSignalBlocker block(m_watchlist);
                item->setBackground(placed.badRows.value(IssuePlacement::watchlistKey).contains(row) ? QBrush(bad) : QBrush());
            }
        }
    }
    m_advisor->markRows(placed.badRows.value(IssuePlacement::advisorServersKey));
    const bool errors = hasErrors(m_issues);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!errors);
    m_buttons->button(QDialogButtonBox::Save)->setToolTip(errors ? tr("Fix the problems shown in red first") : QString());
}

void SettingsDialog::save()
{
    validateNow();
    if (hasErrors(m_issues))
        return;
    const QList<SecretUpdate> secrets = pendingSecrets();
    UiPreferences preferences;
    preferences.language = m_language->currentData().toString();
    preferences.theme = m_theme->currentData().toString();
    preferences.alertSound = m_alertSound->isChecked();
    m_buttons->setEnabled(false);
    m_status->setText(tr("Saving…"));
    Q_EMIT themeChosen(preferences.theme);
    Q_EMIT languageChosen(preferences.language);
    Q_EMIT alertSoundChosen(preferences.alertSound);
    m_store.save(renderedYaml(), secrets, preferences);
}

} // namespace sentinel

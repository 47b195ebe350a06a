// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Issue.h"
#include "config/ConfigDraft.h"
#include "ui/ConfigStore.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace sentinel {

class AdvisorSettingsPage;
class BrokerSettingsPage;
class SecretEdit;

/// Edits the common configuration (mode, watchlist, Telegram, webhook, limits, brokers, advisor) and the appearance.
/// Every edit is validated by the config module itself: the dialog renders the YAML it would write
/// with ConfigWriter and has the store check it (ConfigLoader), then shows each Issue next to the
/// field its key path names. Secrets are entered as an environment variable name or a value for the OS keychain;
/// the file only ever receives `${NAME}` references. Saving is disabled while there are errors.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    explicit SettingsDialog(ConfigStore& store, QWidget* parent = nullptr);

    [[nodiscard]] ConfigDraft draft() const;
    [[nodiscard]] QByteArray renderedYaml() const;
    [[nodiscard]] const Issues& issues() const { return m_issues; }
    /// Runs validation now instead of after the short pause that follows typing.
    void validateNow();

Q_SIGNALS:
    void themeChosen(const QString& theme);
    /// The alert sound was turned on or off (applied at once, like the theme).
    void alertSoundChosen(bool on);
    /// The language chosen ("" for the system's); applied at once, every panel retranslates.
    void languageChosen(const QString& language);

private:
    QWidget* buildGeneralPage();
    QWidget* buildWatchlistPage();
    QWidget* buildDeliveryPage();
    QWidget* buildLimitsPage();
    QWidget* buildAppearancePage();
    void addIssueLabel(QFormLayout* form, const QString& keyPath);
    QLabel* makeIssueLabel(const QString& keyPath);
    /// Values typed for the keychain in every secret field, not saved yet.
    [[nodiscard]] QList<SecretUpdate> pendingSecrets() const;
    void loadDraft(const ConfigDraft& draft);
    void scheduleValidation();
    void showIssues();
    void save();
    void watch(QObject* editor);

    ConfigStore& m_store;
    QByteArray m_base;
    Issues m_issues;
    QTimer* m_validateTimer;

    QComboBox* m_mode = nullptr;
    QCheckBox* m_autonomous = nullptr;
    QSpinBox* m_approvalTimeout = nullptr;
    QTableWidget* m_watchlist = nullptr;
    QCheckBox* m_telegramEnabled = nullptr;
    QLineEdit* m_chatId = nullptr;
    SecretEdit* m_token = nullptr;
    QCheckBox* m_webhookEnabled = nullptr;
    QLineEdit* m_webhookUrl = nullptr;
    SecretEdit* m_webhookSecret = nullptr;
    QDoubleSpinBox* m_confidence = nullptr;
    QDoubleSpinBox* m_maxVar = nullptr;
    QDoubleSpinBox* m_maxPosition = nullptr;
    QDoubleSpinBox* m_maxDrawdown = nullptr;
    QSpinBox* m_maxTrades = nullptr;
    BrokerSettingsPage* m_brokers = nullptr;
    AdvisorSettingsPage* m_advisor = nullptr;
    QComboBox* m_language = nullptr;
    QCheckBox* m_alertSound = nullptr;
    QComboBox* m_theme = nullptr;
    QHash<QString, QLabel*> m_issueLabels;
    QLabel* m_otherIssues = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace sentinel

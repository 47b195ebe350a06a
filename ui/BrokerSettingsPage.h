// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/BrokerCheck.h"
#include "config/ConfigDraft.h"
#include "ui/ConfigStore.h"

#include <QList>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sentinel {

class SecretEdit;

/// The Settings dialog's Brokers page (issue 14): where orders go (`platform`), the OANDA account
/// (environment, the live switch, account id, token) and the Coinbase key (name, private key, the
/// live switch), each with a Check button that runs what `sentinel broker check` runs. The check
/// itself is the store's (checkRequested); this page shows its answer.
class BrokerSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrokerSettingsPage)
public:
    /// Makes the label a configuration issue at `keyPath` is shown in (the dialog's).
    using IssueLabelFactory = std::function<QLabel*(const QString& keyPath)>;

    BrokerSettingsPage(ConfigStore& store, const IssueLabelFactory& issueLabel, QWidget* parent = nullptr);

    void load(const ConfigDraft& draft);
    /// Writes this page's fields into `draft`.
    void apply(ConfigDraft& draft) const;
    [[nodiscard]] QList<const SecretEdit*> secretEdits() const;
    /// Shows a check's answer next to the broker's Check button.
    void showCheck(const BrokerCheckOutcome& outcome);

Q_SIGNALS:
    void edited();
    /// The operator pressed Check for `broker` ("oanda", "coinbase").
    void checkRequested(const QString& broker);

private:
    QGroupBox* buildOanda(const IssueLabelFactory& issueLabel);
    QGroupBox* buildCoinbase(const IssueLabelFactory& issueLabel);
    QPushButton* makeCheckButton(const QString& broker, QLabel* result);
    [[nodiscard]] QLabel* resultLabelFor(const QString& broker) const;

    ConfigStore& m_store;
    QComboBox* m_platform = nullptr;
    QGroupBox* m_oanda = nullptr;
    QComboBox* m_oandaEnvironment = nullptr;
    QCheckBox* m_oandaAllowLive = nullptr;
    QLineEdit* m_oandaAccount = nullptr;
    SecretEdit* m_oandaToken = nullptr;
    QLabel* m_oandaResult = nullptr;
    QGroupBox* m_coinbase = nullptr;
    SecretEdit* m_coinbaseKeyName = nullptr;
    SecretEdit* m_coinbasePrivateKey = nullptr;
    QCheckBox* m_coinbaseAllowLive = nullptr;
    QLabel* m_coinbaseResult = nullptr;
};

} // namespace sentinel

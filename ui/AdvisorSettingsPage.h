// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/ConfigDraft.h"
#include "config/ConfigLoader.h"
#include "strategy/AdvisorCheckReport.h"
#include "ui/ConfigStore.h"

#include <QList>
#include <QSet>
#include <QWidget>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace sentinel {

class ModelServerTable;
class SecretEdit;

/// The Settings dialog's Advisor page (issue 15, docs/adr/0131): the strategy, the model servers
/// the llm_advisor strategy asks (ModelServerTable, each row's api key as a `${NAME}` reference),
/// the rule fallback and its weight, and a Test button that runs what `sentinel advisor test`
/// runs. The test itself is the store's (testRequested); this page shows each server's result
/// next to its row.
class AdvisorSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdvisorSettingsPage)
public:
    /// Makes the label a configuration issue at `keyPath` is shown in (the dialog's).
    using IssueLabelFactory = std::function<QLabel*(const QString& keyPath)>;

    /// `known`: the strategies the application runs (the fallback is any of them but llm_advisor).
    AdvisorSettingsPage(ConfigStore& store, const KnownNames& known, const IssueLabelFactory& issueLabel,
                        QWidget* parent = nullptr);

    void load(const ConfigDraft& draft);
    /// Writes this page's fields into `draft`.
    void apply(ConfigDraft& draft) const;
    [[nodiscard]] QList<const SecretEdit*> secretEdits() const;
    /// Shows a test's answer: each server's next to its row, the verdict below the table.
    void showCheck(const AdvisorCheckReport& report);
    /// Tints the server rows a configuration issue names (`advisor.providers[i]`).
    void markRows(const QSet<int>& rows);

Q_SIGNALS:
    void edited();
    /// The operator pressed Test.
    void testRequested();

private:
    void showStatus(const QString& text, const QColor& colour);
    void setTesting(bool testing);

    QComboBox* m_strategy = nullptr;
    ModelServerTable* m_servers = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_detail = nullptr;
    QComboBox* m_fallback = nullptr;
    QDoubleSpinBox* m_fallbackWeight = nullptr;
};

} // namespace sentinel

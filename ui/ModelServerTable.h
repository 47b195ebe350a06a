// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/ConfigDraft.h"
#include "strategy/AdvisorCheckReport.h"
#include "ui/ConfigStore.h"

#include <QList>
#include <QSet>
#include <QStringList>
#include <QTableWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QStackedWidget;

namespace sentinel {

class SecretEdit;

/// The Advisor page's model servers, one `advisor.providers` row a line: kind, base URL, model,
/// weight, timeout, and the last test's result for that server. Each row's api key has its own
/// SecretEdit in keyEditors(), which shows the current row's (enabled for OpenAI-compatible
/// servers only: Ollama takes no key).
class ModelServerTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelServerTable)
public:
    enum Column { KindColumn, UrlColumn, ModelColumn, WeightColumn, TimeoutColumn, ResultColumn, ColumnCount };

    /// `parent` also owns keyEditors().
    ModelServerTable(ConfigStore& store, QWidget* parent);

    [[nodiscard]] QStackedWidget* keyEditors() const { return m_keys; }
    void load(const QList<ModelServerDraft>& servers);
    [[nodiscard]] QList<ModelServerDraft> servers() const;
    [[nodiscard]] QList<const SecretEdit*> secretEdits() const;

    void addServer();
    void removeCurrentServer();

    /// Every row's result says the test is under way.
    void showTesting();
    /// Row i shows `servers[i]`; false (and nothing shown) when the rows are not the ones tested.
    bool showResults(const QList<AdvisorServerCheck>& servers);
    /// The result of `row` in full (error and remedy included); empty before a test.
    [[nodiscard]] QString resultDetail(int row) const;
    /// Tints the rows a configuration issue names.
    void markRows(const QSet<int>& rows);

Q_SIGNALS:
    void edited();

private:
    struct RowEditors {
        QComboBox* kind;
        QDoubleSpinBox* weight;
        QSpinBox* timeout;
        SecretEdit* key;
    };
    void appendRow(const ModelServerDraft& server);
    void nameRow(int row);
    void showKeyOf(int row);
    void setResult(int row, const QString& summary, const QString& detail, const QColor& colour);
    [[nodiscard]] QString text(int row, int column) const;

    ConfigStore& m_store;
    QStackedWidget* m_keys;
    QList<RowEditors> m_rows;
    QStringList m_details;
};

} // namespace sentinel

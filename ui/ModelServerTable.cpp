// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ModelServerTable.h"

#include "ui/SecretEdit.h"
#include "ui/Theme.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLocale>
#include <QSpinBox>
#include <QStackedWidget>

namespace sentinel {

namespace {

/// What one server's test says in its row, and in full.
struct ResultText {
    QString summary;
    QString detail;
};

QString yesNo(bool yes)
{
    return yes ? ModelServerTable::tr("yes") : ModelServerTable::tr("no");
}

/// Short in the row; in full (each of the four answers, the error and its remedy) in the tooltip
/// and under the table.
ResultText resultText(const AdvisorServerCheck& server)
{
    const QString latency =
        server.latency ? ModelServerTable::tr("%1 ms").arg(QLocale().toString(qint64(server.latency->count()))) : QString();
    QString summary;
    if (server.passed())
        summary = ModelServerTable::tr("Valid answer, %1").arg(latency);
    else if (server.refused)
        summary = ModelServerTable::tr("Settings refused");
    else if (!server.reachable)
        summary = ModelServerTable::tr("Not reachable");
    else if (!server.modelPresent)
        summary = ModelServerTable::tr("Model missing");
    else if (!server.validOutput && server.error && server.error->kind == u"advisor_invalid_output")
        summary = ModelServerTable::tr("Invalid answer");
    else
        summary = ModelServerTable::tr("No answer");
    const QString reachable = latency.isEmpty() ? yesNo(server.reachable) : ModelServerTable::tr("yes (%1)").arg(latency);
    QString detail = server.name + u'\n'
                     + ModelServerTable::tr("Reachable: %1 · model present: %2 · valid answer: %3")
                           .arg(reachable, yesNo(server.modelPresent), yesNo(server.validOutput));
    if (server.error)
        detail += u'\n' + server.error->toString();
    return {summary, detail};
}

} // namespace

ModelServerTable::ModelServerTable(ConfigStore& store, QWidget* parent)
    : QTableWidget(0, ColumnCount, parent), m_store(store), m_keys(new QStackedWidget(parent))
{
    setObjectName(QStringLiteral("advisorServersTable"));
    setAccessibleName(tr("Model servers"));
    setHorizontalHeaderLabels({tr("Kind"), tr("Base URL"), tr("Model"), tr("Weight"), tr("Timeout"), tr("Test result")});
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    // Room for the result: a base URL and a model name are read whole in their editors anyway.
    horizontalHeader()->resizeSection(UrlColumn, 170);
    horizontalHeader()->resizeSection(ModelColumn, 120);
    horizontalHeader()->resizeSection(WeightColumn, 64);
    horizontalHeader()->resizeSection(TimeoutColumn, 64);
    verticalHeader()->hide();
    setWordWrap(false);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    m_keys->setObjectName(QStringLiteral("advisorKeyEditors"));
    connect(this, &QTableWidget::itemChanged, this, [this](const QTableWidgetItem* item) {
        if (item->column() != ResultColumn)
            Q_EMIT edited();
    });
    connect(this, &QTableWidget::currentCellChanged, this, [this](int row) { showKeyOf(row); });
}

void ModelServerTable::load(const QList<ModelServerDraft>& servers)
{
    const QSignalBlocker quiet(this);
    setRowCount(0);
    while (m_keys->count() > 0) {
        QWidget* key = m_keys->widget(0);
        m_keys->removeWidget(key);
        key->deleteLater();
    }
    m_rows.clear();
    m_details.clear();
    for (const ModelServerDraft& server : servers)
        appendRow(server);
    if (rowCount() > 0)
        setCurrentCell(0, UrlColumn);
    showKeyOf(currentRow());
}

void ModelServerTable::appendRow(const ModelServerDraft& server)
{
    const int row = rowCount();
    insertRow(row);
    RowEditors editors{new QComboBox(this), new QDoubleSpinBox(this), new QSpinBox(this),
                       new SecretEdit(m_store, QStringLiteral("advisorApiKeyEdit"), tr("API key"), m_keys)};
    editors.kind->setObjectName(QStringLiteral("advisorKindCombo"));
    editors.kind->addItem(tr("Ollama"), int(ModelServerKind::Ollama));
    editors.kind->addItem(tr("OpenAI-compatible"), int(ModelServerKind::OpenAiCompatible));
    editors.kind->setCurrentIndex(std::max(0, editors.kind->findData(int(server.kind))));
    // Deliberately wide: the config module's rules decide what is valid and say why.
    editors.weight->setObjectName(QStringLiteral("advisorWeightSpin"));
    editors.weight->setRange(0, 100);
    editors.weight->setDecimals(2);
    editors.weight->setValue(server.weight);
    editors.timeout->setObjectName(QStringLiteral("advisorTimeoutSpin"));
    editors.timeout->setRange(1, 600);
    editors.timeout->setSuffix(tr(" s"));
    editors.timeout->setValue(int(server.timeoutS));
    editors.key->load(server.apiKey);
    editors.key->setSuggestedVariable(defaultAdvisorKeyVariable(row));
    setCellWidget(row, KindColumn, editors.kind);
    setItem(row, UrlColumn, new QTableWidgetItem(server.baseUrl));
    setItem(row, ModelColumn, new QTableWidgetItem(server.model));
    setCellWidget(row, WeightColumn, editors.weight);
    setCellWidget(row, TimeoutColumn, editors.timeout);
    auto* result = new QTableWidgetItem;
    result->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    setItem(row, ResultColumn, result);
    m_keys->addWidget(editors.key);
    m_rows.append(editors);
    m_details.append(QString());
    nameRow(row);

    connect(editors.kind, &QComboBox::currentIndexChanged, this, [this] {
        showKeyOf(currentRow());
        Q_EMIT edited();
    });
    connect(editors.weight, &QDoubleSpinBox::valueChanged, this, &ModelServerTable::edited);
    connect(editors.timeout, &QSpinBox::valueChanged, this, &ModelServerTable::edited);
    connect(editors.key, &SecretEdit::edited, this, &ModelServerTable::edited);
}

void ModelServerTable::nameRow(int row)
{
    const RowEditors& editors = m_rows[row];
    const int number = row + 1;
    editors.kind->setAccessibleName(tr("Kind of model server %1").arg(number));
    editors.weight->setAccessibleName(tr("Weight of model server %1").arg(number));
    editors.timeout->setAccessibleName(tr("Timeout of model server %1").arg(number));
}

void ModelServerTable::showKeyOf(int row)
{
    if (row < 0 || row >= m_rows.size()) {
        m_keys->setEnabled(false);
        return;
    }
    m_keys->setCurrentWidget(m_rows[row].key);
    const bool openAi = m_rows[row].kind->currentData().toInt() == int(ModelServerKind::OpenAiCompatible);
    m_keys->setEnabled(openAi);
    m_keys->setToolTip(openAi ? QString() : tr("Ollama takes no key; OpenAI-compatible servers may need one"));
}

QString ModelServerTable::text(int row, int column) const
{
    const QTableWidgetItem* cell = item(row, column);
    return cell ? cell->text().trimmed() : QString();
}

QList<ModelServerDraft> ModelServerTable::servers() const
{
    QList<ModelServerDraft> servers;
    for (int row = 0; row < rowCount(); ++row) {
        const RowEditors& editors = m_rows[row];
        ModelServerDraft server;
        server.kind = ModelServerKind(editors.kind->currentData().toInt());
        server.baseUrl = text(row, UrlColumn);
        server.model = text(row, ModelColumn);
        server.weight = editors.weight->value();
        server.timeoutS = editors.timeout->value();
        server.apiKey = editors.key->field();
        servers.append(server);
    }
    return servers;
}

QList<const SecretEdit*> ModelServerTable::secretEdits() const
{
    QList<const SecretEdit*> edits;
    for (const RowEditors& editors : m_rows) {
        // Only a key that will be written is offered for the keychain.
        if (editors.kind->currentData().toInt() == int(ModelServerKind::OpenAiCompatible))
            edits.append(editors.key);
    }
    return edits;
}

void ModelServerTable::addServer()
{
    appendRow(ModelServerDraft{}); // no api key until one is named
    setCurrentCell(rowCount() - 1, ModelColumn);
    editItem(item(rowCount() - 1, ModelColumn));
    Q_EMIT edited();
}

void ModelServerTable::removeCurrentServer()
{
    const int row = currentRow();
    if (row < 0)
        return;
    removeRow(row);
    SecretEdit* key = m_rows[row].key;
    m_keys->removeWidget(key);
    key->deleteLater();
    m_rows.removeAt(row);
    m_details.removeAt(row);
    for (int later = row; later < m_rows.size(); ++later)
        nameRow(later);
    showKeyOf(currentRow());
    Q_EMIT edited();
}

void ModelServerTable::setResult(int row, const QString& summary, const QString& detail, const QColor& colour)
{
    const QSignalBlocker quiet(this);
    QTableWidgetItem* result = item(row, ResultColumn);
    result->setText(summary);
    result->setToolTip(detail);
    result->setForeground(colour.isValid() ? QBrush(colour) : QBrush());
    m_details[row] = detail;
}

void ModelServerTable::showTesting()
{
    for (int row = 0; row < rowCount(); ++row)
        setResult(row, tr("Testing…"), QString(), QColor());
}

bool ModelServerTable::showResults(const QList<AdvisorServerCheck>& servers)
{
    if (servers.size() != rowCount()) {
        for (int row = 0; row < rowCount(); ++row)
            setResult(row, QString(), QString(), QColor());
        return false;
    }
    for (int row = 0; row < rowCount(); ++row) {
        const AdvisorServerCheck& server = servers[row];
        const ResultText shown = resultText(server);
        setResult(row, shown.summary, shown.detail,
                  server.passed() ? Theme::positiveColor(palette()) : Theme::negativeColor(palette()));
    }
    return true;
}

QString ModelServerTable::resultDetail(int row) const
{
    return row >= 0 && row < m_details.size() ? m_details[row] : QString();
}

void ModelServerTable::markRows(const QSet<int>& rows)
{
    const QSignalBlocker quiet(this);
    const QColor bad = Theme::freshnessBackground(Freshness::Stale, palette());
    for (int row = 0; row < rowCount(); ++row) {
        for (const int column : {int(UrlColumn), int(ModelColumn)}) {
            if (QTableWidgetItem* cell = item(row, column))
                cell->setBackground(rows.contains(row) ? QBrush(bad) : QBrush());
        }
    }
}

} // namespace sentinel

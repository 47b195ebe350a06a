// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SimulateDialog.h"

#include "strategy/StrategyRegistry.h"
#include "ui/Format.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace sentinel {

namespace {

constexpr int kDefaultDays = 7;
const QDate kEarliest(2000, 1, 1);

QDate todayUtc()
{
    return QDateTime::currentDateTimeUtc().date();
}

} // namespace

SimulateDialog::SimulateDialog(QWidget* parent)
    : QDialog(parent), m_from(new QDateEdit(this)), m_to(new QDateEdit(this)), m_instruments(new QListWidget(this)),
      m_strategy(new QComboBox(this)), m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_buttons(new QDialogButtonBox(this))
{
    // The texts are set by retranslate(), at the end and again after each language change.
    setObjectName(QStringLiteral("simulateDialog"));
    setModal(false);

    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDateRange(kEarliest, todayUtc());
    }
    m_from->setObjectName(QStringLiteral("simulateFrom"));
    m_to->setObjectName(QStringLiteral("simulateTo"));
    m_to->setDate(todayUtc().addDays(-1));
    m_from->setDate(m_to->date().addDays(1 - kDefaultDays));

    m_instruments->setObjectName(QStringLiteral("simulateInstruments"));
    m_instruments->setMinimumHeight(100);
    m_strategy->setObjectName(QStringLiteral("simulateStrategy"));
    // Rule strategies only: a model's answers cannot be replayed for past days, and asking the
    // model servers for every simulated bar would take hours.
    for (const QString& name : StrategyRegistry::ruleNames())
        m_strategy->addItem(name, name);
    m_strategy->setCurrentIndex(std::max(0, m_strategy->findData(QStringLiteral("sma_cross"))));

    m_progress->setObjectName(QStringLiteral("simulateProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->setFormat(QStringLiteral("%p %"));
    m_status->setObjectName(QStringLiteral("simulateStatus"));
    m_status->setWordWrap(true);
    showStatus([] {
        return tr("Runs on the paper account and a scratch journal; the live journal, the account and the "
                  "delivery channels are not touched.");
    });

    m_run = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(QStringLiteral("simulateRun"));
    m_cancel = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("simulateCancel"));
    m_close = m_buttons->addButton(QDialogButtonBox::Close);
    connect(m_run, &QPushButton::clicked, this, &SimulateDialog::startRun);
    connect(m_cancel, &QPushButton::clicked, this, &SimulateDialog::cancelRequested);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_instruments, &QListWidget::itemChanged, this, &SimulateDialog::updateRunnable);
    connect(m_from, &QDateEdit::dateChanged, this, &SimulateDialog::updateRunnable);
    connect(m_to, &QDateEdit::dateChanged, this, &SimulateDialog::updateRunnable);

    auto* form = new QFormLayout;
    // Each row's label is kept (and is its field's buddy, as addRow(QString, …) would make it) so
    // that retranslate() can name it.
    const auto addRow = [this, form](QLabel*& label, QWidget* field) {
        label = new QLabel(this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(m_fromLabel, m_from);
    addRow(m_toLabel, m_to);
    addRow(m_strategyLabel, m_strategy);
    addRow(m_instrumentsLabel, m_instruments);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    setRunning(false);
    retranslate();
}

void SimulateDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

// Texts set here are set again after a language change (the Close button's own text is Qt's).
void SimulateDialog::retranslate()
{
    setWindowTitle(tr("Simulate"));
    m_fromLabel->setText(tr("&From:"));
    m_toLabel->setText(tr("&To:"));
    m_strategyLabel->setText(tr("&Strategy:"));
    m_instrumentsLabel->setText(tr("&Instruments:"));
    m_from->setAccessibleName(tr("First day"));
    m_to->setAccessibleName(tr("Last day"));
    m_from->setToolTip(tr("The simulation starts at 00:00 UTC of this day"));
    m_to->setToolTip(tr("The simulation ends at the end of this day (UTC), or now"));
    m_instruments->setAccessibleName(tr("Instruments to simulate"));
    m_strategy->setAccessibleName(tr("Strategy"));
    m_strategy->setToolTip(tr("The rule the simulated engine trades by (the model advisor is not simulated)"));
    m_run->setText(tr("&Run"));
    m_cancel->setText(tr("&Cancel run"));
    // The texts built from data: the instruments' names and the status line (progress, result).
    {
        const QSignalBlocker quiet(m_instruments); // a new name is not a new choice
        for (int i = 0; i < m_instruments->count(); ++i) {
            QListWidgetItem* item = m_instruments->item(i);
            item->setText(Format::instrumentKey(item->data(Qt::UserRole).toString()));
        }
    }
    m_status->setText(m_statusText());
}

void SimulateDialog::showStatus(std::function<QString()> text)
{
    m_statusText = std::move(text);
    m_status->setText(m_statusText());
}

void SimulateDialog::refreshToday()
{
    for (QDateEdit* edit : {m_from, m_to})
        edit->setMaximumDate(todayUtc());
}

void SimulateDialog::setInstruments(const QList<Instrument>& instruments)
{
    QStringList unticked;
    for (int i = 0; i < m_instruments->count(); ++i)
        if (m_instruments->item(i)->checkState() == Qt::Unchecked)
            unticked << m_instruments->item(i)->data(Qt::UserRole).toString();
    const QSignalBlocker quiet(m_instruments);
    m_instruments->clear();
    for (const Instrument& instrument : instruments) {
        auto* item = new QListWidgetItem(Format::instrumentKey(instrument.key()), m_instruments);
        item->setData(Qt::UserRole, instrument.key());
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(unticked.contains(instrument.key()) ? Qt::Unchecked : Qt::Checked);
    }
    updateRunnable();
}

SimulationRequest SimulateDialog::request() const
{
    SimulationRequest request;
    request.from = QDateTime(m_from->date(), QTime(0, 0), Qt::UTC);
    request.to = std::min(QDateTime(m_to->date().addDays(1), QTime(0, 0), Qt::UTC), QDateTime::currentDateTimeUtc());
    for (int i = 0; i < m_instruments->count(); ++i)
        if (m_instruments->item(i)->checkState() == Qt::Checked)
            request.instrumentKeys << m_instruments->item(i)->data(Qt::UserRole).toString();
    request.strategy = m_strategy->currentData().toString();
    return request;
}

void SimulateDialog::startRun()
{
    const SimulationRequest asked = request();
    setRunning(true);
    m_progress->setValue(0);
    showStatus([from = asked.from.date(), to = m_to->date()] {
        return tr("Simulating %1 to %2…").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    });
    Q_EMIT runRequested(asked);
}

void SimulateDialog::applyProgress(const SimulationProgress& progress)
{
    if (!m_running)
        return;
    m_progress->setValue(int(progress.fraction * 1000.0));
    showStatus([at = progress.simulatedTime] { return tr("Simulated time: %1").arg(Format::utcTime(at)); });
}

void SimulateDialog::applyOutcome(const SimulationOutcome& outcome)
{
    setRunning(false);
    switch (outcome.end) {
    case SimulationOutcome::End::Finished: {
        m_progress->setValue(m_progress->maximum());
        const PerformanceFigures& total = outcome.performance.report.total;
        showStatus([trades = total.closedTrades, pnl = total.pnl, currency = outcome.performance.currency] {
            return tr("Finished: %n closed trade(s), P&L %1. The Performance view shows the figures.", nullptr, trades)
                .arg(Format::profit(pnl, currency));
        });
        break;
    }
    case SimulationOutcome::End::Cancelled:
        showStatus([] { return tr("Cancelled: nothing was kept."); });
        break;
    case SimulationOutcome::End::Failed:
        showStatus([error = outcome.error] { return tr("The simulation did not run: %1").arg(error); });
        break;
    }
}

void SimulateDialog::setRunning(bool running)
{
    m_running = running;
    for (QWidget* control : std::initializer_list<QWidget*>{m_from, m_to, m_instruments, m_strategy})
        control->setEnabled(!running);
    m_cancel->setEnabled(running);
    updateRunnable();
}

void SimulateDialog::updateRunnable()
{
    const SimulationRequest asked = request();
    const bool runnable = !m_running && !asked.instrumentKeys.isEmpty() && asked.from < asked.to;
    m_run->setEnabled(runnable);
    if (m_running)
        return;
    if (asked.instrumentKeys.isEmpty() && m_instruments->count() > 0)
        showStatus([] { return tr("Tick at least one instrument."); });
    else if (asked.from >= asked.to)
        showStatus([] { return tr("The first day must not be after the last."); });
}

} // namespace sentinel

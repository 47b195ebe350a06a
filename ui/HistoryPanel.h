// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QDockWidget>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QTimer;

namespace sentinel {

class HistoryModel;

/// Every proposal and trade the journal holds (issue 17, ADR 0136): filters by instrument,
/// strategy, outcome and date; a detail pane with the reason, the risk checks, the freshness, who
/// decided, the fill and the signal's delivery; Export to CSV or JSON. It asks the engine for
/// pages, details and exports and shows the answers; the engine reads and writes the files.
class HistoryPanel final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)
public:
    explicit HistoryPanel(QWidget* parent = nullptr);

    [[nodiscard]] HistoryModel* model() const { return m_model; }
    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] QTextBrowser* detailView() const { return m_detail; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }
    [[nodiscard]] QLineEdit* instrumentFilter() const { return m_instrument; }
    [[nodiscard]] QComboBox* strategyFilter() const { return m_strategy; }
    [[nodiscard]] QComboBox* outcomeFilter() const { return m_outcome; }
    [[nodiscard]] QDateEdit* fromFilter() const { return m_from; }
    [[nodiscard]] QDateEdit* toFilter() const { return m_to; }
    [[nodiscard]] QAction* exportCsvAction() const { return m_exportCsv; }
    [[nodiscard]] QAction* exportJsonAction() const { return m_exportJson; }
    [[nodiscard]] QAction* refreshAction() const { return m_refresh; }

    /// The filter the controls describe now.
    [[nodiscard]] HistoryFilter currentFilter() const;
    /// Asks the engine to write what the filter selects to `path` ("csv" or "json"); the file
    /// dialog behind the Export actions ends here.
    void exportTo(const QString& path, const QString& format);

public Q_SLOTS:
    void applyPage(const sentinel::HistoryPageView& page);
    void applyDetail(const sentinel::HistoryDetailView& detail);
    void applyExport(const sentinel::HistoryExportResult& result);
    /// The journal changed (a proposal was made or resolved): the first page is asked for again
    /// when the operator is looking at it, so a row they are reading never moves under them.
    void noteJournalChanged();
    /// Asks for the first page under the current filter.
    void reload();

Q_SIGNALS:
    void pageRequested(const sentinel::HistoryQuery& query);
    void detailRequested(const QString& proposalId);
    void exportRequested(const sentinel::HistoryExportRequest& request);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void applyFilter();
    void chooseExportFile(const QString& format);
    void showSelected();
    void showDetail();
    void showCount();
    /// Shows `text()` in the status line; it is called again after a language change.
    void showStatus(std::function<QString()> text);
    [[nodiscard]] QString rowHtml(const HistoryRow& row) const;

    HistoryModel* m_model;
    QTableView* m_view;
    QTextBrowser* m_detail;
    QLabel* m_status;
    QLineEdit* m_instrument;
    QComboBox* m_strategy;
    QComboBox* m_outcome;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QAction* m_exportCsv;
    QAction* m_exportJson;
    QAction* m_refresh;
    QTimer* m_typing;     ///< applies the instrument filter once typing pauses
    QTimer* m_refreshing; ///< gathers a burst of journal changes into one reload
    QString m_shownId;    ///< the proposal the detail pane shows
    HistoryRow m_shownRow;                          ///< its row, as the detail pane shows it
    std::optional<HistoryDetailView> m_shownDetail; ///< what the engine said of it; none while asked
    std::function<QString()> m_statusText;          ///< the status line's text in the present language
    bool m_exporting = false;
};

} // namespace sentinel

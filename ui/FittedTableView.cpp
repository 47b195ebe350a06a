// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/FittedTableView.h"

#include <QHeaderView>
#include <QHelpEvent>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <numeric>

namespace sentinel {

namespace {

/// The least width of a section the operator drags (half of it, in fact).
constexpr int kMinimumWidth = 44;
/// Space a cell's text needs beyond its glyphs (margins, the focus frame).
constexpr int kCellPadding = 12;
/// The header's own hint leaves its last letter against the section line in some styles.
constexpr int kHeaderPadding = 6;
/// Tables up to this many rows are measured again as rows are added.
constexpr int kMeasuredRows = 200;

} // namespace

FittedTableView::FittedTableView(QWidget* parent) : QTableView(parent), m_measure(new QTimer(this))
{
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTextElideMode(Qt::ElideRight);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // The last column's share of the room is given here, not by the header: a stretched section
    // keeps a width of its own that no longer adds up once columns are hidden and shown.
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setMinimumSectionSize(kMinimumWidth / 2);
    horizontalHeader()->setTextElideMode(Qt::ElideRight);
    m_measure->setSingleShot(true);
    m_measure->setInterval(0);
    connect(m_measure, &QTimer::timeout, this, &FittedTableView::measureColumns);
}

void FittedTableView::setModel(QAbstractItemModel* model)
{
    // Only this class's own connections: the view's are the base class's business.
    for (const QMetaObject::Connection& connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    QTableView::setModel(model);
    if (!model)
        return;
    // Widths are measured when rows first arrive and when the model starts over, not on every
    // change: a price that gains a digit does not reflow the table under the operator's eyes.
    m_modelConnections << connect(model, &QAbstractItemModel::modelReset, this, &FittedTableView::scheduleMeasure);
    m_modelConnections << connect(model, &QAbstractItemModel::headerDataChanged, this, &FittedTableView::scheduleMeasure);
    m_modelConnections << connect(model, &QAbstractItemModel::columnsInserted, this, &FittedTableView::scheduleMeasure);
    m_modelConnections << connect(model, &QAbstractItemModel::columnsRemoved, this, &FittedTableView::scheduleMeasure);
    m_modelConnections << connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int last) {
        // A short table (a watchlist, the positions) is measured as rows come; a long one (the
        // history, paged in) only for its first rows.
        if (this->model()->rowCount() <= kMeasuredRows || (first == 0 && last + 1 == this->model()->rowCount()))
            scheduleMeasure();
    });
    scheduleMeasure();
}

void FittedTableView::scheduleMeasure()
{
    m_measure->start();
}

void FittedTableView::measureColumns()
{
    if (!model())
        return;
    // A hidden column measures as nothing: the ones dropped for room are shown while measured
    // (fitColumns() decides again which go).
    for (int column : std::as_const(m_dropped))
        setColumnHidden(column, false);
    m_dropped.clear();
    const int columns = model()->columnCount();
    m_natural.resize(columns);
    m_numeric.resize(columns);
    for (int column = 0; column < columns; ++column) {
        const int header = horizontalHeader()->sectionSizeHint(column) + kHeaderPadding;
        const int content = sizeHintForColumn(column);
        m_natural[column] = std::min(maxNaturalWidth, std::max(header, content));
        // The models align figures right; the first row tells which columns hold them.
        const QVariant alignment = model()->rowCount() > 0 ? model()->index(0, column).data(Qt::TextAlignmentRole) : QVariant();
        m_numeric[column] = alignment.isValid() && (alignment.toInt() & Qt::AlignRight) != 0;
    }
    fitColumns();
}

void FittedTableView::setDroppableColumns(const QList<int>& leastNeededFirst)
{
    m_droppable = leastNeededFirst;
    fitColumns();
}

void FittedTableView::fitColumns()
{
    if (m_natural.isEmpty() || m_fitting)
        return;
    m_fitting = true;
    const int room = viewport()->width();
    // A figure keeps its whole width: "+3.2…" for +3.23 % is a number the operator cannot read,
    // so a droppable column goes before a figure is cut. Text shrinks to its header's width.
    const auto floorOf = [this](int column) {
        if (m_numeric.value(column))
            return m_natural[column];
        return std::min(m_natural[column], horizontalHeader()->sectionSizeHint(column) + kHeaderPadding);
    };
    // Which columns are shown: all but those hidden by the panel, less droppable ones while even
    // the headers of the rest do not fit.
    for (int column : std::as_const(m_dropped))
        setColumnHidden(column, false);
    m_dropped.clear();
    QList<int> shown;
    for (int column = 0; column < m_natural.size(); ++column)
        if (!isColumnHidden(column))
            shown << column;
    const auto sumOf = [&shown](const auto& widthOf) {
        return std::accumulate(shown.cbegin(), shown.cend(), 0, [&widthOf](int sum, int c) { return sum + widthOf(c); });
    };
    for (int column : std::as_const(m_droppable)) {
        if (sumOf(floorOf) <= room || shown.size() < 2)
            break;
        if (shown.removeOne(column)) {
            setColumnHidden(column, true);
            m_dropped << column;
        }
    }
    const int wanted = sumOf([this](int c) { return m_natural[c]; });
    const int floors = sumOf(floorOf);
    int used = 0;
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const int column = shown.at(i);
        int width = m_natural[column];
        if (wanted > room && floors < room) // each gives up a share of what it has above its header
            width = floorOf(column) + int(double(m_natural[column] - floorOf(column)) * double(room - floors) / double(wanted - floors));
        else if (wanted > room) // not even the headers fit: every column narrows alike
            width = std::max(1, int(double(floorOf(column)) * double(room) / double(std::max(1, floors))));
        if (i + 1 == shown.size())
            width = std::max(width, room - used); // the last column takes what is left
        setColumnWidth(column, width);
        used += width;
    }
    m_fitting = false;
}

void FittedTableView::resizeEvent(QResizeEvent* event)
{
    QTableView::resizeEvent(event);
    fitColumns();
}

bool FittedTableView::viewportEvent(QEvent* event)
{
    // The viewport also narrows without the view resizing: when the vertical scroll bar appears.
    if (event->type() == QEvent::Resize) {
        const bool handled = QTableView::viewportEvent(event);
        fitColumns();
        return handled;
    }
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QModelIndex index = indexAt(help->pos());
        if (index.isValid() && !index.data(Qt::ToolTipRole).isValid()) {
            const QString text = index.data(Qt::DisplayRole).toString();
            const int needed = fontMetrics().horizontalAdvance(text) + kCellPadding;
            if (!text.isEmpty() && needed > columnWidth(index.column())) {
                QToolTip::showText(help->globalPos(), text, viewport(), visualRect(index));
                return true;
            }
        }
    }
    return QTableView::viewportEvent(event);
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17: no table in a panel scrolls sideways. Columns fit the view's width, droppable
// columns go first when even the headers do not fit, and elided text is shown in a tooltip.
#include "ui/FittedTableView.h"

#include <QHeaderView>
#include <QStandardItemModel>
#include <QTest>

using namespace sentinel;

namespace {

/// Six columns: a short code, a long message, numbers (aligned right as the panels' models do
/// when `figuresRight`).
QStandardItemModel* sampleModel(QObject* parent, bool figuresRight = false)
{
    auto* model = new QStandardItemModel(0, 6, parent);
    model->setHorizontalHeaderLabels({QStringLiteral("Code"), QStringLiteral("Message"), QStringLiteral("Delivered"),
                                      QStringLiteral("Failed"), QStringLiteral("Retrying"), QStringLiteral("Latency")});
    for (int row = 0; row < 5; ++row) {
        QList<QStandardItem*> items;
        items << new QStandardItem(QStringLiteral("tg"))
              << new QStandardItem(QStringLiteral("HTTP 429 Too Many Requests: retry after 30 s (Telegram's flood control)"))
              << new QStandardItem(QStringLiteral("1,204")) << new QStandardItem(QStringLiteral("3"))
              << new QStandardItem(QStringLiteral("0")) << new QStandardItem(QStringLiteral("240 ms"));
        if (figuresRight) // and a figure wider than its header, as money is
            items.at(3)->setText(QStringLiteral("-13,204.50 USD"));
        for (int column = 2; figuresRight && column < 6; ++column)
            items.at(column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        model->appendRow(items);
    }
    return model;
}

int shownWidth(const QTableView& view)
{
    int sum = 0;
    for (int column = 0; column < view.model()->columnCount(); ++column)
        if (!view.isColumnHidden(column))
            sum += view.columnWidth(column);
    return sum;
}

/// 260 px wide, too narrow for the six headers; Latency, Retrying and Failed may go, in that order.
void showNarrowWithDroppableColumns(FittedTableView& view)
{
    view.setModel(sampleModel(&view));
    view.setDroppableColumns({5, 4, 3});
    view.resize(260, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
}

} // namespace

class TestFittedTableView final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void withRoomEveryColumnTakesItsNaturalWidth();
    void aNarrowViewShrinksColumnsButKeepsTheirHeaders();
    void tooNarrowForTheHeadersDropsTheDroppableColumnsInOrder();
    void widerAgainShowsThemAgain();
    void aFigureIsNeverCutWhileAColumnCanGo();
};

void TestFittedTableView::withRoomEveryColumnTakesItsNaturalWidth()
{
    FittedTableView view;
    view.setModel(sampleModel(&view));
    view.resize(1600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE(view.naturalWidths().size(), 6);
    for (int column = 0; column + 1 < 6; ++column)
        QCOMPARE(view.columnWidth(column), view.naturalWidths().at(column));
    QCOMPARE(shownWidth(view), view.viewport()->width()); // the last column takes what is left
}

void TestFittedTableView::aNarrowViewShrinksColumnsButKeepsTheirHeaders()
{
    FittedTableView view;
    view.setModel(sampleModel(&view));
    view.resize(520, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE(view.naturalWidths().size(), 6);
    QVERIFY(shownWidth(view) <= view.viewport()->width());
    for (int column = 0; column < 6; ++column)
        QVERIFY2(view.columnWidth(column) >= std::min(view.naturalWidths().at(column), view.horizontalHeader()->sectionSizeHint(column)),
                 qPrintable(QString::number(column)));
    // The long message lost the most.
    QVERIFY(view.columnWidth(1) < view.naturalWidths().at(1));
    QVERIFY(view.droppedColumns().isEmpty());
}

void TestFittedTableView::tooNarrowForTheHeadersDropsTheDroppableColumnsInOrder()
{
    FittedTableView view;
    showNarrowWithDroppableColumns(view);
    QTRY_VERIFY(!view.droppedColumns().isEmpty());
    QCOMPARE(view.droppedColumns().constFirst(), 5); // Latency goes first
    for (int column : view.droppedColumns())
        QVERIFY(view.isColumnHidden(column));
    QVERIFY(!view.isColumnHidden(0));
    QVERIFY(!view.isColumnHidden(1));
    // The shown columns fill the view exactly (the scroll bar's range counts columns, not pixels).
    QCOMPARE(shownWidth(view), view.viewport()->width());
}

void TestFittedTableView::widerAgainShowsThemAgain()
{
    FittedTableView view;
    showNarrowWithDroppableColumns(view);
    QTRY_VERIFY(!view.droppedColumns().isEmpty());
    view.resize(1600, 300);
    QTRY_VERIFY(view.droppedColumns().isEmpty());
    for (int column = 0; column < 6; ++column)
        QVERIFY(!view.isColumnHidden(column));
}

void TestFittedTableView::aFigureIsNeverCutWhileAColumnCanGo()
{
    FittedTableView view;
    view.setModel(sampleModel(&view, true));
    view.setDroppableColumns({5, 4});
    view.resize(1600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE(view.naturalWidths().size(), 6);
    const QList<int> natural = view.naturalWidths();
    // Room for the code's and the message's headers and every figure but one: Latency goes, and
    // the figures left keep their whole width while the message shrinks.
    const int headers = view.horizontalHeader()->sectionSizeHint(0) + view.horizontalHeader()->sectionSizeHint(1) + 12;
    const int room = headers + natural.at(2) + natural.at(3) + natural.at(4) + natural.at(5) / 2;
    view.resize(room + (view.width() - view.viewport()->width()), 300);
    QTRY_COMPARE(view.viewport()->width(), room);
    QTRY_COMPARE(view.droppedColumns(), QList<int>{5});
    for (int column : {2, 3})
        QVERIFY2(view.columnWidth(column) >= natural.at(column), qPrintable(QString::number(column)));
    QVERIFY(view.columnWidth(1) < natural.at(1));
    QVERIFY(shownWidth(view) <= view.viewport()->width());
}

QTEST_MAIN(TestFittedTableView)
#include "tst_fittedtableview.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/AlertModel.h"
#include "ui/AlertPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QScopeGuard>
#include <QFileInfo>
#include <QTableView>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

namespace {

/// Stands in for the desktop's browser: QDesktopServices hands it the URL instead of opening it.
class UrlRecorder final : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl& url) { opened << url; }
};

} // namespace

class TestAlertPanel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void whatToDoOpensTheRunbookOfTheCurrentAlert_data();
    void whatToDoOpensTheRunbookOfTheCurrentAlert();
    void whatToDoWaitsForAnAlertToBeChosen();
    void withoutLocalPagesTheLinkPointsAtTheProjectsWebAddress();
    void theSeverityFilterAsksForRoomForItsLongestChoice();
};

void TestAlertPanel::whatToDoOpensTheRunbookOfTheCurrentAlert_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("page");
    QTest::newRow("a stale data alert opens the stale data page") << QStringLiteral("stale_data") << QStringLiteral("stale-data.md");
    QTest::newRow("a recovery opens the page of what recovered") << QStringLiteral("recovered") << QStringLiteral("stale-data.md");
    QTest::newRow("a shared cache recovery opens the cache page") << QStringLiteral("cache_recovered")
                                                                  << QStringLiteral("cache-degraded.md");
    QTest::newRow("a provider's quota alert opens the quota page") << QStringLiteral("quota_exhausted")
                                                                   << QStringLiteral("quota-exhausted.md");
    QTest::newRow("a failed delivery opens the delivery page") << QStringLiteral("delivery_failed")
                                                               << QStringLiteral("delivery-failed.md");
    QTest::newRow("a kind this build does not know opens the index") << QStringLiteral("solar_flare")
                                                                     << QStringLiteral("README.md");
}

void TestAlertPanel::whatToDoOpensTheRunbookOfTheCurrentAlert()
{
    QFETCH(QString, kind);
    QFETCH(QString, page);
    const QString folder = QStringLiteral(SENTINEL_SOURCE_DIR "/docs/runbooks/");
    AlertPanel panel;
    panel.setRunbookBase(QUrl::fromLocalFile(folder));
    panel.applyAlert(alert("a1", AlertView::Severity::Warning, "risk_rejection"));
    AlertView chosen = alert("a2", AlertView::Severity::Warning);
    chosen.kind = kind;
    panel.applyAlert(chosen);
    QCOMPARE(panel.model()->index(0, AlertModel::MessageColumn).data(AlertModel::RunbookRole).toString(), page);

    panel.view()->setCurrentIndex(panel.view()->model()->index(0, AlertModel::KindColumn));
    UrlRecorder browser;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &browser, "open");
    const auto restore = qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("file")); });
    QVERIFY(panel.whatToDoAction()->isEnabled());
    panel.whatToDoAction()->trigger();

    QCOMPARE(browser.opened, QList<QUrl>{QUrl::fromLocalFile(folder + page)});
    QVERIFY2(QFileInfo(browser.opened.constFirst().toLocalFile()).isFile(), qPrintable(browser.opened.constFirst().toString()));
}

void TestAlertPanel::whatToDoWaitsForAnAlertToBeChosen()
{
    AlertPanel panel;
    panel.applyAlert(alert("a1", AlertView::Severity::Critical, "journal_error"));
    QVERIFY(!panel.whatToDoAction()->isEnabled());
    QVERIFY(panel.view()->actions().contains(panel.whatToDoAction())); // offered in the context menu too
    panel.view()->selectRow(0);
    QVERIFY(panel.whatToDoAction()->isEnabled());
    QCOMPARE(panel.whatToDoAction()->objectName(), QStringLiteral("actionOpenRunbook"));
}

void TestAlertPanel::withoutLocalPagesTheLinkPointsAtTheProjectsWebAddress()
{
    AlertPanel panel;
    panel.applyAlert(alert("a1", AlertView::Severity::Warning, "telemetry"));
    const QUrl url = panel.runbookUrl(panel.model()->index(0, 0));
    QCOMPARE(url.scheme(), QStringLiteral("https"));
    QVERIFY2(url.path().endsWith(u"/docs/runbooks/telemetry.md"), qPrintable(url.toString()));
}

void TestAlertPanel::theSeverityFilterAsksForRoomForItsLongestChoice()
{
    // Its choices are named after it is built (retranslate()); a size taken before would cut them
    // to "All sever" in a narrow dock.
    AlertPanel panel;
    panel.resize(200, 300); // narrower than its bar: the panel's least width wins
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto* filter = panel.findChild<QComboBox*>(QStringLiteral("alertSeverityFilter"));
    QVERIFY(filter);
    int longest = 0;
    for (int i = 0; i < filter->count(); ++i)
        longest = std::max(longest, filter->fontMetrics().horizontalAdvance(filter->itemText(i)));
    QVERIFY(longest > 0);
    QVERIFY2(filter->width() > longest, qPrintable(QStringLiteral("%1 <= %2").arg(filter->width()).arg(longest)));
}

QTEST_MAIN(TestAlertPanel)
#include "tst_alertpanel.moc"

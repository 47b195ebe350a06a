// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/ApprovalModel.h"
#include "ui/ApprovalPanel.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

class TestApprovalPanel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void approveAsksForConfirmationShowingWhatWillExecute();
    void cancellingTheConfirmationSendsNothing();
    void rejectAsksForAReason();
    void anExpiredProposalIsNotSentEvenIfConfirmed();
    void detailsShowEverythingTheEngineAttached();
    void advisedProposalShowsTheReasonEveryVoteAndTheFallbackBadge();
    void shortcutsAreTheDocumentedKeys();

private:
    ApprovalPanel* m_panel = nullptr;
    const QDateTime m_created = at("2026-11-24T15:05:00Z");
};

void TestApprovalPanel::init()
{
    m_panel = new ApprovalPanel;
    m_panel->resize(600, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    m_panel->setEngineTime(m_created);
    QVERIFY(m_panel->applyProposal(proposal("p1", m_created)));
}

void TestApprovalPanel::cleanup()
{
    delete m_panel;
    m_panel = nullptr;
}

void TestApprovalPanel::approveAsksForConfirmationShowingWhatWillExecute()
{
    QSignalSpy approved(m_panel, &ApprovalPanel::approveRequested);
    QCOMPARE(m_panel->selectedProposalId(), QStringLiteral("p1"));
    m_panel->findChild<QAction*>(QStringLiteral("actionApproveSelected"))->trigger();
    auto* box = m_panel->findChild<QMessageBox*>(QStringLiteral("approveConfirmation"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(u"Buy 25 AAPL at about 189.42 (XNYS)"), qPrintable(box->text()));
    QVERIFY(box->informativeText().contains(u"VaR before / after: 1.20 % / 1.90 %"));
    QCOMPARE(approved.count(), 0);
    // Enter confirms: the Approve button is the default.
    QCOMPARE(box->defaultButton()->objectName(), QStringLiteral("confirmApproveButton"));
    QTest::keyClick(box, Qt::Key_Return);
    QCOMPARE(approved.count(), 1);
    QCOMPARE(approved.first().at(0).toString(), QStringLiteral("p1"));
}

void TestApprovalPanel::cancellingTheConfirmationSendsNothing()
{
    QSignalSpy approved(m_panel, &ApprovalPanel::approveRequested);
    m_panel->approveAction()->trigger();
    auto* box = m_panel->findChild<QMessageBox*>(QStringLiteral("approveConfirmation"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QTest::keyClick(box, Qt::Key_Escape);
    QCOMPARE(approved.count(), 0);
}

void TestApprovalPanel::rejectAsksForAReason()
{
    QSignalSpy rejected(m_panel, &ApprovalPanel::rejectRequested);
    m_panel->findChild<QAction*>(QStringLiteral("actionRejectSelected"))->trigger();
    auto* dialog = m_panel->findChild<QInputDialog*>(QStringLiteral("rejectReasonDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->labelText().contains(u"AAPL"));
    dialog->setTextValue(QStringLiteral("earnings tonight"));
    dialog->accept();
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(rejected.first().at(0).toString(), QStringLiteral("p1"));
    QCOMPARE(rejected.first().at(1).toString(), QStringLiteral("earnings tonight"));
}

void TestApprovalPanel::anExpiredProposalIsNotSentEvenIfConfirmed()
{
    QSignalSpy approved(m_panel, &ApprovalPanel::approveRequested);
    m_panel->approveAction()->trigger();
    auto* box = m_panel->findChild<QMessageBox*>(QStringLiteral("approveConfirmation"));
    QVERIFY(box);
    // The engine clock passes the expiry while the operator still reads the dialog.
    m_panel->setEngineTime(m_created.addSecs(301));
    box->findChild<QPushButton*>(QStringLiteral("confirmApproveButton"))->click();
    QCOMPARE(approved.count(), 0);
    // And without a dialog, an expired proposal cannot be approved at all.
    m_panel->setConfirmationRequired(false);
    m_panel->approveAction()->trigger();
    QCOMPARE(approved.count(), 0);
}

void TestApprovalPanel::detailsShowEverythingTheEngineAttached()
{
    const QString details = m_panel->findChild<QLabel*>(QStringLiteral("proposalDetails"))->text();
    for (const char* expected : {"SMA 10 crossed above SMA 30", "fresh (lag 1 min)", "VaR 1.9 % within 5 %",
                                 "position 4.7 % within 5 %", "Risk checks passed"})
        QVERIFY2(details.contains(QString::fromLatin1(expected)), expected);
    QCOMPARE(m_panel->windowTitle(), QStringLiteral("Approvals (1)"));
}

void TestApprovalPanel::advisedProposalShowsTheReasonEveryVoteAndTheFallbackBadge()
{
    ProposalView advised = proposal("p2", m_created.addSecs(60));
    AdviceRecord record;
    record.action = QStringLiteral("buy");
    record.reason = QStringLiteral("Broke out of the range on <rising> volume.");
    record.fallback = QStringLiteral("sma_cross");
    record.promptSha256 = QStringLiteral("3f0a9c41d2e87b5566aa01bc93d4e2f1") + QString(32, u'0');
    record.contextLeftOut = {QStringLiteral("sentiment: no Alpha Vantage key configured")};
    record.votes = {AdvisorVote{QStringLiteral("ollama llama3.2:latest at http://127.0.0.1:11434"), QStringLiteral("llama3.2:latest"),
                                QStringLiteral("a80c4f17acd5"), QStringLiteral("buy"), 0.72, 1, 2254, {}, {}},
                    AdvisorVote{QStringLiteral("openai qwen2.5:7b at https://llm.example.com"), QStringLiteral("qwen2.5:7b"), {}, {},
                                0, 1, 0, QStringLiteral("deadline_exceeded"), QStringLiteral("did not answer within 20000 ms")}};
    advised.advice = record;
    QVERIFY(m_panel->applyProposal(advised));
    m_panel->selectProposal(QStringLiteral("p2"));
    auto* label = m_panel->findChild<QLabel*>(QStringLiteral("proposalDetails"));
    QString details = label->text();
    for (const char* expected : {"Advisor: Broke out of the range on &lt;rising&gt; volume.", "llama3.2:latest at http://127.0.0.1:11434",
                                 "<b>buy</b>, confidence 0.72", "2,254 ms", "a80c4f17acd5", "no vote (deadline_exceeded: did not answer within 20000 ms)",
                                 "Left out of the prompt: sentiment: no Alpha Vantage key configured", "3f0a9c41d2e87b55"})
        QVERIFY2(details.contains(QString::fromLatin1(expected)), qPrintable(QString::fromLatin1(expected) + u"\n" + details));
    QVERIFY(!details.contains(u"FALLBACK"));

    if (const QString dir = qEnvironmentVariable("SENTINEL_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_panel->grab().save(dir + QStringLiteral("/approval-advised.png")));

    // The fallback decided: the badge says so and names the rule strategy.
    record.fallbackDecided = true;
    advised.advice = record;
    m_panel->applyProposal(advised); // an update: false says it was not new
    m_panel->selectProposal(QStringLiteral("p1"));
    m_panel->selectProposal(QStringLiteral("p2"));
    details = label->text();
    QVERIFY2(details.contains(u"FALLBACK") && details.contains(u"sma_cross decided"), qPrintable(details));
    if (const QString dir = qEnvironmentVariable("SENTINEL_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_panel->grab().save(dir + QStringLiteral("/approval-fallback.png")));
}

void TestApprovalPanel::shortcutsAreTheDocumentedKeys()
{
    QVERIFY(m_panel->approveAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Return)));
    QVERIFY(m_panel->rejectAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Backspace)));
    QVERIFY(m_panel->rejectAction()->shortcuts().contains(QKeySequence(Qt::Key_Delete)));
    // Nothing selected, nothing to decide on.
    m_panel->applyProposal(proposal("p1", m_created, 300, ProposalView::State::Rejected));
    QVERIFY(!m_panel->approveAction()->isEnabled());
    QVERIFY(!m_panel->rejectAction()->isEnabled());
}

QTEST_MAIN(TestApprovalPanel)
#include "tst_approvalpanel.moc"

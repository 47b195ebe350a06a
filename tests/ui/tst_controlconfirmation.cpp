// SPDX-License-Identifier: GPL-3.0-or-later
// The questions asked before the operator's controls act on the account (issue 16): what each
// says, that it lists every position it closes, and that only its confirm button confirms.
#include "UiSamples.h"
#include "ui/ControlConfirmation.h"
#include "ui/Format.h"

#include <QAbstractButton>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace sentinel;
using namespace sentinel::test;

class TestControlConfirmation final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Figures as an English (US) desk reads them, whatever the machine's locale.
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void flattenListsEveryPosition();
    void flattenWithoutPositionsOffersNothingToConfirm();
    void flattenBeforeTheAccountIsReportedSaysSo();
    void killSwitchSaysWhatItDoes();
    void killSwitchWhilePausedWithNothingOpen();
    void closePositionNamesTheInstrumentAndQuantity();
    void onlyTheConfirmButtonConfirms_data();
    void onlyTheConfirmButtonConfirms();
    void theKillSwitchAsksInGerman();
};

namespace {
const QDateTime asOf = at("2026-11-24T15:05:00Z");

void saveShot(ControlConfirmation& box, const QString& name)
{
    const QString dir = qEnvironmentVariable("SENTINEL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    box.show();
    QVERIFY(QTest::qWaitForWindowExposed(&box));
    QVERIFY(box.grab().save(dir + u'/' + name));
}
} // namespace

void TestControlConfirmation::flattenListsEveryPosition()
{
    const PortfolioView account = portfolio(asOf);
    std::unique_ptr<ControlConfirmation> box(ControlConfirmation::flatten(account, nullptr));
    QCOMPARE(box->objectName(), QStringLiteral("flattenConfirmation"));
    const QString text = box->text();
    QVERIFY2(text.contains(u"Close the 2 open positions below at market?"), qPrintable(text));
    for (const PositionView& p : account.positions) {
        for (const QString& figure : {Format::instrumentKey(p.instrumentKey), Format::quantity(p.quantity),
                                      Format::price(p.marketPrice), Format::profit(p.unrealizedPnl, account.currency)})
            QVERIFY2(text.contains(figure.toHtmlEscaped()), qPrintable(figure + u'\n' + text));
    }
    QVERIFY(text.contains(u"AAPL (XNYS)"));
    QVERIFY(text.contains(u"+148.00 USD"));
    QVERIFY(text.contains(u"-13.00 USD"));
    QVERIFY(text.contains(u"-10,000"));
    QVERIFY(box->informativeText().contains(u"not paused"));
    QVERIFY(box->confirmButton());
    QCOMPARE(box->confirmButton()->text(), QStringLiteral("Flatten All"));
    QCOMPARE(static_cast<QAbstractButton*>(box->defaultButton()), box->confirmButton());
    QCOMPARE(box->escapeButton(), box->cancelButton());
    saveShot(*box, QStringLiteral("flatten-confirmation.png"));

    PortfolioView one = account;
    one.positions.removeLast();
    std::unique_ptr<ControlConfirmation> single(ControlConfirmation::flatten(one, nullptr));
    QVERIFY2(single->text().contains(u"Close the open position below at market?"), qPrintable(single->text()));
    QVERIFY(!single->text().contains(u"EUR/USD"));
}

void TestControlConfirmation::flattenWithoutPositionsOffersNothingToConfirm()
{
    PortfolioView account = portfolio(asOf);
    account.positions.clear();
    std::unique_ptr<ControlConfirmation> box(ControlConfirmation::flatten(account, nullptr));
    QVERIFY2(box->text().contains(u"No open positions"), qPrintable(box->text()));
    QVERIFY(!box->confirmButton());
    QCOMPARE(box->buttons().size(), 1);
    QSignalSpy confirmed(box.get(), &ControlConfirmation::confirmed);
    box->open();
    QTest::keyClick(box.get(), Qt::Key_Return);
    QCOMPARE(confirmed.count(), 0);
}

void TestControlConfirmation::flattenBeforeTheAccountIsReportedSaysSo()
{
    std::unique_ptr<ControlConfirmation> box(ControlConfirmation::flatten(std::nullopt, nullptr));
    QVERIFY2(box->text().contains(u"not been reported yet"), qPrintable(box->text()));
    QVERIFY(!box->confirmButton());
}

void TestControlConfirmation::killSwitchSaysWhatItDoes()
{
    const PortfolioView account = portfolio(asOf);
    std::unique_ptr<ControlConfirmation> box(ControlConfirmation::killSwitch(account, 3, false, nullptr));
    QCOMPARE(box->objectName(), QStringLiteral("killSwitchConfirmation"));
    QCOMPARE(box->icon(), QMessageBox::Critical);
    const QString text = box->text();
    for (const char* expected :
         {"Pause trading:", "no new proposals until you resume", "Reject every pending proposal:", "3 waiting now.",
          "Close every open position at market:", "2 open now, listed below.", "AAPL (XNYS)", "EUR/USD (FX)",
          "+148.00 USD", "-13.00 USD"})
        QVERIFY2(text.contains(QString::fromUtf8(expected)), qPrintable(QString::fromUtf8(expected) + u'\n' + text));
    QVERIFY(box->informativeText().contains(u"until you resume it"));
    QCOMPARE(box->confirmButton()->text(), QStringLiteral("Activate Kill Switch"));
    QCOMPARE(box->confirmButton()->objectName(), QStringLiteral("confirmKillSwitchButton"));
    saveShot(*box, QStringLiteral("kill-switch-confirmation.png"));
}

void TestControlConfirmation::killSwitchWhilePausedWithNothingOpen()
{
    PortfolioView account = portfolio(asOf);
    account.positions.clear();
    std::unique_ptr<ControlConfirmation> box(ControlConfirmation::killSwitch(account, 0, true, nullptr));
    const QString text = box->text();
    QVERIFY2(text.contains(u"Trading stays paused:"), qPrintable(text));
    QVERIFY(text.contains(u"none is waiting now."));
    QVERIFY(text.contains(u"none is open now."));
    QVERIFY(!text.contains(u"<table"));
    // Still something to do: the switch is the operator's to throw.
    QVERIFY(box->confirmButton());
}

void TestControlConfirmation::closePositionNamesTheInstrumentAndQuantity()
{
    const PortfolioView account = portfolio(asOf);
    std::unique_ptr<ControlConfirmation> longBox(
        ControlConfirmation::closePosition(account.positions.at(0), account.currency, nullptr));
    QVERIFY2(longBox->text().contains(u"Close the position of 25 AAPL (XNYS)?"), qPrintable(longBox->text()));
    QVERIFY(longBox->text().contains(u"The platform sells 25 at market."));
    QVERIFY2(longBox->informativeText().contains(u"unrealised P&L +148.00 USD"),
             qPrintable(longBox->informativeText()));
    QCOMPARE(longBox->confirmButton()->objectName(), QStringLiteral("confirmClosePositionButton"));
    std::unique_ptr<ControlConfirmation> shortBox(
        ControlConfirmation::closePosition(account.positions.at(1), account.currency, nullptr));
    QVERIFY2(shortBox->text().contains(u"Close the position of -10,000 EUR/USD (FX)?"), qPrintable(shortBox->text()));
    QVERIFY(shortBox->text().contains(u"The platform buys 10,000 at market."));
}

void TestControlConfirmation::onlyTheConfirmButtonConfirms_data()
{
    QTest::addColumn<QString>("dialog");
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("confirmed");
    for (const char* dialog : {"flatten", "kill switch", "close position"}) {
        const QString name = QString::fromLatin1(dialog);
        QTest::addRow("%s confirmed with its button", dialog) << name << QStringLiteral("confirm") << true;
        QTest::addRow("%s confirmed with Return (the default)", dialog) << name << QStringLiteral("return") << true;
        QTest::addRow("%s cancelled with its button", dialog) << name << QStringLiteral("cancel") << false;
        QTest::addRow("%s cancelled with Escape", dialog) << name << QStringLiteral("escape") << false;
    }
}

void TestControlConfirmation::onlyTheConfirmButtonConfirms()
{
    QFETCH(QString, dialog);
    QFETCH(QString, how);
    QFETCH(bool, confirmed);
    const PortfolioView account = portfolio(asOf);
    std::unique_ptr<ControlConfirmation> box;
    if (dialog == u"flatten")
        box.reset(ControlConfirmation::flatten(account, nullptr));
    else if (dialog == u"kill switch")
        box.reset(ControlConfirmation::killSwitch(account, 1, false, nullptr));
    else
        box.reset(ControlConfirmation::closePosition(account.positions.at(0), account.currency, nullptr));
    QSignalSpy spy(box.get(), &ControlConfirmation::confirmed);
    box->open();
    QVERIFY(QTest::qWaitForWindowExposed(box.get()));
    if (how == u"confirm")
        QTest::mouseClick(box->confirmButton(), Qt::LeftButton);
    else if (how == u"cancel")
        QTest::mouseClick(box->cancelButton(), Qt::LeftButton);
    else
        QTest::keyClick(box.get(), how == u"escape" ? Qt::Key_Escape : Qt::Key_Return);
    QVERIFY(box->isHidden());
    QCOMPARE(spy.count(), confirmed ? 1 : 0);
}

void TestControlConfirmation::theKillSwitchAsksInGerman()
{
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::German), QStringLiteral("sentinel"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&translator);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    std::unique_ptr<ControlConfirmation> box(ControlConfirmation::killSwitch(portfolio(asOf), 3, false, nullptr));
    const QString text = box->text();
    QVERIFY2(text.contains(u"Not-Aus auslösen?") && text.contains(u"3 warten gerade.") && text.contains(u"-10.000") &&
                 text.contains(u"+148,00 USD"),
             qPrintable(text));
    QCOMPARE(box->confirmButton()->text(), QStringLiteral("Not-Aus auslösen"));
    saveShot(*box, QStringLiteral("kill-switch-confirmation-de.png"));
    QCoreApplication::removeTranslator(&translator);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

QTEST_MAIN(TestControlConfirmation)
#include "tst_controlconfirmation.moc"

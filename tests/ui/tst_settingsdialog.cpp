// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "config/ConfigLoader.h"
#include "ui/ConfigStore.h"
#include "ui/ModelServerTable.h"
#include "ui/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

namespace {

/// Records what the dialog would save; the keychain is a map.
class FakeConfigStore final : public ConfigStore
{
    Q_OBJECT
public:
    explicit FakeConfigStore(QByteArray yaml) : m_yaml(std::move(yaml)) {}
    QByteArray currentYaml() const override { return m_yaml; }
    QString location() const override { return QStringLiteral("/home/trader/.config/TradeSentinel/config.yaml"); }
    std::optional<QString> lookup(const QString& variable) const override
    {
        return keychain.contains(variable) ? std::optional<QString>(keychain.value(variable)) : std::nullopt;
    }
    bool inKeychain(const QString& variable) const override { return keychain.contains(variable); }
    bool keychainAvailable() const override { return true; }
    UiPreferences preferences() const override { return stored; }
    KnownNames knownNames() const override { return known; }
    void save(const QByteArray& yaml, const QList<SecretUpdate>& secrets, const UiPreferences& preferences) override
    {
        savedYaml = yaml;
        savedSecrets = secrets;
        stored = preferences;
        Q_EMIT saveFinished(true, {});
    }
    void checkBroker(const QByteArray& yaml, const QList<SecretUpdate>& unsaved, const QString& broker) override
    {
        checkedYaml = yaml;
        checkedSecrets = unsaved;
        checkedBroker = broker;
    }
    /// Answers the last check as the store would, from its thread.
    void answer(const BrokerCheckOutcome& outcome) { Q_EMIT brokerChecked(outcome); }
    void checkAdvisor(const QByteArray& yaml, const QList<SecretUpdate>& unsaved) override
    {
        testedYaml = yaml;
        testedSecrets = unsaved;
        ++advisorTests;
    }
    void answer(const AdvisorCheckReport& report) { Q_EMIT advisorChecked(report); }

    QHash<QString, QString> keychain;
    KnownNames known;
    QByteArray savedYaml;
    QList<SecretUpdate> savedSecrets;
    UiPreferences stored;
    QByteArray checkedYaml;
    QList<SecretUpdate> checkedSecrets;
    QString checkedBroker;
    QByteArray testedYaml;
    QList<SecretUpdate> testedSecrets;
    int advisorTests = 0;

private:
    QByteArray m_yaml;
};

QByteArray demoYaml()
{
    QFile file(QStringLiteral(SENTINEL_SOURCE_DIR "/resources/config/demo.yaml"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSettingsDialog final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theDemoProfileValidatesCleanly();
    void marketsTheApplicationKnowsAreAccepted();
    void aProblemIsShownNextToItsField_data();
    void aProblemIsShownNextToItsField();
    void aBadWatchlistRowIsNamedAndHighlighted();
    void aKeychainSecretNeverReachesTheFile();
    void aChosenLanguageIsSavedAndAskedForAtOnce();
    void everyControlHasAnAccessibleName();
    void anOandaAccountIsWrittenWithItsTokenAsAReference();
    void liveMoneyWithoutTheSecondYesIsShownOnTheBrokersPage();
    void theCheckButtonUsesUnsavedValuesAndShowsTheAnswer();
    void disablingABrokerRemovesItsSection();
    void advisorServersAreWrittenWithTheirKeyAsAReferenceAndReadBack();
    void anAdvisorProblemIsShownAndItsRowNamed();
    void theTestButtonShowsEachServersResultNextToItsRow();
};

void TestSettingsDialog::theDemoProfileValidatesCleanly()
{
    FakeConfigStore store(demoYaml());
    SettingsDialog dialog(store);
    QVERIFY2(!hasErrors(dialog.issues()), qPrintable(dialog.issues().isEmpty() ? QString() : dialog.issues().first().toString()));
    QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("saveSettingsButton"))->isEnabled());
    QCOMPARE(dialog.findChild<QTableWidget*>(QStringLiteral("watchlistTable"))->rowCount(), 6);
    // The dialog's YAML loads back to the same watchlist and limits.
    const ConfigLoadResult reloaded = ConfigLoader().loadText(dialog.renderedYaml());
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded.config.watchlist, ConfigLoader().loadText(demoYaml()).config.watchlist);
    QCOMPARE(reloaded.config.risk.maxVarPct, 0.05);
}

void TestSettingsDialog::marketsTheApplicationKnowsAreAccepted()
{
    // A market from the user's calendar file: the engine runs it, so the dialog must save it.
    QByteArray yaml = demoYaml();
    QVERIFY(yaml.contains("market: XNAS"));
    yaml.replace("market: XNAS", "market: XNAS_DESK");
    FakeConfigStore builtInOnly(yaml);
    SettingsDialog refused(builtInOnly);
    QVERIFY(hasErrors(refused.issues()));
    FakeConfigStore withDesk(yaml);
    withDesk.known.markets << QStringLiteral("XNAS_DESK");
    SettingsDialog accepted(withDesk);
    QVERIFY2(!hasErrors(accepted.issues()), qPrintable(accepted.issues().isEmpty() ? QString() : accepted.issues().first().toString()));
    QVERIFY(accepted.findChild<QPushButton*>(QStringLiteral("saveSettingsButton"))->isEnabled());
}

void TestSettingsDialog::aProblemIsShownNextToItsField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("issueLabel");
    QTest::newRow("a chat id that is not one is reported at telegram.chat_id")
        << QStringLiteral("telegramChatIdEdit") << QStringLiteral("not a chat") << QStringLiteral("issue_telegram.chat_id");
    QTest::newRow("a token Telegram would refuse for its shape is reported at telegram.bot_token")
        << QStringLiteral("telegramTokenEdit") << QStringLiteral("123:abc") << QStringLiteral("issue_telegram.bot_token");
    QTest::newRow("a webhook without https is reported at webhook.url")
        << QStringLiteral("webhookUrlEdit") << QStringLiteral("http://example.com/hook") << QStringLiteral("issue_webhook.url");
    QTest::newRow("a confidence below 50 % is reported at risk.var_confidence")
        << QStringLiteral("varConfidenceSpin") << QStringLiteral("40") << QStringLiteral("issue_risk.var_confidence");
}

void TestSettingsDialog::aProblemIsShownNextToItsField()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, issueLabel);
    FakeConfigStore store(demoYaml());
    store.keychain.insert(QStringLiteral("TELEGRAM_BOT_TOKEN"), QStringLiteral("123456:AAF-settings_dialog_token_0123456789ab"));
    store.keychain.insert(QStringLiteral("WEBHOOK_SECRET"), QStringLiteral("s3cret-settings-dialog"));
    SettingsDialog dialog(store);
    dialog.findChild<QCheckBox*>(QStringLiteral("telegramEnabledCheck"))->setChecked(true);
    dialog.findChild<QLineEdit*>(QStringLiteral("telegramChatIdEdit"))->setText(QStringLiteral("123456"));
    dialog.findChild<QCheckBox*>(QStringLiteral("webhookEnabledCheck"))->setChecked(true);
    dialog.findChild<QLineEdit*>(QStringLiteral("webhookUrlEdit"))->setText(QStringLiteral("https://example.com/hook"));
    dialog.validateNow();
    QVERIFY2(!hasErrors(dialog.issues()), qPrintable(dialog.issues().isEmpty() ? QString() : dialog.issues().first().toString()));
    auto* label = dialog.findChild<QLabel*>(issueLabel);
    QVERIFY(label);
    QVERIFY(label->isHidden());

    if (auto* line = dialog.findChild<QLineEdit*>(field))
        line->setText(value);
    else
        dialog.findChild<QDoubleSpinBox*>(field)->setValue(value.toDouble());
    // Validation runs shortly after typing stops.
    QTRY_VERIFY(!label->isHidden());
    QVERIFY(!label->text().isEmpty());
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("saveSettingsButton"))->isEnabled());
}

void TestSettingsDialog::aBadWatchlistRowIsNamedAndHighlighted()
{
    FakeConfigStore store(demoYaml());
    SettingsDialog dialog(store);
    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("watchlistTable"));
    table->item(2, 1)->setText(QStringLiteral("XNYSE"));
    dialog.validateNow();
    auto* label = dialog.findChild<QLabel*>(QStringLiteral("issue_watchlist"));
    QVERIFY(!label->isHidden());
    QVERIFY2(label->text().contains(u"watchlist[2]"), qPrintable(label->text()));
    QVERIFY(table->item(2, 1)->background().style() != Qt::NoBrush);
    QVERIFY(table->item(1, 1)->background().style() == Qt::NoBrush);
}

void TestSettingsDialog::aChosenLanguageIsSavedAndAskedForAtOnce()
{
    FakeConfigStore store(demoYaml());
    SettingsDialog dialog(store);
    QSignalSpy chosen(&dialog, &SettingsDialog::languageChosen);
    auto* language = dialog.findChild<QComboBox*>(QStringLiteral("languageCombo"));
    language->setCurrentIndex(language->findData(QStringLiteral("es")));
    dialog.findChild<QPushButton*>(QStringLiteral("saveSettingsButton"))->click();
    // Asked for when saved (the window applies it at once, ADR 0141), and kept for the next start.
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().at(0).toString(), QStringLiteral("es"));
    QCOMPARE(store.stored.language, QStringLiteral("es"));
}

void TestSettingsDialog::aKeychainSecretNeverReachesTheFile()
{
    FakeConfigStore store(demoYaml());
    SettingsDialog dialog(store);
    dialog.findChild<QCheckBox*>(QStringLiteral("telegramEnabledCheck"))->setChecked(true);
    dialog.findChild<QLineEdit*>(QStringLiteral("telegramChatIdEdit"))->setText(QStringLiteral("@trading_desk"));
    dialog.findChild<QComboBox*>(QStringLiteral("telegramTokenEditStorage"))->setCurrentIndex(1);
    auto* token = dialog.findChild<QLineEdit*>(QStringLiteral("telegramTokenEdit"));
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    token->setText(QStringLiteral("123456:AAFsecretvalue_keychain_only_0123456789"));
    dialog.validateNow();
    QVERIFY2(!hasErrors(dialog.issues()), qPrintable(dialog.issues().isEmpty() ? QString() : dialog.issues().first().toString()));
    QSignalSpy finished(&dialog, &QDialog::finished);
    dialog.findChild<QPushButton*>(QStringLiteral("saveSettingsButton"))->click();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!store.savedYaml.contains("AAFsecretvalue"));
    QVERIFY2(store.savedYaml.contains("${TELEGRAM_BOT_TOKEN}"), store.savedYaml.constData());
    QCOMPARE(store.savedSecrets.size(), 1);
    QCOMPARE(store.savedSecrets.first().variable, QStringLiteral("TELEGRAM_BOT_TOKEN"));
    QCOMPARE(store.savedSecrets.first().value, QStringLiteral("123456:AAFsecretvalue_keychain_only_0123456789"));
}

void TestSettingsDialog::everyControlHasAnAccessibleName()
{
    FakeConfigStore store(demoYaml());
    SettingsDialog dialog(store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Each page in turn: only the shown one is visible.
    auto* tabs = dialog.findChild<QTabWidget*>(QStringLiteral("settingsTabs"));
    QVERIFY(tabs->count() >= 6);
    for (int page = 0; page < tabs->count(); ++page) {
        tabs->setCurrentIndex(page);
        const QStringList unnamed = unnamedControls(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(tabs->tabText(page) + u": " + unnamed.join(QStringLiteral(", "))));
    }
}

namespace {

/// Opens the Brokers page and turns the OANDA account on with an account id and a token typed
/// for the keychain.
void fillOanda(SettingsDialog& dialog, const QString& token)
{
    dialog.findChild<QGroupBox*>(QStringLiteral("oandaGroup"))->setChecked(true);
    dialog.findChild<QLineEdit*>(QStringLiteral("oandaAccountEdit"))->setText(QStringLiteral("101-004-1234567-001"));
    dialog.findChild<QComboBox*>(QStringLiteral("oandaTokenEditStorage"))->setCurrentIndex(1);
    dialog.findChild<QLineEdit*>(QStringLiteral("oandaTokenEdit"))->setText(token);
}

const QString oandaToken = QStringLiteral("f00dfeedcafe0123456789abcdef0123-0123456789abcdef0123456789abcdef");

} // namespace

// Issue 14: Settings gains the brokers; a token typed there goes to the keychain, the file gets
// ${OANDA_TOKEN}.
void TestSettingsDialog::anOandaAccountIsWrittenWithItsTokenAsAReference()
{
    FakeConfigStore store(demoYaml());
    SettingsDialog dialog(store);
    fillOanda(dialog, oandaToken);
    // Orders to OANDA while the watchlist holds BTC/USD: the row is named, and Save stays off.
    auto* platform = dialog.findChild<QComboBox*>(QStringLiteral("platformCombo"));
    platform->setCurrentIndex(platform->findData(QStringLiteral("oanda")));
    dialog.validateNow();
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("saveSettingsButton"))->isEnabled());
    QVERIFY2(dialog.findChild<QLabel*>(QStringLiteral("issue_watchlist"))->text().contains(u"cannot be traded on OANDA"),
             qPrintable(dialog.findChild<QLabel*>(QStringLiteral("issue_watchlist"))->text()));
    platform->setCurrentIndex(platform->findData(QStringLiteral("paper")));
    dialog.validateNow();
    QVERIFY2(!hasErrors(dialog.issues()), qPrintable(dialog.issues().isEmpty() ? QString() : dialog.issues().first().toString()));
    dialog.findChild<QPushButton*>(QStringLiteral("saveSettingsButton"))->click();
    QVERIFY(!store.savedYaml.contains(oandaToken.toUtf8()));
    QVERIFY2(store.savedYaml.contains("token: ${OANDA_TOKEN}") && store.savedYaml.contains("account_id: 101-004-1234567-001")
                 && store.savedYaml.contains("environment: practice"),
             store.savedYaml.constData());
    QCOMPARE(store.savedSecrets.size(), 1);
    QCOMPARE(store.savedSecrets.first().variable, QStringLiteral("OANDA_TOKEN"));
    QCOMPARE(store.savedSecrets.first().value, oandaToken);
    // What was saved loads back into the same page.
    FakeConfigStore reopened(store.savedYaml);
    reopened.keychain.insert(QStringLiteral("OANDA_TOKEN"), oandaToken);
    SettingsDialog again(reopened);
    QVERIFY(again.findChild<QGroupBox*>(QStringLiteral("oandaGroup"))->isChecked());
    QCOMPARE(again.findChild<QLineEdit*>(QStringLiteral("oandaAccountEdit"))->text(), QStringLiteral("101-004-1234567-001"));
    QCOMPARE(again.findChild<QComboBox*>(QStringLiteral("platformCombo"))->currentData().toString(), QStringLiteral("paper"));
    QVERIFY(!hasErrors(again.issues()));
}

void TestSettingsDialog::liveMoneyWithoutTheSecondYesIsShownOnTheBrokersPage()
{
    FakeConfigStore store(demoYaml());
    SettingsDialog dialog(store);
    fillOanda(dialog, oandaToken);
    auto* environment = dialog.findChild<QComboBox*>(QStringLiteral("oandaEnvironmentCombo"));
    environment->setCurrentIndex(environment->findData(int(BrokerEnvironment::Live)));
    dialog.validateNow();
    QVERIFY(hasErrors(dialog.issues()));
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("saveSettingsButton"))->isEnabled());
    const QList<QLabel*> shown = dialog.findChildren<QLabel*>(QRegularExpression(QStringLiteral("^issue_oanda")));
    const bool named = std::any_of(shown.cbegin(), shown.cend(), [](const QLabel* label) {
        return !label->isHidden() && label->text().contains(u"allow_live");
    });
    QVERIFY2(named, qPrintable(dialog.issues().first().toString()));
    dialog.findChild<QCheckBox*>(QStringLiteral("oandaAllowLiveCheck"))->setChecked(true);
    dialog.validateNow();
    QVERIFY2(!hasErrors(dialog.issues()), qPrintable(dialog.issues().isEmpty() ? QString() : dialog.issues().first().toString()));
}

void TestSettingsDialog::theCheckButtonUsesUnsavedValuesAndShowsTheAnswer()
{
    FakeConfigStore store(demoYaml());
    SettingsDialog dialog(store);
    fillOanda(dialog, oandaToken);
    auto* check = dialog.findChild<QPushButton*>(QStringLiteral("oandaCheckButton"));
    auto* result = dialog.findChild<QLabel*>(QStringLiteral("oandaCheckResult"));
    check->click();
    QCOMPARE(store.checkedBroker, QStringLiteral("oanda"));
    QVERIFY(store.checkedYaml.contains("account_id: 101-004-1234567-001"));
    QVERIFY(!store.checkedYaml.contains(oandaToken.toUtf8()));
    QCOMPARE(store.checkedSecrets.size(), 1);
    QCOMPARE(store.checkedSecrets.first().value, oandaToken);
    QVERIFY(!check->isEnabled()); // one check at a time
    QCOMPARE(result->text(), QStringLiteral("Checking…"));

    QJsonObject report{{QStringLiteral("platform"), QStringLiteral("oanda")}, {QStringLiteral("environment"), QStringLiteral("practice")},
                       {QStringLiteral("account_id"), QStringLiteral("101-004-1234567-001")}, {QStringLiteral("currency"), QStringLiteral("USD")},
                       {QStringLiteral("balance"), 100000.5},
                       {QStringLiteral("positions"), QJsonArray{QJsonObject{{QStringLiteral("instrument"), QStringLiteral("EUR/USD")}}}}};
    store.answer(BrokerCheckOutcome{QStringLiteral("oanda"), report, {}, false});
    QVERIFY(check->isEnabled());
    QCOMPARE(result->text(), QStringLiteral("Connected to OANDA (practice): account 101-004-1234567-001, balance %1 USD, open positions: 1")
                                 .arg(QLocale().toString(100000.5, 'f', 2)));
    store.answer(BrokerCheckOutcome{QStringLiteral("oanda"), std::nullopt,
                                    Error(QStringLiteral("unauthorized"), QStringLiteral("OANDA refused the token"),
                                          QStringLiteral("renew oanda.token")),
                                    true});
    QCOMPARE(result->text(), QStringLiteral("Not connected: OANDA refused the token (renew oanda.token)"));
    QVERIFY(!result->text().contains(oandaToken));

    // For a look by eye: SENTINEL_SCREENSHOT_DIR=/tmp/shots saves the page after a check.
    if (const QString dir = qEnvironmentVariable("SENTINEL_SCREENSHOT_DIR"); !dir.isEmpty()) {
        store.answer(BrokerCheckOutcome{QStringLiteral("oanda"), report, {}, false});
        dialog.findChild<QTabWidget*>(QStringLiteral("settingsTabs"))->setCurrentWidget(dialog.findChild<QWidget*>(QStringLiteral("brokersPage")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/settings-brokers.png")));
    }
}

void TestSettingsDialog::disablingABrokerRemovesItsSection()
{
    FakeConfigStore store(demoYaml() + "\ncoinbase:\n  key_name: ${COINBASE_KEY_NAME}\n  private_key: ${COINBASE_PRIVATE_KEY}\n"
                                       "  timeout_s: 20\n");
    store.keychain.insert(QStringLiteral("COINBASE_KEY_NAME"), QStringLiteral("organizations/o/apiKeys/k"));
    SettingsDialog dialog(store);
    auto* coinbase = dialog.findChild<QGroupBox*>(QStringLiteral("coinbaseGroup"));
    QVERIFY(coinbase->isChecked());
    QVERIFY2(dialog.renderedYaml().contains("timeout_s: 20"), "a key the page does not show is kept");
    coinbase->setChecked(false);
    QVERIFY(!dialog.renderedYaml().contains("coinbase"));
    QVERIFY(!dialog.renderedYaml().contains("oanda"));
}

namespace {

const QString advisorKey = QStringLiteral("sk-advisor-settings-key-0123456789abcdef");

/// Opens the Advisor page, picks the LLM advisor and adds an Ollama server and an
/// OpenAI-compatible one whose key is typed for the keychain.
ModelServerTable* fillAdvisor(SettingsDialog& dialog)
{
    auto* strategy = dialog.findChild<QComboBox*>(QStringLiteral("strategyCombo"));
    strategy->setCurrentIndex(strategy->findData(QStringLiteral("llm_advisor")));
    auto* table = dialog.findChild<ModelServerTable*>(QStringLiteral("advisorServersTable"));
    auto* add = dialog.findChild<QPushButton*>(QStringLiteral("addAdvisorServerButton"));
    add->click();
    table->item(0, ModelServerTable::ModelColumn)->setText(QStringLiteral("llama3.2"));
    add->click();
    auto* kind = qobject_cast<QComboBox*>(table->cellWidget(1, ModelServerTable::KindColumn));
    kind->setCurrentIndex(kind->findData(int(ModelServerKind::OpenAiCompatible)));
    table->item(1, ModelServerTable::UrlColumn)->setText(QStringLiteral("https://llm.example.com/v1"));
    table->item(1, ModelServerTable::ModelColumn)->setText(QStringLiteral("qwen2.5-7b-instruct"));
    qobject_cast<QDoubleSpinBox*>(table->cellWidget(1, ModelServerTable::WeightColumn))->setValue(2);
    table->setCurrentCell(1, ModelServerTable::UrlColumn);
    auto* keys = table->keyEditors();
    [&] {
        QVERIFY(keys->isEnabled()); // an OpenAI-compatible row takes a key
        keys->currentWidget()->findChild<QComboBox*>(QStringLiteral("advisorApiKeyEditStorage"))->setCurrentIndex(1);
        auto* key = keys->currentWidget()->findChild<QLineEdit*>(QStringLiteral("advisorApiKeyEdit"));
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        key->setText(advisorKey);
    }();
    dialog.validateNow();
    return table;
}

} // namespace

// Issue 15: Settings gains an Advisor section; a key typed there goes to the keychain, the file
// gets ${ADVISOR_API_KEY_2}, and Ollama rows get no key.
void TestSettingsDialog::advisorServersAreWrittenWithTheirKeyAsAReferenceAndReadBack()
{
    FakeConfigStore store(demoYaml());
    SettingsDialog dialog(store);
    ModelServerTable* table = fillAdvisor(dialog);
    table->setCurrentCell(0, ModelServerTable::UrlColumn);
    QVERIFY(!table->keyEditors()->isEnabled()); // Ollama takes no key
    QVERIFY2(!hasErrors(dialog.issues()), qPrintable(dialog.issues().isEmpty() ? QString() : dialog.issues().first().toString()));
    dialog.findChild<QPushButton*>(QStringLiteral("saveSettingsButton"))->click();
    QVERIFY(!store.savedYaml.contains(advisorKey.toUtf8()));
    const ConfigLoadResult saved = ConfigLoader().loadText(store.savedYaml);
    QCOMPARE(saved.config.strategyName, QStringLiteral("llm_advisor"));
    QCOMPARE(saved.config.advisor.providers.size(), 2);
    QCOMPARE(saved.config.advisor.providers[1].weight, 2.0);
    QVERIFY2(store.savedYaml.contains("${ADVISOR_API_KEY_2}"), store.savedYaml.constData());
    QCOMPARE(store.savedYaml.count("api_key"), 1);
    QCOMPARE(store.savedSecrets.size(), 1);
    QCOMPARE(store.savedSecrets.first().variable, QStringLiteral("ADVISOR_API_KEY_2"));
    QCOMPARE(store.savedSecrets.first().value, advisorKey);

    FakeConfigStore reopened(store.savedYaml);
    reopened.keychain.insert(QStringLiteral("ADVISOR_API_KEY_2"), advisorKey);
    SettingsDialog again(reopened);
    QVERIFY(!hasErrors(again.issues()));
    const QList<ModelServerDraft> before = dialog.draft().advisorProviders;
    QList<ModelServerDraft> after = again.draft().advisorProviders;
    QCOMPARE(after.size(), 2);
    QCOMPARE(after[0], before[0]);
    QCOMPARE(after[1].apiKey.variable, before[1].apiKey.variable);
    after[1].apiKey = before[1].apiKey; // the keychain holds the value now; the field does not show it
    QCOMPARE(after[1], before[1]);
    const auto* reread = again.findChild<ModelServerTable*>(QStringLiteral("advisorServersTable"));
    QCOMPARE(reread->rowCount(), 2);
    QCOMPARE(reread->item(1, ModelServerTable::ModelColumn)->text(), QStringLiteral("qwen2.5-7b-instruct"));
    QCOMPARE(again.findChild<QComboBox*>(QStringLiteral("strategyCombo"))->currentData().toString(), QStringLiteral("llm_advisor"));
}

void TestSettingsDialog::anAdvisorProblemIsShownAndItsRowNamed()
{
    FakeConfigStore store(demoYaml());
    SettingsDialog dialog(store);
    auto* strategy = dialog.findChild<QComboBox*>(QStringLiteral("strategyCombo"));
    strategy->setCurrentIndex(strategy->findData(QStringLiteral("llm_advisor")));
    dialog.validateNow();
    // The LLM advisor with no server at all: said under the table, and Save stays off.
    QVERIFY(hasErrors(dialog.issues()));
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("saveSettingsButton"))->isEnabled());
    auto* section = dialog.findChild<QLabel*>(QStringLiteral("issue_advisor"));
    auto* rows = dialog.findChild<QLabel*>(QStringLiteral("issue_advisor.providers"));
    QVERIFY2(!section->isHidden() || !rows->isHidden(), qPrintable(dialog.issues().first().toString()));

    // A server with plain http to a remote host: its row is named and tinted.
    dialog.findChild<QPushButton*>(QStringLiteral("addAdvisorServerButton"))->click();
    dialog.findChild<QPushButton*>(QStringLiteral("addAdvisorServerButton"))->click();
    auto* table = dialog.findChild<ModelServerTable*>(QStringLiteral("advisorServersTable"));
    table->item(0, ModelServerTable::ModelColumn)->setText(QStringLiteral("llama3.2"));
    table->item(1, ModelServerTable::ModelColumn)->setText(QStringLiteral("llama3.2"));
    table->item(1, ModelServerTable::UrlColumn)->setText(QStringLiteral("http://llm.example.com"));
    dialog.validateNow();
    QVERIFY(!rows->isHidden());
    QVERIFY2(rows->text().contains(u"advisor.providers[1].base_url"), qPrintable(rows->text()));
    QVERIFY(section->isHidden());
    QVERIFY(table->item(1, ModelServerTable::UrlColumn)->background().style() != Qt::NoBrush);
    QVERIFY(table->item(0, ModelServerTable::UrlColumn)->background().style() == Qt::NoBrush);
    table->item(1, ModelServerTable::UrlColumn)->setText(QStringLiteral("https://llm.example.com"));
    dialog.validateNow();
    QVERIFY2(!hasErrors(dialog.issues()), qPrintable(dialog.issues().isEmpty() ? QString() : dialog.issues().first().toString()));
    QVERIFY(table->item(1, ModelServerTable::UrlColumn)->background().style() == Qt::NoBrush);
}

void TestSettingsDialog::theTestButtonShowsEachServersResultNextToItsRow()
{
    FakeConfigStore store(demoYaml());
    SettingsDialog dialog(store);
    ModelServerTable* table = fillAdvisor(dialog);
    auto* test = dialog.findChild<QPushButton*>(QStringLiteral("advisorTestButton"));
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("advisorTestStatus"));
    test->click();
    QCOMPARE(store.advisorTests, 1);
    QVERIFY(store.testedYaml.contains("qwen2.5-7b-instruct"));
    QVERIFY(!store.testedYaml.contains(advisorKey.toUtf8()));
    QCOMPARE(store.testedSecrets.size(), 1);
    QCOMPARE(store.testedSecrets.first().value, advisorKey);
    QVERIFY(!test->isEnabled()); // one test at a time, and the rows stay put meanwhile
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("addAdvisorServerButton"))->isEnabled());
    QCOMPARE(table->item(0, ModelServerTable::ResultColumn)->text(), QStringLiteral("Testing…"));

    AdvisorServerCheck good;
    good.name = QStringLiteral("ollama llama3.2:latest at http://127.0.0.1:11434");
    good.reachable = good.modelPresent = good.validOutput = true;
    good.latency = std::chrono::milliseconds(42);
    AdvisorServerCheck down;
    down.name = QStringLiteral("openai qwen2.5-7b-instruct at https://llm.example.com/v1");
    down.error = Error(QStringLiteral("advisor_unreachable"), QStringLiteral("the server did not answer"),
                       QStringLiteral("check the server runs"));
    store.answer(AdvisorCheckReport{{good, down}, {}});
    QVERIFY(test->isEnabled());
    QCOMPARE(table->item(0, ModelServerTable::ResultColumn)->text(), QStringLiteral("Valid answer, %1 ms").arg(QLocale().toString(42)));
    QVERIFY2(table->item(0, ModelServerTable::ResultColumn)->toolTip().endsWith(
                 QStringLiteral("Reachable: yes (%1 ms) · model present: yes · valid answer: yes").arg(QLocale().toString(42))),
             qPrintable(table->item(0, ModelServerTable::ResultColumn)->toolTip()));
    QCOMPARE(table->item(1, ModelServerTable::ResultColumn)->text(), QStringLiteral("Not reachable"));
    QVERIFY(table->item(1, ModelServerTable::ResultColumn)->toolTip().contains(
        u"Reachable: no · model present: no · valid answer: no\nthe server did not answer (check the server runs)"));
    QCOMPARE(status->text(), QStringLiteral("1 of 2 model servers failed the test; each row says why."));
    table->setCurrentCell(1, ModelServerTable::UrlColumn);
    const auto* detail = dialog.findChild<QLabel*>(QStringLiteral("advisorTestDetail"));
    QVERIFY2(detail->text().contains(u"check the server runs"), qPrintable(detail->text()));
    for (const QLabel* label : dialog.findChildren<QLabel*>())
        QVERIFY(!label->text().contains(advisorKey));

    AdvisorCheckReport blocked;
    blocked.blocker = Error(QStringLiteral("invalid_config"), QStringLiteral("no advisor model server is configured"));
    store.answer(blocked);
    QVERIFY(status->text().startsWith(u"Not tested: no advisor model server is configured"));

    // Every control of the page, the cell editors of its rows included, has a name to be read out.
    store.answer(AdvisorCheckReport{{good, down}, {}});
    auto* tabs = dialog.findChild<QTabWidget*>(QStringLiteral("settingsTabs"));
    tabs->setCurrentWidget(dialog.findChild<QWidget*>(QStringLiteral("advisorPage")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QStringList unnamed = unnamedControls(&dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    // For a look by eye: SENTINEL_SCREENSHOT_DIR=/tmp/shots saves the page after a test.
    if (const QString dir = qEnvironmentVariable("SENTINEL_SCREENSHOT_DIR"); !dir.isEmpty()) {
        table->setCurrentCell(1, ModelServerTable::UrlColumn);
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/settings-advisor.png")));
    }
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"

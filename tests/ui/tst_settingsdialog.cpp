// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "config/ConfigLoader.h"
#include "ui/ConfigStore.h"
#include "ui/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
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

    QHash<QString, QString> keychain;
    KnownNames known;
    QByteArray savedYaml;
    QList<SecretUpdate> savedSecrets;
    UiPreferences stored;

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
    void everyControlHasAnAccessibleName();
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
    const QStringList unnamed = unnamedControls(&dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"

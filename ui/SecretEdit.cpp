// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SecretEdit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace sentinel {

namespace {
constexpr int inEnvironment = 0;
constexpr int inKeychain = 1;
} // namespace

SecretEdit::SecretEdit(ConfigStore& store, const QString& objectName, const QString& accessibleName, QWidget* parent)
    : QWidget(parent), m_store(store), m_storage(new QComboBox(this)), m_text(new QLineEdit(this))
{
    setObjectName(objectName + QStringLiteral("Row"));
    m_storage->setObjectName(objectName + QStringLiteral("Storage"));
    m_storage->setAccessibleName(tr("Where %1 is kept").arg(accessibleName));
    m_storage->addItem(tr("Environment variable"));
    m_storage->addItem(tr("OS keychain"));
    if (!m_store.keychainAvailable())
        m_storage->setItemData(inKeychain, tr("No OS keychain is available on this system"), Qt::ToolTipRole);
    m_text->setObjectName(objectName);
    m_text->setAccessibleName(accessibleName);
    setFocusProxy(m_text);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_storage);
    row->addWidget(m_text, 1);
    connect(m_text, &QLineEdit::textChanged, this, &SecretEdit::edited);
    connect(m_storage, &QComboBox::currentIndexChanged, this, [this] {
        showStorage();
        Q_EMIT edited();
    });
}

void SecretEdit::load(const SecretField& field)
{
    const QSignalBlocker quietStorage(m_storage);
    const QSignalBlocker quietText(m_text);
    m_variable = field.variable;
    m_stored = m_store.inKeychain(field.variable);
    const bool keychain = field.storage == SecretField::Storage::Keychain || (m_stored && !m_store.lookup(field.variable).has_value());
    m_text->setEchoMode(keychain ? QLineEdit::Password : QLineEdit::Normal);
    m_storage->setCurrentIndex(keychain ? inKeychain : inEnvironment);
    m_text->setText(keychain ? field.value : field.variable);
    showStorage();
}

void SecretEdit::showStorage()
{
    const bool keychain = m_storage->currentIndex() == inKeychain;
    const bool wasKeychain = m_text->echoMode() == QLineEdit::Password;
    if (keychain != wasKeychain) {
        if (!keychain) {
            m_text->setText(m_variable);
        } else {
            const QString typed = m_text->text().trimmed();
            m_variable = !typed.isEmpty() ? typed : (m_variable.isEmpty() ? m_suggested : m_variable);
            m_text->clear();
        }
    }
    m_text->setEchoMode(keychain ? QLineEdit::Password : QLineEdit::Normal);
    m_text->setPlaceholderText(keychain ? (m_stored ? tr("stored in the keychain; type to replace") : tr("paste the secret; it goes to the keychain"))
                                        : tr("name of the environment variable"));
    m_text->setToolTip(keychain ? tr("Kept in the OS keychain as %1; the file refers to it as ${%1}").arg(m_variable)
                                : tr("The file refers to ${NAME}; export NAME before starting"));
}

SecretField SecretEdit::field() const
{
    SecretField field;
    if (m_storage->currentIndex() == inKeychain) {
        field.storage = SecretField::Storage::Keychain;
        field.variable = m_variable;
        field.value = m_text->text();
    } else {
        field.storage = SecretField::Storage::Environment;
        field.variable = m_text->text().trimmed();
    }
    return field;
}

std::optional<SecretUpdate> SecretEdit::pendingUpdate() const
{
    const SecretField typed = field();
    if (typed.storage != SecretField::Storage::Keychain || typed.value.isEmpty())
        return std::nullopt;
    return SecretUpdate{typed.variable, typed.value};
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/ConfigDraft.h"
#include "ui/ConfigStore.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLineEdit;

namespace sentinel {

/// One secret as the Settings dialog edits it: where it is kept (an environment variable, or the
/// OS keychain) and, for that storage, the variable's name or a new value for the keychain. The
/// file only ever receives `${NAME}`. The storage combo is named `<objectName>Storage`, the text
/// field `<objectName>`.
class SecretEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretEdit)
public:
    SecretEdit(ConfigStore& store, const QString& objectName, const QString& accessibleName, QWidget* parent = nullptr);

    void load(const SecretField& field);
    [[nodiscard]] SecretField field() const;
    /// A value typed for the keychain, which counts as set before it is saved; nullopt otherwise.
    [[nodiscard]] std::optional<SecretUpdate> pendingUpdate() const;
    /// The variable a value typed for the keychain is kept under when no name has been given
    /// (a secret the file does not have yet).
    void setSuggestedVariable(const QString& variable) { m_suggested = variable; }

Q_SIGNALS:
    void edited();

private:
    void showStorage();

    ConfigStore& m_store;
    QComboBox* m_storage;
    QLineEdit* m_text;
    QString m_variable;
    QString m_suggested;
    bool m_stored = false; ///< the keychain already holds a value
};

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDebug>
#include <QString>

namespace sentinel {

/// Holds a credential. It never prints its value: toString(), qDebug() and fmt all show a mask.
/// Constructing a Secret registers its value with the Redactor, so even code that calls
/// reveal() and puts the value into a URL cannot leak it through a log sink.
class Secret final
{
public:
    Secret() = default;
    explicit Secret(QString value);

    [[nodiscard]] bool isEmpty() const { return m_value.isEmpty(); }
    /// The clear value, for the one place that must send it (an HTTP request). Never log it.
    [[nodiscard]] const QString& reveal() const { return m_value; }
    [[nodiscard]] QString toString() const { return isEmpty() ? QString() : QStringLiteral("***"); }

    friend bool operator==(const Secret&, const Secret&) = default;

private:
    QString m_value;
};

inline QDebug operator<<(QDebug debug, const Secret& secret)
{
    return debug << secret.toString();
}

} // namespace sentinel

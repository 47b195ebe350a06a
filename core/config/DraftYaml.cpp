// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/DraftYaml.h"

#include "config/SecretReference.h"

namespace sentinel::draftyaml {

std::string utf8(const QString& text)
{
    return text.toStdString();
}

std::string number(double value)
{
    return utf8(QString::number(value, 'g', 15));
}

YAML::Node mapAt(YAML::Node& root, const char* key)
{
    if (!root[key].IsMap())
        root[key] = YAML::Node(YAML::NodeType::Map);
    return root[key];
}

YAML::Node valueAt(const YAML::Node& root, const char* section, const char* key)
{
    const YAML::Node map = root[section];
    return map.IsDefined() && map.IsMap() ? map[key] : YAML::Node();
}

SecretField readSecret(const YAML::Node& node, const QString& defaultVariable)
{
    SecretField field;
    field.variable = defaultVariable;
    if (!node.IsDefined() || !node.IsScalar())
        return field;
    const QString text = QString::fromStdString(node.Scalar());
    if (const auto variable = secretReferenceName(text)) {
        field.variable = *variable;
    } else if (!text.isEmpty()) {
        // A value in clear: offer to move it to the keychain; saving never writes it back.
        field.storage = SecretField::Storage::Keychain;
        field.value = text;
    }
    return field;
}

std::optional<QString> givenText(const YAML::Node& map, const char* key)
{
    const YAML::Node value = map[key];
    if (!value.IsDefined() || value.IsNull())
        return std::nullopt;
    return value.IsScalar() ? QString::fromStdString(value.Scalar()).trimmed() : QString();
}

} // namespace sentinel::draftyaml

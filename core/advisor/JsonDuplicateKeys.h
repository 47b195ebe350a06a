// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace sentinel::advisor {

/// The path of the first member that repeats a key of its object ("reason", "message.content",
/// "models[1].name"), at any depth, or none. QJsonDocument keeps one of two equal keys without a
/// word; for a model's answer or a server's body that silence would let `{"action": "hold",
/// "action": "buy"}` mean whichever the parser picks, so the advisor refuses both (ADR 0114).
/// Keys are compared after unescaping ("\u0061ction" is "action"). `json` should be JSON that
/// QJsonDocument accepted; on anything else the answer is meaningless but the scan is safe.
[[nodiscard]] std::optional<QString> firstDuplicateKey(QByteArrayView json);

} // namespace sentinel::advisor

// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/SignalMessage.h"

#include <QUuid>

namespace sentinel {

namespace {
// Fixed namespace for UUIDv5 idempotency keys, so the same signal id always maps to the same key.
const QUuid idempotencyNamespace(QStringLiteral("{6f1c4c52-7a9e-4d3b-9a51-2f0f3e8d5b17}"));

QString isoUtc(const QDateTime& instant)
{
    return instant.isValid() ? instant.toUTC().toString(Qt::ISODateWithMs) : QString();
}
} // namespace

QString SignalMessage::idempotencyKey() const
{
    return QUuid::createUuidV5(idempotencyNamespace, id).toString(QUuid::WithoutBraces);
}

QJsonObject SignalMessage::toJson() const
{
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("instrument"), instrumentKey},
        {QStringLiteral("side"), side},
        {QStringLiteral("price"), price},
        {QStringLiteral("text"), text},
        {QStringLiteral("created_at"), isoUtc(createdAt)},
        {QStringLiteral("expires_at"), isoUtc(expiresAt)},
    };
    if (!decisionFor.isEmpty())
        json.insert(QStringLiteral("decision_for"), decisionFor);
    return json;
}

std::optional<SignalMessage> SignalMessage::fromJson(const QJsonObject& json)
{
    SignalMessage signal;
    signal.id = json.value(u"id").toString();
    signal.instrumentKey = json.value(u"instrument").toString();
    signal.side = json.value(u"side").toString();
    if (!json.value(u"price").isDouble())
        return std::nullopt;
    signal.price = json.value(u"price").toDouble();
    signal.text = json.value(u"text").toString();
    signal.decisionFor = json.value(u"decision_for").toString(); // absent in rows written before ADR 0132
    signal.createdAt = QDateTime::fromString(json.value(u"created_at").toString(), Qt::ISODateWithMs);
    const QString expires = json.value(u"expires_at").toString();
    if (!expires.isEmpty())
        signal.expiresAt = QDateTime::fromString(expires, Qt::ISODateWithMs);
    if (signal.id.isEmpty() || !signal.createdAt.isValid() || (!expires.isEmpty() && !signal.expiresAt.isValid()))
        return std::nullopt;
    signal.createdAt = signal.createdAt.toUTC();
    if (signal.expiresAt.isValid())
        signal.expiresAt = signal.expiresAt.toUTC();
    return signal;
}

} // namespace sentinel

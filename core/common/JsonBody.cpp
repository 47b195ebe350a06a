// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/JsonBody.h"

#include <QRegularExpression>

namespace sentinel {

namespace {

Error make(const char16_t* kind, const QString& message, const QString& remedy)
{
    return Error{QString::fromUtf16(kind), message, remedy};
}

} // namespace

Error classifyNonJsonBody(const QByteArray& body, const QJsonParseError& parseError, const QString& service)
{
    // Before any other shape: a body with NUL bytes is not text, however it ends.
    if (const qsizetype nul = body.indexOf('\0'); nul >= 0)
        return make(jsonBody::BinaryBody,
                    QStringLiteral("the body contains NUL bytes (the first at byte %1 of %2): it is binary, not JSON")
                        .arg(nul)
                        .arg(body.size()),
                    QStringLiteral("check the base URL points at %1; retry later").arg(service));
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return make(jsonBody::EmptyBody, QStringLiteral("the response body is empty"),
                    QStringLiteral("retry later; the service sent nothing"));
    if (trimmed.startsWith('<')) {
        static const QRegularExpression title(QStringLiteral("<title>\\s*([^<]{0,80})"),
                                              QRegularExpression::CaseInsensitiveOption);
        const QString titleText = title.match(QString::fromUtf8(trimmed.left(4096))).captured(1).trimmed();
        return make(jsonBody::HtmlBody,
                    titleText.isEmpty() ? QStringLiteral("the response is an HTML page, not JSON")
                                        : QStringLiteral("the response is an HTML page, not JSON (\"%1\")").arg(titleText),
                    QStringLiteral("the service or a proxy is failing; retry later and check the base URL"));
    }
    const bool atEnd = parseError.offset >= trimmed.size() - 1;
    const bool unterminated = parseError.error == QJsonParseError::UnterminatedObject
                              || parseError.error == QJsonParseError::UnterminatedArray
                              || parseError.error == QJsonParseError::UnterminatedString;
    if (trimmed.startsWith('{') && (atEnd || unterminated))
        return make(jsonBody::TruncatedBody,
                    QStringLiteral("the JSON body ends early after %1 bytes (%2)")
                        .arg(body.size())
                        .arg(parseError.errorString()),
                    QStringLiteral("the connection was cut; retry"));
    return make(jsonBody::MalformedBody,
                QStringLiteral("the body is not valid JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset),
                QStringLiteral("retry later; report it if it persists"));
}

QString jsonTypeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("absent");
}

} // namespace sentinel

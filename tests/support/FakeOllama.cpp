// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeOllama.h"

#include "TestData.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sentinel::test {

QByteArray recordedOllama(const QString& folder)
{
    QByteArray body = readFile(dataPath(QStringLiteral("ollama/golden/") + folder + QStringLiteral("/input.json")));
    if (body.isEmpty())
        qFatal("missing fixture ollama/golden/%s", qPrintable(folder));
    return body;
}

QByteArray ollamaChatAnswer(const QByteArray& adviceJson)
{
    QJsonObject answer =
        QJsonDocument::fromJson(recordedOllama(QStringLiteral("ollama_chat_answer_that_is_valid_advice"))).object();
    QJsonObject message = answer.value(u"message").toObject();
    message.insert(QStringLiteral("content"), QString::fromUtf8(adviceJson));
    answer.insert(QStringLiteral("message"), message);
    return QJsonDocument(answer).toJson(QJsonDocument::Compact);
}

void serveOpenAiCompatible(FakeHttpServer& server)
{
    server.route("/v1/models", CannedResponse::json(recordedOllama(QStringLiteral("openai_models_list"))));
    server.route("/v1/chat/completions",
                 CannedResponse::json(recordedOllama(QStringLiteral("openai_chat_completion_that_is_valid_advice"))));
}

FakeOllama::FakeOllama()
{
    serve("/api/chat", CannedResponse::json(recordedOllama(QStringLiteral("ollama_chat_answer_that_is_valid_advice"))));
    serve("/api/tags", CannedResponse::json(recordedOllama(QStringLiteral("recorded_tags"))));
    serve("/api/version", CannedResponse::json(recordedOllama(QStringLiteral("recorded_version"))));
}

void FakeOllama::serve(const QByteArray& path, const CannedResponse& answer)
{
    server.route(path, [this, answer](const RecordedRequest&) {
        if (!down)
            return answer;
        CannedResponse failed;
        failed.behaviour = downBehaviour;
        return failed;
    });
}

void FakeOllama::advise(const QByteArray& adviceJson)
{
    serve("/api/chat", CannedResponse::json(ollamaChatAnswer(adviceJson)));
}

} // namespace sentinel::test

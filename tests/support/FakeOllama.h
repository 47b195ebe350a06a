// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FakeHttpServer.h"

#include <QByteArray>
#include <QString>

namespace sentinel::test {

/// A recorded Ollama body from tests/data/ollama/golden/<folder>/input.json; fails the test
/// run when it is missing.
[[nodiscard]] QByteArray recordedOllama(const QString& folder);

/// The recorded valid /api/chat answer with its message content replaced by `adviceJson`: the
/// recorded envelope around the advice a test needs (buy, sell, hold, or a bad answer).
[[nodiscard]] QByteArray ollamaChatAnswer(const QByteArray& adviceJson);

/// Routes on `server` what an OpenAI-compatible server answers, from the recorded bodies:
/// /v1/models (llama3.2:latest and qwen2.5:7b) and /v1/chat/completions (a valid advice).
void serveOpenAiCompatible(FakeHttpServer& server);

/// An Ollama server on 127.0.0.1 speaking the recorded bodies (/api/chat, /api/tags with
/// llama3.2:latest, /api/version), which a test can take down (`down` answers every request
/// with `downBehaviour`) and bring back, and whose advice it can change.
struct FakeOllama {
    FakeHttpServer server;
    CannedResponse::Behaviour downBehaviour = CannedResponse::Behaviour::CloseAbruptly;
    bool down = false;

    FakeOllama();
    /// Answers `path` with `answer` while up.
    void serve(const QByteArray& path, const CannedResponse& answer);
    /// /api/chat answers with this advice from now on.
    void advise(const QByteArray& adviceJson);
};

} // namespace sentinel::test

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/ProviderKind.h"
#include "common/Secret.h"

#include <QString>
#include <QUrl>

#include <chrono>

namespace sentinel::advisor {

/// One model server the advisor asks: a row of `advisor.providers` (DESIGN.md, Configuration).
struct ProviderSettings {
    ProviderKind kind = ProviderKind::Ollama;
    /// The server itself ("http://127.0.0.1:11434", "https://llm.example.com"); plain http only
    /// for a loopback host (EndpointUrl.h).
    QUrl baseUrl;
    /// As configured; for Ollama read by ModelName (no tag means :latest), for an
    /// OpenAI-compatible server sent as written.
    QString model;
    /// OpenAI-compatible servers only, sent as a bearer token; empty for none.
    Secret apiKey;
    /// The total deadline of one request, from sending it to having the whole answer.
    std::chrono::milliseconds timeout{std::chrono::seconds(20)};
};

} // namespace sentinel::advisor

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTest>

#include <optional>
#include <utility>

namespace sentinel::test {

/// Starts an asynchronous call that answers through a callback, and waits for the answer with
/// QTRY (the event loop runs meanwhile; no sleep): `start` receives the callback to hand on.
/// The answer, or none when it did not come within `timeoutMs` (the test has failed then).
///   const auto names = awaitCallback<Result<QStringList>>([&](auto done) { provider->listModels(done); });
template <typename T, typename Start>
std::optional<T> awaitCallback(Start start, int timeoutMs = 15000)
{
    std::optional<T> answer;
    start([&answer](T value) { answer.emplace(std::move(value)); });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), timeoutMs); }();
    return answer;
}

} // namespace sentinel::test

// SPDX-License-Identifier: GPL-3.0-or-later
// Costs on the signal path: formatting and splitting a long Telegram message, signing a webhook
// body, and the durable outbox commits each signal needs (enqueue, sending, delivered).
#include "notify/Outbox.h"
#include "notify/TelegramFormatter.h"
#include "notify/WebhookChannel.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace sentinel;

namespace {

SignalMessage longSignal(int characters)
{
    QString text;
    for (int line = 0; text.size() < characters; ++line)
        text += QStringLiteral("line %1: SMA(20) > SMA(50) at 1.%2 - ok!\n").arg(line).arg(line * 7);
    return SignalMessage{QStringLiteral("bench"), QStringLiteral("FX:EUR_USD"), QStringLiteral("BUY"), 1.085, text,
                         QDateTime::currentDateTimeUtc(), {}};
}

void renderTelegram(benchmark::State& state)
{
    const SignalMessage signal = longSignal(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(TelegramFormatter::render(signal));
    state.SetBytesProcessed(state.iterations() * state.range(0) * 2);
}
BENCHMARK(renderTelegram)->Arg(200)->Arg(10'000);

void signWebhook(benchmark::State& state)
{
    const QByteArray body = WebhookChannel::body(longSignal(200), QDateTime::currentDateTimeUtc());
    const QByteArray secret("bench-secret-0123456789");
    for (auto _ : state)
        benchmark::DoNotOptimize(WebhookChannel::signature(body, secret));
}
BENCHMARK(signWebhook);

void outboxLifecycle(benchmark::State& state)
{
    QTemporaryDir dir;
    auto outbox = Outbox::open(dir.filePath(QStringLiteral("bench.sqlite")));
    if (!outbox) {
        state.SkipWithError("cannot open outbox");
        return;
    }
    SignalMessage signal = longSignal(200);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 n = 0;
    for (auto _ : state) {
        signal.id = QString::number(++n);
        (void)outbox.value()->enqueue(signal, now);
        const qint64 seq = outbox.value()->find(signal.id).value()->seq;
        (void)outbox.value()->markSending(seq);
        (void)outbox.value()->markDelivered(seq, QStringLiteral("telegram"), now);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(outboxLifecycle)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

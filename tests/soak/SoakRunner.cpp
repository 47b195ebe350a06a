// SPDX-License-Identifier: GPL-3.0-or-later
#include "SoakRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>

namespace sentinel::soak {

namespace {

constexpr qint64 dayMs = 86'400'000;

/// Twenty instruments over the three kinds of market: FX (24/5), crypto (24/7) and NYSE hours
/// with its holidays; intervals from 5 to 30 minutes.
const char* const watchlist = R"(watchlist:
  - {symbol: "EUR/USD", market: FX, interval: 5min}
  - {symbol: "GBP/USD", market: FX, interval: 5min}
  - {symbol: "USD/JPY", market: FX, interval: 5min}
  - {symbol: "AUD/USD", market: FX, interval: 5min}
  - {symbol: "USD/CHF", market: FX, interval: 15min}
  - {symbol: "EUR/GBP", market: FX, interval: 15min}
  - {symbol: "USD/CAD", market: FX, interval: 30min}
  - {symbol: "BTC/USD", market: CRYPTO, interval: 5min}
  - {symbol: "ETH/USD", market: CRYPTO, interval: 5min}
  - {symbol: "SOL/USD", market: CRYPTO, interval: 15min}
  - {symbol: "LTC/USD", market: CRYPTO, interval: 15min}
  - {symbol: "XRP/USD", market: CRYPTO, interval: 30min}
  - {symbol: "AAPL", market: XNYS, interval: 5min}
  - {symbol: "MSFT", market: XNYS, interval: 5min}
  - {symbol: "IBM", market: XNYS, interval: 5min}
  - {symbol: "KO", market: XNYS, interval: 5min}
  - {symbol: "JPM", market: XNYS, interval: 15min}
  - {symbol: "XOM", market: XNYS, interval: 15min}
  - {symbol: "PG", market: XNYS, interval: 15min}
  - {symbol: "WMT", market: XNYS, interval: 30min}
)";

/// A random credential for one soak (never printed; the child reads it from its environment).
QByteArray randomToken(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    QByteArray token;
    for (int i = 0; i < length; ++i)
        token += alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))];
    return token;
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

/// VmRSS of a process in KiB; 0 when it is gone.
qint64 residentKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace

SoakRunner::SoakRunner(SoakOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_random(m_options.seed)
{
    m_facts.fromMs = m_options.from.toMSecsSinceEpoch();
    m_facts.toMs = m_facts.fromMs + qint64(m_options.days * double(dayMs));
    m_facts.killsPlanned = m_options.kills;
    m_facts.memoryTolerance = m_options.memoryTolerance;
    m_facts.dedupeByIdempotencyKey = !m_options.sabotage.contains(QStringLiteral("no-dedupe"));
    m_options.faults.fromMs = m_facts.fromMs;
    m_options.faults.toMs = m_facts.toMs;
    m_options.faults.seed = m_options.seed;
    for (const QString& name : std::as_const(m_options.sabotage))
        m_options.faults.sabotage.insert(name);
    connect(&m_ticker, &QTimer::timeout, this, &SoakRunner::tick);
    connect(&m_sampler, &QTimer::timeout, this, &SoakRunner::sampleMemory);
}

SoakRunner::~SoakRunner()
{
    if (m_child && m_child->state() != QProcess::NotRunning) {
        m_child->disconnect(this);
        m_child->kill();
        m_child->waitForFinished(5000);
    }
}

QString SoakRunner::journalPath() const
{
    return QDir(m_workDir).filePath(QStringLiteral("journal.sqlite"));
}

void SoakRunner::keepWorkDir()
{
    if (m_temporary)
        m_temporary->setAutoRemove(false);
}

bool SoakRunner::prepare(QString* error)
{
    if (m_options.workDir.isEmpty()) {
        m_temporary = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("sentinel-soak-XXXXXX")));
        if (!m_temporary->isValid()) {
            *error = QStringLiteral("cannot create a temporary folder: %1").arg(m_temporary->errorString());
            return false;
        }
        m_temporary->setAutoRemove(!m_options.keep);
        m_workDir = m_temporary->path();
    } else {
        m_workDir = QDir(m_options.workDir).absolutePath();
        if (!QDir().mkpath(m_workDir)) {
            *error = QStringLiteral("cannot create %1").arg(m_workDir);
            return false;
        }
        if (QFile::exists(journalPath())) {
            *error = QStringLiteral("%1 already holds a journal: give an empty --work-dir").arg(m_workDir);
            return false;
        }
    }
    m_apiKey = randomToken(16);
    m_telegramToken = QByteArray::number(QRandomGenerator::system()->bounded(100000000, 999999999)) + ':' + randomToken(35);
    m_webhookSecret = randomToken(32);
    m_provider = std::make_unique<ProviderStandIn>(m_options.faults);
    const auto simulatedNow = [this] { return m_provider->simulatedNowMs(); };
    m_telegram = std::make_unique<TelegramStandIn>(m_options.faults, m_ledger, QString::fromLatin1(m_telegramToken), simulatedNow);
    m_webhook = std::make_unique<WebhookReceiver>(m_options.faults, m_ledger, m_webhookSecret, simulatedNow);
    if (!m_provider->start() || !m_telegram->start() || !m_webhook->start()) {
        *error = QStringLiteral("cannot listen on 127.0.0.1 for the stand-ins");
        return false;
    }
    // Seeded kill instants, spread over the range and kept away from its very end, so that each
    // run lives a while and the last one finishes.
    const qint64 span = m_facts.toMs - m_facts.fromMs;
    for (int i = 0; i < m_options.kills; ++i) {
        const qint64 slot = span * 9 / 10 / std::max(1, m_options.kills);
        const qint64 low = m_facts.fromMs + span / 40 + slot * i;
        m_killAt << low + std::uniform_int_distribution<qint64>(0, std::max<qint64>(0, slot - 1))(m_random);
    }
    writeConfig();
    return true;
}

void SoakRunner::writeConfig()
{
    m_configPath = QDir(m_workDir).filePath(QStringLiteral("soak.yaml"));
    QByteArray yaml = "# Written by sentinel_soak (tests/soak); the credentials come from its environment.\n"
                      "mode: approval\n"
                      "provider: alpha_vantage\n"
                      "providers:\n"
                      "  alpha_vantage: {api_key: \"${SOAK_ALPHA_VANTAGE_KEY}\", base_url: \""
        + m_provider->baseUrl().toEncoded() + "\", requests_per_minute: 1200, requests_per_day: 1000000, timeout_s: "
        + QByteArray::number(ProviderStandIn::faultHoldSeconds) + "}\n" + watchlist
        + "strategy: {name: sma_cross}\n"
          "platform: paper\n"
          "paper: {starting_balance: 100000, currency: USD}\n"
          "approval: {timeout_s: 300}\n"
          // The checks match every execution with its outbox row, so finished rows must outlive the
          // range; the retention sweep itself is tested in tst_retentionsweep (ADR 0108).
          "journal: {retention: {outbox: "
        + QByteArray::number((m_facts.toMs - m_facts.fromMs) / (24 * 3600 * 1000) + 2) + "d}}\n"
        + "telegram: {enabled: true, bot_token: \"${SOAK_TELEGRAM_TOKEN}\", chat_id: \"-1001234567890\", api_base_url: \""
        + m_telegram->baseUrl().toEncoded() + "\"}\n"
        + "webhook: {enabled: true, url: \"" + m_webhook->url().toEncoded() + "\", secret: \"${SOAK_WEBHOOK_SECRET}\"}\n";
    QFile file(m_configPath);
    if (file.open(QIODevice::WriteOnly))
        file.write(yaml);
}

void SoakRunner::start()
{
    m_wall.start();
    m_ticker.start(20);
    m_sampler.start(25); // a short last run (a second of wall time) still leaves samples near the end
    launch();
}

void SoakRunner::launch()
{
    ChildRun run;
    run.number = int(m_facts.runs.size()) + 1;
    const bool first = run.number == 1;
    run.from = first ? iso(m_facts.fromMs) : QStringLiteral("resume");
    m_facts.runs.append(run);
    m_ledger.setRun(run.number);
    m_provider->resetProgress();
    m_killDueWallMs = -1;
    m_killing = false;
    m_hung = false;

    m_child = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SOAK_ALPHA_VANTAGE_KEY"), QString::fromLatin1(m_apiKey));
    environment.insert(QStringLiteral("SOAK_TELEGRAM_TOKEN"), QString::fromLatin1(m_telegramToken));
    environment.insert(QStringLiteral("SOAK_WEBHOOK_SECRET"), QString::fromLatin1(m_webhookSecret));
    m_child->setProcessEnvironment(environment);
    // The child's log (warnings and up, secrets redacted by it) stays in the work folder.
    m_child->setStandardErrorFile(QDir(m_workDir).filePath(QStringLiteral("sentinel-run-%1.log").arg(run.number)));
    QStringList arguments{QStringLiteral("run"), QStringLiteral("--config"), m_configPath, QStringLiteral("--simulate")};
    if (first)
        arguments << QStringLiteral("--from") << iso(m_facts.fromMs);
    else
        arguments << QStringLiteral("--resume");
    arguments << QStringLiteral("--to") << iso(m_facts.toMs) << QStringLiteral("--auto-approve") << QStringLiteral("--journal")
              << journalPath() << QStringLiteral("--log-level") << QStringLiteral("warn");
    connect(m_child, &QProcess::finished, this, &SoakRunner::onChildFinished);
    m_runWall.start();
    m_child->start(m_options.sentinel, arguments);
    m_facts.runs.last().pid = m_child->processId();
}

void SoakRunner::killChild()
{
    if (!m_child || m_child->state() == QProcess::NotRunning)
        return;
    m_killing = true;
    m_child->kill(); // SIGKILL on POSIX: no handler, no flush, no destructor
}

void SoakRunner::tick()
{
    if (!m_child || m_child->state() != QProcess::Running || m_killing)
        return;
    if (m_provider->msSinceLastRequest() > qint64(m_options.hangSeconds) * 1000) {
        m_hung = true;
        killChild();
        return;
    }
    if (m_killDueWallMs < 0 && !m_killAt.isEmpty() && m_provider->simulatedNowMs() >= m_killAt.first()) {
        // Past the planned instant: kill after a seeded wall-clock delay, so the kill lands
        // wherever the child happens to be (parsing, writing the journal, sending a signal).
        m_killAt.removeFirst();
        m_killDueWallMs = m_runWall.elapsed() + std::uniform_int_distribution<qint64>(0, 400)(m_random);
    }
    if (m_killDueWallMs >= 0 && m_runWall.elapsed() >= m_killDueWallMs)
        killChild();
}

void SoakRunner::sampleMemory()
{
    if (!m_child || m_child->state() != QProcess::Running || m_provider->simulatedNowMs() == 0)
        return;
    if (const qint64 rss = residentKb(m_child->processId()); rss > 0)
        m_facts.memory.append(MemorySample{m_provider->simulatedNowMs(), rss, m_facts.runs.last().number});
}

void SoakRunner::onChildFinished(int exitCode, QProcess::ExitStatus status)
{
    ChildRun& run = m_facts.runs.last();
    run.exitCode = exitCode;
    run.wallMs = m_runWall.elapsed();
    run.lastSimulatedMs = m_provider->simulatedNowMs();
    const QByteArray out = m_child->readAllStandardOutput();
    run.summary = QJsonDocument::fromJson(out.trimmed().split('\n').constLast()).object();
    if (m_hung)
        run.end = ChildRun::End::Hung;
    else if (m_killing)
        run.end = ChildRun::End::KilledBySoak;
    else if (status == QProcess::CrashExit)
        run.end = ChildRun::End::Crashed;
    else
        run.end = ChildRun::End::Exited;
    m_child->deleteLater();
    m_child = nullptr;
    // Requests the dead child sent before it died may still be in the stand-ins' sockets: let the
    // event loop read them (they belong to this run) before the next run starts.
    QTimer::singleShot(300, this, [this] {
        ChildRun& ended = m_facts.runs.last();
        ended.lastDeliverySequence = m_ledger.lastSequenceOf(ended.number);
        if (ended.end == ChildRun::End::KilledBySoak) {
            launch();
            return;
        }
        m_ticker.stop();
        m_sampler.stop();
        m_facts.deliveries = m_ledger.requests();
        Q_EMIT finished();
    });
}

QJsonObject SoakRunner::standInStats() const
{
    return {{QStringLiteral("provider"), m_provider ? m_provider->stats() : QJsonObject{}},
            {QStringLiteral("telegram"), m_telegram ? m_telegram->stats() : QJsonObject{}},
            {QStringLiteral("webhook"), m_webhook ? m_webhook->stats() : QJsonObject{}}};
}

} // namespace sentinel::soak

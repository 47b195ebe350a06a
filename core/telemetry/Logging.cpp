// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/Logging.h"

#include "common/Log.h"
#include "common/OwnerOnlyFile.h"
#include "telemetry/JsonLogFormatter.h"
#include "telemetry/RedactingSink.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace sentinel {

namespace {

void routeQtMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    static const auto qtLogger = log::get("qt");
    spdlog::level::level_enum level = spdlog::level::info;
    switch (type) {
    case QtDebugMsg: level = spdlog::level::debug; break;
    case QtInfoMsg: level = spdlog::level::info; break;
    case QtWarningMsg: level = spdlog::level::warn; break;
    case QtCriticalMsg: level = spdlog::level::err; break;
    case QtFatalMsg: level = spdlog::level::critical; break;
    }
    if (context.category && qstrcmp(context.category, "default") != 0)
        qtLogger->log(level, "[{}] {}", context.category, message);
    else
        qtLogger->log(level, "{}", message);
    if (type == QtFatalMsg) {
        qtLogger->flush();
        std::abort();
    }
}

constexpr const char* textPattern = "%Y-%m-%dT%H:%M:%S.%e%z [%n] %l: %v";

/// The sink every logger writes through, kept so the format can change after set-up.
std::weak_ptr<RedactingSink>& installedSink()
{
    static std::weak_ptr<RedactingSink> sink;
    return sink;
}

void applyFormat(RedactingSink& sink, LogFormat format)
{
    if (format == LogFormat::Json)
        sink.set_formatter(std::make_unique<JsonLogFormatter>());
    else
        sink.set_pattern(textPattern);
}

} // namespace

QString defaultLogFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/logs/trade-sentinel.log");
}

std::optional<QString> setupLogging(const LoggingOptions& options)
{
    const auto level = spdlog::level::from_str(options.level.toStdString());
    // from_str answers "off" for anything it does not know; only accept "off" when asked for.
    if (level == spdlog::level::off && options.level != u"off") {
        return QStringLiteral("unknown log level '%1' (use trace, debug, info, warn, error, critical or off)")
            .arg(options.level);
    }

    std::vector<spdlog::sink_ptr> children;
    if (options.stderrEnabled)
        children.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    if (options.fileEnabled) {
        const QString path = options.logFile.isEmpty() ? defaultLogFile() : options.logFile;
        QDir().mkpath(QFileInfo(path).absolutePath());
        try {
            // Every file the sink opens (the first and each one after a rotation) is made
            // owner-only before it is opened (ADR 0103).
            spdlog::file_event_handlers ownerOnly;
            ownerOnly.before_open = [](const spdlog::filename_t& name) {
                (void)ensureOwnerOnlyFile(QFile::decodeName(QByteArray::fromStdString(name)));
            };
            children.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                QFile::encodeName(path).toStdString(), options.maxFileBytes, options.maxFiles, false, ownerOnly));
        } catch (const spdlog::spdlog_ex& e) {
            return QStringLiteral("cannot open log file '%1': %2 (choose a writable path with --log-file)")
                .arg(path, QString::fromUtf8(e.what()));
        }
    }
    auto redacting = std::make_shared<RedactingSink>(std::move(children));
    applyFormat(*redacting, options.format);
    installedSink() = redacting;

    auto defaultLogger = std::make_shared<spdlog::logger>("sentinel", redacting);
    defaultLogger->set_level(level);
    spdlog::set_default_logger(defaultLogger);
    // Loggers created before this call get the new sinks too.
    spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& logger) {
        logger->sinks() = {redacting};
        logger->set_level(level);
        logger->flush_on(spdlog::level::warn);
    });
    spdlog::set_level(level);
    qInstallMessageHandler(routeQtMessage);
    return std::nullopt;
}

void setLogFormat(LogFormat format)
{
    if (const auto sink = installedSink().lock())
        applyFormat(*sink, format);
}

void flushLogs()
{
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& logger) { logger->flush(); });
}

} // namespace sentinel

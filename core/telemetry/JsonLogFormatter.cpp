// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/JsonLogFormatter.h"

#include <QDateTime>
#include <QString>

#include <chrono>

namespace sentinel {

namespace {

void append(spdlog::memory_buf_t& dest, std::string_view text)
{
    dest.append(text.data(), text.data() + text.size());
}

} // namespace

void JsonLogFormatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count();
    const QByteArray time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
    const auto level = spdlog::level::to_string_view(msg.level);
    append(dest, R"({"time":")");
    append(dest, std::string_view(time.constData(), std::size_t(time.size())));
    append(dest, R"(","level":")");
    appendEscaped(std::string_view(level.data(), level.size()), dest);
    append(dest, R"(","logger":")");
    appendEscaped(std::string_view(msg.logger_name.data(), msg.logger_name.size()), dest);
    append(dest, R"(","message":")");
    appendEscaped(std::string_view(msg.payload.data(), msg.payload.size()), dest);
    append(dest, "\"}\n");
}

std::unique_ptr<spdlog::formatter> JsonLogFormatter::clone() const
{
    return std::make_unique<JsonLogFormatter>();
}

void JsonLogFormatter::appendEscaped(std::string_view text, spdlog::memory_buf_t& dest)
{
    // Through QString so that invalid UTF-8 becomes U+FFFD instead of an unparsable line.
    const QByteArray utf8 = QString::fromUtf8(text.data(), qsizetype(text.size())).toUtf8();
    static constexpr char hex[] = "0123456789abcdef";
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"': append(dest, "\\\""); break;
        case '\\': append(dest, "\\\\"); break;
        case '\n': append(dest, "\\n"); break;
        case '\r': append(dest, "\\r"); break;
        case '\t': append(dest, "\\t"); break;
        default:
            if (byte < 0x20 || byte == 0x7f) {
                const char escaped[] = {'\\', 'u', '0', '0', hex[byte >> 4], hex[byte & 0xf]};
                dest.append(escaped, escaped + sizeof escaped);
            } else {
                dest.push_back(c);
            }
        }
    }
}

} // namespace sentinel

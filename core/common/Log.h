// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <string_view>

namespace sentinel::log {

/// Named loggers, one per module. They share the sinks that telemetry/Logging installs
/// (rotating file + stderr, both redacting secrets); before that, spdlog's default sink.
std::shared_ptr<spdlog::logger> get(std::string_view name);

inline std::shared_ptr<spdlog::logger> config() { return get("config"); }
inline std::shared_ptr<spdlog::logger> market() { return get("market"); }
inline std::shared_ptr<spdlog::logger> net() { return get("net"); }
inline std::shared_ptr<spdlog::logger> cache() { return get("cache"); }
inline std::shared_ptr<spdlog::logger> risk() { return get("risk"); }
inline std::shared_ptr<spdlog::logger> notify() { return get("notify"); }
inline std::shared_ptr<spdlog::logger> journal() { return get("journal"); }
inline std::shared_ptr<spdlog::logger> engine() { return get("engine"); }
inline std::shared_ptr<spdlog::logger> ui() { return get("ui"); }

} // namespace sentinel::log

/// Lets call sites pass QString to spdlog/fmt directly.
template <>
struct fmt::formatter<QString> : fmt::formatter<std::string_view> {
    template <typename FormatContext>
    auto format(const QString& text, FormatContext& ctx) const
    {
        const QByteArray utf8 = text.toUtf8();
        return fmt::formatter<std::string_view>::format(
            std::string_view(utf8.constData(), std::size_t(utf8.size())), ctx);
    }
};

template <>
struct fmt::formatter<QByteArray> : fmt::formatter<std::string_view> {
    template <typename FormatContext>
    auto format(const QByteArray& bytes, FormatContext& ctx) const
    {
        return fmt::formatter<std::string_view>::format(
            std::string_view(bytes.constData(), std::size_t(bytes.size())), ctx);
    }
};

// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Log.h"

#include <mutex>

namespace sentinel::log {

std::shared_ptr<spdlog::logger> get(std::string_view name)
{
    static std::mutex creation;
    const std::string key(name);
    if (auto existing = spdlog::get(key))
        return existing;
    std::lock_guard lock(creation);
    if (auto existing = spdlog::get(key))
        return existing;
    const auto& fallback = spdlog::default_logger();
    auto logger = std::make_shared<spdlog::logger>(key, fallback->sinks().begin(), fallback->sinks().end());
    logger->set_level(fallback->level());
    spdlog::register_logger(logger);
    return logger;
}

} // namespace sentinel::log

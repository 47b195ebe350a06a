// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/RedactingSink.h"

#include "common/Redactor.h"

namespace sentinel {

RedactingSink::RedactingSink(std::vector<spdlog::sink_ptr> children) : m_children(std::move(children)) {}

void RedactingSink::sink_it_(const spdlog::details::log_msg& msg)
{
    const std::string clean = Redactor::instance().redact(std::string(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg copy(msg);
    copy.payload = spdlog::string_view_t(clean.data(), clean.size());
    for (const auto& child : m_children) {
        if (child->should_log(copy.level))
            child->log(copy);
    }
}

void RedactingSink::flush_()
{
    for (const auto& child : m_children)
        child->flush();
}

void RedactingSink::set_pattern_(const std::string& pattern)
{
    for (const auto& child : m_children)
        child->set_pattern(pattern);
}

void RedactingSink::set_formatter_(std::unique_ptr<spdlog::formatter> formatter)
{
    for (const auto& child : m_children)
        child->set_formatter(formatter->clone());
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <spdlog/sinks/base_sink.h>

#include <mutex>
#include <vector>

namespace sentinel {

/// Forwards every message to its child sinks with registered secrets masked. Wrapping the
/// sinks (rather than trusting call sites) means a URL or response body that carries a token
/// cannot leak, whoever logs it.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit RedactingSink(std::vector<spdlog::sink_ptr> children);

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override;
    void flush_() override;
    void set_pattern_(const std::string& pattern) override;
    void set_formatter_(std::unique_ptr<spdlog::formatter> formatter) override;

private:
    std::vector<spdlog::sink_ptr> m_children;
};

} // namespace sentinel

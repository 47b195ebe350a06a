// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/StrategyRegistry.h"

#include "strategy/RsiReversionStrategy.h"
#include "strategy/SmaCrossStrategy.h"

#include <algorithm>
#include <array>
#include <utility>

namespace sentinel {

namespace {
using Factory = std::unique_ptr<Strategy> (*)();

struct Entry {
    const char16_t* name;
    Factory factory;
};

// Sorted by name; adding a strategy means adding a line here and nothing else.
constexpr std::array entries{
    Entry{u"rsi_reversion", []() -> std::unique_ptr<Strategy> { return std::make_unique<RsiReversionStrategy>(); }},
    Entry{u"sma_cross", []() -> std::unique_ptr<Strategy> { return std::make_unique<SmaCrossStrategy>(); }},
};

const Entry* find(QStringView name)
{
    // NOLINTNEXTLINE(readability-qualified-auto): std::array's iterator is a pointer in libstdc++ only
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [name](const Entry& entry) { return name == QStringView(entry.name); });
    return it == entries.end() ? nullptr : &*it;
}
} // namespace

QStringList StrategyRegistry::ruleNames()
{
    QStringList names;
    for (const Entry& entry : entries)
        names << QString::fromUtf16(entry.name);
    return names;
}

QString StrategyRegistry::advisorName()
{
    return QStringLiteral("llm_advisor");
}

QStringList StrategyRegistry::names()
{
    QStringList names = ruleNames();
    names << advisorName();
    names.sort();
    return names;
}

bool StrategyRegistry::contains(QStringView name)
{
    return find(name) != nullptr || name == advisorName();
}

Result<std::unique_ptr<Strategy>> StrategyRegistry::create(QStringView name)
{
    if (const Entry* entry = find(name))
        return entry->factory();
    if (name == advisorName())
        return Error{QStringLiteral("unknown_strategy"),
                     QStringLiteral("llm_advisor is built by the engine with its model servers, not by name alone"),
                     QStringLiteral("this is a bug in the caller: build it from the advisor: section")};
    return Error{QStringLiteral("unknown_strategy"),
                 QStringLiteral("unknown strategy '%1'").arg(name),
                 QStringLiteral("set strategy.name to one of: %1").arg(names().join(QStringLiteral(", ")))};
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "common/Instrument.h"
#include "market/Bar.h"

#include <QList>
#include <QString>

#include <functional>

namespace sentinel {

/// What a context source is asked about: one instrument and its closed bars, oldest first.
struct ContextQuestion {
    Instrument instrument;
    Bars closedBars;
};

/// One section of the advisor's prompt, or why it is left out (issue 15: a source that is absent
/// or failing is left out and the proposal says so; nothing is made up).
struct ContextSection {
    QString source; ///< "indicators", "regime", "sentiment", "macro": also its cache's name
    QString text;   ///< deterministic, compact plain text; empty when left out
    QString leftOutBecause; ///< empty when the section is there

    [[nodiscard]] bool present() const { return leftOutBecause.isEmpty(); }
    friend bool operator==(const ContextSection&, const ContextSection&) = default;
};

/// One kind of context the advisor's prompt may carry. Each source reads through its named cache
/// (CacheRegistry: indicators, regime, sentiment, macro), so its hit rate shows in the Caches
/// panel. `gather` answers exactly once, possibly later, on the engine thread, and never blocks;
/// an error says why the section is left out.
class AdvisorContextSource
{
public:
    using Done = std::function<void(Result<QString> text)>;

    virtual ~AdvisorContextSource() = default;
    [[nodiscard]] virtual QString name() const = 0;
    virtual void gather(const ContextQuestion& question, Done done) = 0;

protected:
    AdvisorContextSource() = default;
    AdvisorContextSource(const AdvisorContextSource&) = default;
    AdvisorContextSource& operator=(const AdvisorContextSource&) = default;
};

} // namespace sentinel

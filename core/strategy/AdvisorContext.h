// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "common/Instrument.h"
#include "market/Bar.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace sentinel {

/// What a context source is asked about: one instrument and its closed bars, oldest first.
struct ContextQuestion {
    Instrument instrument;
    Bars closedBars;

    /// Names the newest closed bar of the instrument ("XNYS:AAPL:5min@2024-03-04T14:30:00.000Z"):
    /// what a section computed from the bars is cached under, so the same bar asked twice (two
    /// decisions, a retry) is one computation (ADR 0129).
    [[nodiscard]] QString lastBarKey() const;
};

/// Kinds of the errors a context source leaves a section out with, besides those it passes on
/// (providers/ProviderError.h).
namespace contextError {
inline constexpr char16_t TooFewBars[] = u"too_few_bars";       ///< not enough closed bars yet
inline constexpr char16_t UnusableBars[] = u"unusable_bars";    ///< a price that is not a positive finite number
inline constexpr char16_t NoApiKey[] = u"no_api_key";           ///< the source's service is not configured
inline constexpr char16_t QuotaUsedUp[] = u"quota_used_up";     ///< the service's daily quota is spent
inline constexpr char16_t Unexpected[] = u"unexpected_answer";  ///< an answer for something else

/// "<need> closed bars are needed for the <section>; there are <have>"
[[nodiscard]] Error tooFewBars(const QString& section, qsizetype have, int need);
[[nodiscard]] Error unusableBars();
} // namespace contextError

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

/// Gathers the advisor prompt's context: asks every source about one question and answers once
/// with one section per source, in a fixed order (indicators, regime, sentiment, macro; a source
/// of another name after them, in the order given). A source that has not answered when the
/// deadline passes on the Clock is left out ("did not answer within 3 s"), so no source can hold
/// a decision; its late answer is dropped. Lives in the engine thread, like its sources.
class AdvisorContext final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdvisorContext)
public:
    using Sources = std::vector<std::unique_ptr<AdvisorContextSource>>;
    using Done = std::function<void(const QList<ContextSection>& sections)>;
    static constexpr std::chrono::milliseconds kDefaultDeadline{3000};

    AdvisorContext(Clock& clock, Sources sources, std::chrono::milliseconds deadline = kDefaultDeadline,
                   QObject* parent = nullptr);
    ~AdvisorContext() override;

    /// Answers exactly once: when the last source answers or when the deadline passes, whichever
    /// comes first; before returning when every source answered from memory. Never once this
    /// object is gone: the answers still under way are dropped with it.
    void gather(const ContextQuestion& question, Done done);

    /// The sources' names, in the order the sections come.
    [[nodiscard]] QStringList sourceNames() const;
    [[nodiscard]] std::chrono::milliseconds deadline() const { return m_deadline; }

private:
    struct Round;
    void answer(const std::shared_ptr<Round>& round, qsizetype index, const Result<QString>& text);
    void finish(const std::shared_ptr<Round>& round);

    Clock& m_clock;
    Sources m_sources;
    std::chrono::milliseconds m_deadline;
    /// The rounds still waiting, so that their answers are dropped when this object goes.
    std::vector<std::weak_ptr<Round>> m_rounds;
};

} // namespace sentinel

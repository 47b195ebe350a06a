// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/AdvisorContext.h"

#include "cache/CacheRegistry.h"

#include <algorithm>
#include <array>

namespace sentinel {

namespace {

/// Where a section goes in the prompt: technical context first, then the outside world (ADR 0129).
qsizetype rankOf(const QString& name)
{
    static const std::array<QStringView, 4> order{cachenames::indicators, cachenames::regime, cachenames::sentiment,
                                                  cachenames::macro};
    const auto* const it = std::find(order.begin(), order.end(), QStringView(name));
    return it - order.begin(); // an unknown name ranks after every known one
}

QString durationText(std::chrono::milliseconds span)
{
    if (span.count() % 1000 == 0)
        return QStringLiteral("%1 s").arg(span.count() / 1000);
    return QStringLiteral("%1 ms").arg(span.count());
}

} // namespace

Error contextError::tooFewBars(const QString& section, qsizetype have, int need)
{
    return Error(QString::fromUtf16(TooFewBars),
                 QStringLiteral("%1 closed bars are needed for the %2; there are %3").arg(need).arg(section).arg(have));
}

Error contextError::unusableBars()
{
    return Error(QString::fromUtf16(UnusableBars),
                 QStringLiteral("a closed bar holds a price that is not a positive finite number"));
}

QString ContextQuestion::lastBarKey() const
{
    const QString bar = closedBars.isEmpty() ? QStringLiteral("none")
                                             : closedBars.last().openTime.toUTC().toString(Qt::ISODateWithMs);
    return instrument.key() + u'@' + bar;
}

/// One question under way: the sections so far and who has answered.
struct AdvisorContext::Round {
    QList<ContextSection> sections;
    QList<bool> answered;
    qsizetype outstanding = 0;
    Done done;
    TimerId deadlineTimer = 0;
    bool finished = false;
};

AdvisorContext::AdvisorContext(Clock& clock, Sources sources, std::chrono::milliseconds deadline, QObject* parent)
    : QObject(parent), m_clock(clock), m_sources(std::move(sources)), m_deadline(deadline)
{
    std::erase(m_sources, nullptr);
    std::stable_sort(m_sources.begin(), m_sources.end(), [](const auto& a, const auto& b) {
        return rankOf(a->name()) < rankOf(b->name());
    });
}

AdvisorContext::~AdvisorContext()
{
    // A source may answer after this object is gone (a request in flight): its round is marked
    // finished here, so that answer finds nothing to do and touches nothing of ours.
    for (const std::weak_ptr<Round>& weak : m_rounds) {
        if (const std::shared_ptr<Round> round = weak.lock()) {
            round->finished = true;
            m_clock.cancel(round->deadlineTimer);
        }
    }
}

QStringList AdvisorContext::sourceNames() const
{
    QStringList names;
    for (const auto& source : m_sources)
        names << source->name();
    return names;
}

void AdvisorContext::gather(const ContextQuestion& question, Done done)
{
    std::erase_if(m_rounds, [](const std::weak_ptr<Round>& round) { return round.expired(); });
    auto round = std::make_shared<Round>();
    round->done = std::move(done);
    round->outstanding = qsizetype(m_sources.size());
    for (const auto& source : m_sources) {
        round->sections.append(ContextSection{source->name(), {}, {}});
        round->answered.append(false);
    }
    if (round->outstanding == 0)
        return finish(round);
    m_rounds.push_back(round);
    // Scheduled before anyone is asked, so that a source answering at once can cancel it.
    round->deadlineTimer = m_clock.callAfter(m_deadline, this, [this, weak = std::weak_ptr<Round>(round)] {
        const std::shared_ptr<Round> late = weak.lock();
        if (!late || late->finished)
            return;
        late->deadlineTimer = 0;
        const QString reason = QStringLiteral("did not answer within %1").arg(durationText(m_deadline));
        for (qsizetype i = 0; i < late->sections.size(); ++i) {
            if (!late->answered[i])
                late->sections[i].leftOutBecause = reason;
        }
        finish(late);
    });
    for (qsizetype i = 0; i < qsizetype(m_sources.size()) && !round->finished; ++i) {
        // The callback holds the round, never this object: see the destructor.
        m_sources[std::size_t(i)]->gather(question, [this, round, i](const Result<QString>& text) {
            if (!round->finished)
                answer(round, i, text);
        });
    }
}

void AdvisorContext::answer(const std::shared_ptr<Round>& round, qsizetype index, const Result<QString>& text)
{
    if (round->answered[index])
        return; // a source answers once; a second answer is ignored
    round->answered[index] = true;
    ContextSection& section = round->sections[index];
    if (text.ok() && !text.value().isEmpty()) {
        section.text = text.value();
    } else if (text.ok()) {
        section.leftOutBecause = QStringLiteral("the source had nothing to say");
    } else {
        section.leftOutBecause = text.error().message.isEmpty() ? text.error().kind : text.error().message;
    }
    if (--round->outstanding == 0)
        finish(round);
}

void AdvisorContext::finish(const std::shared_ptr<Round>& round)
{
    round->finished = true;
    if (round->deadlineTimer != 0)
        m_clock.cancel(round->deadlineTimer);
    round->deadlineTimer = 0;
    const Done done = std::move(round->done);
    if (done)
        done(round->sections);
}

} // namespace sentinel

// SPDX-License-Identifier: GPL-3.0-or-later
// AdvisorContext with stand-in sources: the fixed order of the sections, the reasons a section is
// left out, and the deadline on a ManualClock, after which a late answer is dropped safely, also
// once the context itself is gone.
#include "common/ManualClock.h"
#include "strategy/AdvisorContext.h"

#include <QTest>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

using namespace sentinel;
using namespace std::chrono_literals;

class TestAdvisorContext final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void sectionsComeInTheFixedOrder();
    void aSectionLeftOutSaysWhy();
    void aSlowSourceIsLeftOutAtTheDeadline();
    void theDeadlineIsNamedInItsUnit();
    void aLateAnswerAfterTheContextIsGoneIsDropped();
    void aSecondAnswerFromOneSourceIsIgnored();
    void noSourcesAnswerAtOnce();

private:
    std::unique_ptr<ManualClock> m_clock;
};

namespace {

/// Answers at once with a fixed result, or keeps the callback in `held` (shared with the test,
/// as a provider's request in flight would be) to answer whenever the test says.
class StandInSource final : public AdvisorContextSource
{
public:
    StandInSource(QString name, std::optional<Result<QString>> answer, std::vector<Done>* held = nullptr)
        : m_name(std::move(name)), m_answer(std::move(answer)), m_held(held)
    {
    }
    [[nodiscard]] QString name() const override { return m_name; }
    void gather(const ContextQuestion& /*question*/, Done done) override
    {
        ++asked;
        if (m_answer)
            done(*m_answer);
        else if (m_held)
            m_held->push_back(std::move(done));
    }
    int asked = 0;

private:
    QString m_name;
    std::optional<Result<QString>> m_answer;
    std::vector<Done>* m_held;
};

std::unique_ptr<AdvisorContextSource> answering(const QString& name, const QString& text)
{
    return std::make_unique<StandInSource>(name, Result<QString>(text));
}

std::unique_ptr<AdvisorContextSource> failing(const QString& name, const Error& error)
{
    return std::make_unique<StandInSource>(name, Result<QString>(error));
}

std::unique_ptr<AdvisorContextSource> holding(const QString& name, std::vector<AdvisorContextSource::Done>* held)
{
    return std::make_unique<StandInSource>(name, std::nullopt, held);
}

ContextQuestion aQuestion()
{
    return ContextQuestion{Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5}, {}};
}

/// Counts the answers and keeps the last.
struct Answers {
    int count = 0;
    QList<ContextSection> sections;
    AdvisorContext::Done callback()
    {
        return [this](const QList<ContextSection>& given) {
            ++count;
            sections = given;
        };
    }
};

} // namespace

void TestAdvisorContext::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2024, 3, 4), QTime(15, 0), Qt::UTC));
}

void TestAdvisorContext::sectionsComeInTheFixedOrder()
{
    AdvisorContext::Sources sources;
    sources.push_back(answering(QStringLiteral("macro"), QStringLiteral("macro: m")));
    sources.push_back(answering(QStringLiteral("orderbook"), QStringLiteral("orderbook: o")));
    sources.push_back(answering(QStringLiteral("sentiment"), QStringLiteral("sentiment: s")));
    sources.push_back(answering(QStringLiteral("indicators"), QStringLiteral("indicators: i")));
    sources.push_back(answering(QStringLiteral("regime"), QStringLiteral("regime: r")));
    AdvisorContext context(*m_clock, std::move(sources));
    QCOMPARE(context.sourceNames(), (QStringList{QStringLiteral("indicators"), QStringLiteral("regime"),
                                                 QStringLiteral("sentiment"), QStringLiteral("macro"),
                                                 QStringLiteral("orderbook")}));
    Answers answers;
    context.gather(aQuestion(), answers.callback());
    // Every source answered from memory: the answer is there before gather returns, and no
    // deadline is left behind on the clock.
    QCOMPARE(answers.count, 1);
    QCOMPARE(m_clock->pendingTimers(), 0);
    const QList<ContextSection> expected{
        {QStringLiteral("indicators"), QStringLiteral("indicators: i"), {}},
        {QStringLiteral("regime"), QStringLiteral("regime: r"), {}},
        {QStringLiteral("sentiment"), QStringLiteral("sentiment: s"), {}},
        {QStringLiteral("macro"), QStringLiteral("macro: m"), {}},
        {QStringLiteral("orderbook"), QStringLiteral("orderbook: o"), {}},
    };
    QCOMPARE(answers.sections, expected);
    QVERIFY(answers.sections.first().present());
}

void TestAdvisorContext::aSectionLeftOutSaysWhy()
{
    AdvisorContext::Sources sources;
    sources.push_back(failing(QStringLiteral("sentiment"),
                              Error(QStringLiteral("no_api_key"), QStringLiteral("no Alpha Vantage key configured"))));
    sources.push_back(failing(QStringLiteral("macro"),
                              Error(QStringLiteral("quota_used_up"),
                                    QStringLiteral("Alpha Vantage daily quota used up (resets at 2024-03-05T05:00:00Z)"))));
    sources.push_back(answering(QStringLiteral("indicators"), QString()));
    sources.push_back(failing(QStringLiteral("regime"), Error(QStringLiteral("odd_kind"), QString())));
    AdvisorContext context(*m_clock, std::move(sources));
    Answers answers;
    context.gather(aQuestion(), answers.callback());
    QCOMPARE(answers.count, 1);
    const QList<ContextSection> expected{
        {QStringLiteral("indicators"), {}, QStringLiteral("the source had nothing to say")},
        {QStringLiteral("regime"), {}, QStringLiteral("odd_kind")},
        {QStringLiteral("sentiment"), {}, QStringLiteral("no Alpha Vantage key configured")},
        {QStringLiteral("macro"), {}, QStringLiteral("Alpha Vantage daily quota used up (resets at 2024-03-05T05:00:00Z)")},
    };
    QCOMPARE(answers.sections, expected);
    QVERIFY(!answers.sections.first().present());
}

void TestAdvisorContext::aSlowSourceIsLeftOutAtTheDeadline()
{
    std::vector<AdvisorContextSource::Done> held;
    AdvisorContext::Sources sources;
    sources.push_back(answering(QStringLiteral("indicators"), QStringLiteral("indicators: i")));
    sources.push_back(holding(QStringLiteral("sentiment"), &held));
    sources.push_back(answering(QStringLiteral("regime"), QStringLiteral("regime: r")));
    AdvisorContext context(*m_clock, std::move(sources));
    Answers answers;
    context.gather(aQuestion(), answers.callback());
    QCOMPARE(held.size(), std::size_t(1));

    m_clock->advanceBy(2999ms);
    QCOMPARE(answers.count, 0); // a decision waits for the source up to the deadline, no longer
    m_clock->advanceBy(1ms);
    QCOMPARE(answers.count, 1);
    const QList<ContextSection> expected{
        {QStringLiteral("indicators"), QStringLiteral("indicators: i"), {}},
        {QStringLiteral("regime"), QStringLiteral("regime: r"), {}},
        {QStringLiteral("sentiment"), {}, QStringLiteral("did not answer within 3 s")},
    };
    QCOMPARE(answers.sections, expected);

    // The late answer changes nothing and answers nobody again.
    held.front()(QStringLiteral("sentiment: late"));
    QCOMPARE(answers.count, 1);
    QCOMPARE(answers.sections, expected);

    // The next question is a round of its own, with a deadline of its own.
    Answers next;
    context.gather(aQuestion(), next.callback());
    QCOMPARE(held.size(), std::size_t(2));
    held.back()(QStringLiteral("sentiment: in time"));
    QCOMPARE(next.count, 1);
    QCOMPARE(next.sections.at(2).text, QStringLiteral("sentiment: in time"));
    QCOMPARE(m_clock->pendingTimers(), 0);
}

void TestAdvisorContext::theDeadlineIsNamedInItsUnit()
{
    std::vector<AdvisorContextSource::Done> held;
    AdvisorContext::Sources sources;
    sources.push_back(holding(QStringLiteral("macro"), &held));
    AdvisorContext context(*m_clock, std::move(sources), 250ms);
    QCOMPARE(context.deadline(), 250ms);
    Answers answers;
    context.gather(aQuestion(), answers.callback());
    m_clock->advanceBy(250ms);
    QCOMPARE(answers.count, 1);
    QCOMPARE(answers.sections.first().leftOutBecause, QStringLiteral("did not answer within 250 ms"));
}

void TestAdvisorContext::aLateAnswerAfterTheContextIsGoneIsDropped()
{
    std::vector<AdvisorContextSource::Done> held;
    Answers answers;
    {
        AdvisorContext::Sources sources;
        sources.push_back(holding(QStringLiteral("sentiment"), &held));
        sources.push_back(holding(QStringLiteral("macro"), &held));
        AdvisorContext context(*m_clock, std::move(sources));
        context.gather(aQuestion(), answers.callback());
        QCOMPARE(held.size(), std::size_t(2));
    }
    // The context, its sources and its deadline are gone; the requests they started still answer.
    m_clock->advanceBy(10s);
    held.at(0)(QStringLiteral("sentiment: late"));
    held.at(1)(Error(QStringLiteral("timeout"), QStringLiteral("no complete answer within 10 s")));
    QCOMPARE(answers.count, 0);
}

void TestAdvisorContext::aSecondAnswerFromOneSourceIsIgnored()
{
    std::vector<AdvisorContextSource::Done> held;
    AdvisorContext::Sources sources;
    sources.push_back(holding(QStringLiteral("indicators"), &held));
    sources.push_back(holding(QStringLiteral("regime"), &held));
    AdvisorContext context(*m_clock, std::move(sources));
    Answers answers;
    context.gather(aQuestion(), answers.callback());
    held.at(0)(QStringLiteral("indicators: first"));
    held.at(0)(QStringLiteral("indicators: second"));
    QCOMPARE(answers.count, 0); // the regime has not answered yet
    held.at(1)(QStringLiteral("regime: r"));
    QCOMPARE(answers.count, 1);
    QCOMPARE(answers.sections.at(0).text, QStringLiteral("indicators: first"));
}

void TestAdvisorContext::noSourcesAnswerAtOnce()
{
    AdvisorContext context(*m_clock, AdvisorContext::Sources{});
    Answers answers;
    context.gather(aQuestion(), answers.callback());
    QCOMPARE(answers.count, 1);
    QVERIFY(answers.sections.isEmpty());
    QCOMPARE(m_clock->pendingTimers(), 0);
}

QTEST_GUILESS_MAIN(TestAdvisorContext)
#include "tst_advisorcontext.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The advisor's prompt: the same input always gives the same text and hash; it lists the last N
// bars, the position, the limits and each context section, and names what was left out.
#include "strategy/AdvisorPrompt.h"

#include "BarSeries.h"

#include <QTest>

using namespace sentinel;

namespace {

PromptInput sampleInput()
{
    PromptInput input;
    input.instrument = Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5};
    input.closedBars = test::barsFromCloses({1.0801, 1.0812, 1.0823, 1.0834}, 0.0005);
    input.historyBars = 3;
    input.position = PositionState{1000, 1.0805};
    input.limits = PromptLimits{0.1, 0.02};
    input.context = {ContextSection{QStringLiteral("indicators"), QStringLiteral("indicators: rsi14 61.2"), {}},
                     ContextSection{QStringLiteral("sentiment"), {}, QStringLiteral("no Alpha Vantage key configured")}};
    return input;
}

} // namespace

class TestAdvisorPrompt final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void promptStatesTheQuestionCompactly();
    void sameInputSameTextAndHash();
    void anyChangeChangesTheHash();
};

void TestAdvisorPrompt::promptStatesTheQuestionCompactly()
{
    const advisor::AdviceRequest request = buildAdvicePrompt(sampleInput());
    QVERIFY(request.system.contains(u"never trade"));
    QVERIFY(request.system.contains(u"exactly these keys"));
    const QStringList lines = request.user.split(u'\n');
    QCOMPARE(lines.value(0), QStringLiteral("instrument: EUR/USD (FX, 5min bars)"));
    QCOMPARE(lines.value(1), QStringLiteral("position: long 1000 at 1.0805"));
    QCOMPARE(lines.value(2), QStringLiteral("risk limits: position at most 10 % of equity; portfolio VaR at most 2 % of equity"));
    QVERIFY(lines.value(3).startsWith(u"last 3 closed bars"));
    // The first of four bars is beyond history_bars; the last is the newest.
    QCOMPARE(lines.value(4), QStringLiteral("2024-03-04T14:35:00Z 1.0812 1.0817 1.0807 1.0812 1000"));
    QCOMPARE(lines.value(6), QStringLiteral("2024-03-04T14:45:00Z 1.0834 1.0839 1.0829 1.0834 1000"));
    QCOMPARE(lines.value(7), QStringLiteral("indicators: rsi14 61.2"));
    QCOMPARE(lines.value(8), QStringLiteral("not available: sentiment (no Alpha Vantage key configured)"));
    QCOMPARE(lines.size(), 9);
}

void TestAdvisorPrompt::sameInputSameTextAndHash()
{
    const auto first = buildAdvicePrompt(sampleInput());
    const auto second = buildAdvicePrompt(sampleInput());
    QCOMPARE(first.user, second.user);
    QCOMPARE(promptSha256(first), promptSha256(second));
    QCOMPARE(promptSha256(first).size(), 64);
    // The digest of the text as sent, checked independently of the function.
    const QByteArray sent = (first.system + QStringLiteral("\n\n") + first.user).toUtf8();
    QCOMPARE(promptSha256(first), QString::fromLatin1(QCryptographicHash::hash(sent, QCryptographicHash::Sha256).toHex()));
}

void TestAdvisorPrompt::anyChangeChangesTheHash()
{
    const QString base = promptSha256(buildAdvicePrompt(sampleInput()));
    PromptInput flat = sampleInput();
    flat.position = {};
    QVERIFY(promptSha256(buildAdvicePrompt(flat)) != base);
    PromptInput newerBar = sampleInput();
    newerBar.closedBars.last().close = 1.0835;
    QVERIFY(promptSha256(buildAdvicePrompt(newerBar)) != base);
}

QTEST_GUILESS_MAIN(TestAdvisorPrompt)
#include "tst_advisorprompt.moc"

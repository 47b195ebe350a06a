// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"

#include "TestData.h"

#include <QByteArray>
#include <QDir>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QTest>

#include <functional>
#include <optional>
#include <utility>

// Holding a parser's fast reader to its reference (DOM) reader (ADR 0125): on recorded bodies and
// on random edits of them, the fast reader either declines or gives exactly the DOM reader's
// answer: the same value, or the same error kind, message and remedy.

namespace sentinel::test {

/// Empty when `fast` declined or agrees with `dom`; else what differs, for the failure message.
template <typename T>
[[nodiscard]] QString disagreement(const Result<T>& dom, const std::optional<Result<T>>& fast)
{
    if (!fast)
        return {};
    if (dom.ok() != fast->ok())
        return dom.ok() ? QStringLiteral("the DOM reader reads it, the fast one says: %1").arg(fast->error().toString())
                        : QStringLiteral("the fast reader reads it, the DOM one says: %1").arg(dom.error().toString());
    if (!dom.ok()) {
        const Error& a = dom.error();
        const Error& b = fast->error();
        if (a.kind == b.kind && a.message == b.message && a.remedy == b.remedy)
            return {};
        return QStringLiteral("different errors: DOM %1 '%2', fast %3 '%4'").arg(a.kind, a.toString(), b.kind, b.toString());
    }
    return dom.value() == fast->value() ? QString() : QStringLiteral("both read it, to different values");
}

/// Every file under tests/data/`folder` (recursively) whose name matches `pattern`, sorted.
[[nodiscard]] QStringList filesUnder(const QString& folder, const QString& pattern);

/// Small random edits of a body: a byte replaced, bytes dropped, a span repeated, a piece of
/// JSON's alphabet (or of what a reader must refuse: escapes, NUL, UTF-8, a BOM, null, exponents)
/// inserted, and most often one digit changed, which keeps the JSON valid and breaks its rules
/// (order, high below low, a grid, a time). Deterministic for a seed.
class BodyMutator
{
public:
    explicit BodyMutator(quint32 seed) : m_random(seed) {}

    [[nodiscard]] QByteArray mutate(QByteArray body, int edits);

private:
    [[nodiscard]] qsizetype position(qsizetype size) { return size > 0 ? qsizetype(m_random.bounded(quint32(size))) : 0; }
    void editOnce(QByteArray& body);

    QRandomGenerator m_random;
};

/// A parser's two readers and the combination it runs, under a few options (hints, a clock): the
/// checks both candle scanners' tests make.
template <typename T, typename Options>
struct ReaderPair {
    std::function<Result<T>(const QByteArray&, const Options&)> dom;
    std::function<std::optional<Result<T>>(const QByteArray&, const Options&)> fast;
    std::function<Result<T>(const QByteArray&, const Options&)> combined;
    QList<std::pair<const char*, Options>> options;

    /// `_data()`: a `file` and an `option` column, a row for every file under tests/data/`folder`
    /// and option.
    void addRecordedRows(const QString& folder, qsizetype atLeast) const
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("option");
        const QStringList files = filesUnder(folder, QStringLiteral("*.json"));
        QVERIFY(files.size() >= atLeast);
        for (const QString& file : files) {
            const QString name = QDir(dataPath(folder)).relativeFilePath(file);
            for (int i = 0; i < options.size(); ++i)
                QTest::addRow("%s, %s", qPrintable(name), options[i].first) << file << i;
        }
    }

    /// The fast reader declines or agrees, and the combination gives the DOM reader's answer.
    void checkBody(const QByteArray& body, const Options& option) const
    {
        const Result<T> reference = dom(body, option);
        const QString problem = disagreement(reference, fast(body, option));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(disagreement(reference, std::optional(combined(body, option))).isEmpty());
    }

    /// Edits each seed (`readVariants` times when the fast reader reads it as it is, else
    /// `otherVariants`) and checks every edit under every option. Fails at the first disagreement,
    /// and when the fast reader answered too rarely, either way, for the check to mean anything.
    void checkEdits(const QList<QByteArray>& seeds, quint32 randomSeed, int readVariants, int otherVariants) const
    {
        BodyMutator mutator(randomSeed);
        int read = 0;
        int refused = 0;
        int declined = 0;
        for (qsizetype s = 0; s < seeds.size(); ++s) {
            const int variants = fast(seeds[s], options.front().second).has_value() ? readVariants : otherVariants;
            for (int variant = 0; variant < variants; ++variant) {
                const QByteArray body = mutator.mutate(seeds[s], 1 + variant % 3);
                for (const auto& [hint, option] : options) {
                    const std::optional<Result<T>> answer = fast(body, option);
                    const QString problem = disagreement(dom(body, option), answer);
                    QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("seed %1, variant %2, %3: %4\n%5")
                                                               .arg(s)
                                                               .arg(variant)
                                                               .arg(QLatin1String(hint), problem,
                                                                    QString::fromLatin1(body.left(600).toPercentEncoding(" {}[]\":,._-")))));
                    (!answer ? declined : answer->ok() ? read : refused) += 1;
                }
            }
        }
        qInfo("edited bodies: %d read by the fast reader, %d refused by it with the DOM's error, %d left to the DOM", read, refused, declined);
        QVERIFY(read > 1000);
        QVERIFY(refused > 1000);
        QVERIFY(declined > 1000);
    }
};

} // namespace sentinel::test

// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: ReplayProvider::parseCsv must never crash, hang or trip a sanitizer,
// whatever the file. What it accepts must be clean (every data-quality rule holds, strictly
// ascending UTC instants, none after `now`), and every data row must be accounted for: served
// as a bar or reported as an issue, never dropped in silence. Seeded from tests/data/replay.
#include "providers/DataQuality.h"
#include "providers/ReplayProvider.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <cstddef>
#include <cstdint>

namespace {

/// Data rows as parseCsv counts them: non-blank lines that are not comments, after the header.
qsizetype dataRows(const QByteArray& text)
{
    qsizetype rows = 0;
    for (const QByteArray& line : text.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith('#'))
            ++rows;
    }
    return rows > 0 ? rows - 1 : 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace sentinel;
    const QByteArray text(reinterpret_cast<const char*>(data), qsizetype(size));
    // Both ways the program reads a file: with a "now" (future rows dropped) and without.
    const QDateTime now(QDate(2025, 6, 1), QTime(0, 0), Qt::UTC);
    for (const QDateTime& at : {now, QDateTime()}) {
        const auto parsed = ReplayProvider::parseCsv(text, at);
        if (!parsed.ok()) {
            if (parsed.error().kind.isEmpty() || parsed.error().message.isEmpty())
                __builtin_trap();
            continue;
        }
        const SanitizedBars& clean = parsed.value();
        for (qsizetype i = 0; i < clean.bars.size(); ++i) {
            const Bar& bar = clean.bars.at(i);
            if (checkBarValues(QString(), bar) || !bar.openTime.isValid() || bar.openTime.timeSpec() != Qt::UTC
                || (at.isValid() && bar.openTime > at))
                __builtin_trap();
            if (i > 0 && !(clean.bars.at(i - 1).openTime < bar.openTime))
                __builtin_trap();
        }
        if (clean.bars.size() + clean.issues.size() != dataRows(text))
            __builtin_trap();
    }
    return 0;
}

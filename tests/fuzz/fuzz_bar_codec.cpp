// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the shared-cache bar codec, both ways:
//  - decodeBars on any bytes must never crash or trip a sanitizer; what it accepts must be
//    plausible bars in strictly ascending time, and must be exactly what encodeBars writes for
//    them (decode(bytes) = bars implies encode(bars) = bytes: nothing is read loosely);
//  - the same bytes read as raw bars: every plausible, ascending list encodeBars writes must
//    decode to itself.
// Seeded from tests/data/cache/seeds (scripts/fuzz.sh).
#include "cache/BarCodec.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace {

using namespace sentinel;

constexpr std::size_t rawBarBytes = 8 + 5 * sizeof(double);

/// The input as raw bars (native layout), keeping those encodeBars is meant to write.
Bars rawBars(const std::uint8_t* data, std::size_t size)
{
    Bars bars;
    for (std::size_t at = 0; at + rawBarBytes <= size; at += rawBarBytes) {
        qint64 openMs = 0;
        double values[5];
        std::memcpy(&openMs, data + at, 8);
        std::memcpy(values, data + at + 8, sizeof values);
        Bar bar;
        bar.openTime = QDateTime::fromMSecsSinceEpoch(openMs, Qt::UTC);
        bar.open = values[0];
        bar.high = values[1];
        bar.low = values[2];
        bar.close = values[3];
        bar.volume = values[4];
        if (isPlausibleBar(bar) && (bars.isEmpty() || bars.constLast().openTime < bar.openTime))
            bars.append(bar);
    }
    return bars;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const Result<Bars> decoded = decodeBars(bytes);
    if (decoded.ok()) {
        const Bars& bars = decoded.value();
        for (qsizetype i = 0; i < bars.size(); ++i) {
            if (!isPlausibleBar(bars.at(i)) || (i > 0 && !(bars.at(i - 1).openTime < bars.at(i).openTime)))
                __builtin_trap();
        }
        if (encodeBars(bars) != bytes)
            __builtin_trap();
    } else if (decoded.error().kind != u"cache_corrupt") {
        __builtin_trap();
    }

    const Bars written = rawBars(data, size);
    const Result<Bars> reread = decodeBars(encodeBars(written));
    if (!reread.ok() || reread.value().size() != written.size())
        __builtin_trap();
    for (qsizetype i = 0; i < written.size(); ++i) {
        const Bar& a = written.at(i);
        const Bar& b = reread.value().at(i);
        // Compared field by field: == on QDateTime compares instants, which is the point here.
        if (a.openTime.toMSecsSinceEpoch() != b.openTime.toMSecsSinceEpoch() || a.open != b.open || a.high != b.high
            || a.low != b.low || a.close != b.close || a.volume != b.volume)
            __builtin_trap();
    }
    return 0;
}

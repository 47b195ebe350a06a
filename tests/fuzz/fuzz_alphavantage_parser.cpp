// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: parseAlphaVantage must never crash, hang or trip a sanitizer, whatever the
// body, and whatever it returns must serialise. Seeded from tests/data/alphavantage (scripts/fuzz.sh).
#include "providers/AlphaVantageParser.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>

#include <cmath>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace sentinel;
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    AlphaVantageParseContext context;
    context.now = QDateTime(QDate(2025, 6, 1), QTime(0, 0), Qt::UTC);
    const auto parsed = parseAlphaVantage(body, context);
    if (parsed.ok()) {
        // Whatever is accepted must be clean: no bar may break a data-quality rule.
        if (const auto* bars = std::get_if<AlphaVantageBars>(&parsed.value().payload)) {
            for (const Bar& bar : bars->bars) {
                if (checkBarValues(QString(), bar) || !bar.openTime.isValid() || bar.openTime > context.now)
                    __builtin_trap();
            }
        }
        (void)QJsonDocument(toNormalisedJson(parsed.value())).toJson();
    } else if (parsed.error().kind.isEmpty()) {
        __builtin_trap();
    }
    return 0;
}

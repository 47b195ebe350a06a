// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/ReplayProvider.h"

#include "common/BoundedFile.h"
#include "common/Excerpt.h"
#include "providers/ProviderError.h"

#include <QDir>
#include <QFileInfo>

namespace sentinel {

namespace pe = providerError;

namespace {
const QByteArray expectedHeader = "open_time_utc,open,high,low,close,volume";

std::optional<double> number(const QByteArray& field)
{
    bool ok = false;
    const double value = field.trimmed().toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}
} // namespace

ReplayProvider::ReplayProvider(Clock& clock, QString directory, QObject* parent)
    : MarketDataProvider(parent), m_clock(clock), m_directory(std::move(directory))
{
}

QString ReplayProvider::filePathFor(const Instrument& instrument) const
{
    QString symbol = instrument.symbol.trimmed().toUpper();
    symbol.replace(u'/', u'_');
    return QDir(m_directory).filePath(symbol + u'_' + intervalName(instrument.interval) + u".csv");
}

Result<SanitizedBars> ReplayProvider::parseCsv(const QByteArray& text, const QDateTime& now)
{
    if (const qsizetype nul = text.indexOf('\0'); nul >= 0)
        return pe::make(pe::BinaryBody,
                        QStringLiteral("the file contains NUL bytes (the first at byte %1): it is binary, not CSV text").arg(nul),
                        QStringLiteral("give a CSV file as described in docs/replay-format.md"));
    const QList<QByteArray> lines = text.split('\n');
    QList<CandidateBar> rows;
    bool headerSeen = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QString label = QStringLiteral("line %1").arg(i + 1);
        if (!headerSeen) {
            if (line != expectedHeader)
                return pe::make(pe::MalformedBody,
                                QStringLiteral("%1: the header is '%2', expected '%3'")
                                    .arg(label, excerpt(line), QString::fromLatin1(expectedHeader)),
                                QStringLiteral("see docs/replay-format.md"));
            headerSeen = true;
            continue;
        }
        CandidateBar row;
        row.label = label;
        const QList<QByteArray> fields = line.split(',');
        if (fields.size() != 6) {
            row.rejection = DataQualityIssue{label, QStringLiteral("wrong_field_count"),
                                             QStringLiteral("%1 fields, expected 6").arg(fields.size())};
            rows.append(row);
            continue;
        }
        const QString stamp = QString::fromLatin1(fields.at(0).trimmed());
        row.bar.openTime = QDateTime::fromString(stamp, Qt::ISODate);
        if (!row.bar.openTime.isValid() || !stamp.endsWith(u'Z')) {
            row.rejection = DataQualityIssue{label, QStringLiteral("invalid_timestamp"),
                                             QStringLiteral("'%1' is not a UTC instant like 2024-05-10T13:30:00Z").arg(excerpt(stamp))};
            rows.append(row);
            continue;
        }
        row.bar.openTime = row.bar.openTime.toUTC();
        double* targets[] = {&row.bar.open, &row.bar.high, &row.bar.low, &row.bar.close, &row.bar.volume};
        for (int f = 1; f <= 5 && !row.rejection; ++f) {
            if (const auto value = number(fields.at(f)))
                *targets[f - 1] = *value;
            else
                row.rejection = DataQualityIssue{label, QStringLiteral("not_a_number"),
                                                 QStringLiteral("field %1 ('%2') is not a number")
                                                     .arg(f + 1)
                                                     .arg(excerpt(fields.at(f)))};
        }
        rows.append(row);
    }
    if (!headerSeen)
        return pe::make(pe::EmptyBody, QStringLiteral("the replay file has no header and no rows"),
                        QStringLiteral("see docs/replay-format.md"));
    SanitizedBars clean = sanitizeBars(rows, now, RowOrder::OldestFirst);
    if (clean.bars.isEmpty() && !rows.isEmpty())
        return pe::make(pe::NoUsableRows,
                        QStringLiteral("none of the %1 rows is usable; first: %2").arg(rows.size()).arg(clean.issues.first().toString()),
                        QStringLiteral("fix the replay file"));
    return clean;
}

Result<SanitizedBars> ReplayProvider::load(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return pe::make(pe::ReplayDataMissing, QStringLiteral("no replay file %1").arg(QDir::toNativeSeparators(path)),
                        QStringLiteral("add it (see docs/replay-format.md) or remove the instrument from the watchlist"));
    const auto cached = m_files.constFind(path);
    if (cached != m_files.constEnd() && cached->modified == info.lastModified())
        return cached->bars;
    // Replay files are small local files read once and kept; re-read only when they change.
    const Result<QByteArray> csv = readBoundedFile(path, FileKind::ReplayData);
    if (!csv)
        return pe::make(pe::BadReplayFile, csv.error().message, csv.error().remedy);
    // No future check here: the file is recorded history, "now" is the replay clock's, and
    // bars after it are simply not served yet.
    Result<SanitizedBars> parsed = parseCsv(*csv, QDateTime());
    if (!parsed.ok())
        parsed = Error{parsed.error().kind, QDir::toNativeSeparators(path) + u": " + parsed.error().message, parsed.error().remedy};
    m_files.insert(path, Loaded{info.lastModified(), parsed});
    return parsed;
}

void ReplayProvider::fetchBars(const BarRequest& request, BarsCallback done)
{
    countRequest(barEndpointName(request.instrument));
    const Result<SanitizedBars> loaded = load(filePathFor(request.instrument));
    if (!loaded.ok()) {
        countFailure();
        deliverLater([done = std::move(done), error = loaded.error()] { done(error); });
        return;
    }
    BarSeries series;
    series.instrument = request.instrument;
    series.bars = closedBarsWindow(loaded.value().bars, request.instrument.interval, m_clock.now(), request.since, m_maxBars);
    series.qualityIssues = loaded.value().issues;
    for (const DataQualityIssue& issue : series.qualityIssues)
        series.droppedRows.append(issue.toString());
    deliverLater([done = std::move(done), series = std::move(series)] { done(series); });
}

} // namespace sentinel

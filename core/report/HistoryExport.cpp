// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/HistoryExport.h"

#include "journal/Journal.h"
#include "report/CsvCells.h"
#include "report/PerformanceReport.h"

#include <QJsonDocument>
#include <QSaveFile>
#include <QStringList>

namespace sentinel {

std::optional<HistoryFormat> parseHistoryFormat(QStringView name)
{
    if (name.compare(u"csv", Qt::CaseInsensitive) == 0)
        return HistoryFormat::Csv;
    if (name.compare(u"json", Qt::CaseInsensitive) == 0)
        return HistoryFormat::Json;
    return std::nullopt;
}

namespace historyexport {

namespace {

/// Rows read from the journal per query while exporting.
constexpr int kExportPage = 2000;

QString instantOrEmpty(const QDateTime& at)
{
    return at.isValid() ? csvcell::instant(at.toMSecsSinceEpoch()) : QString();
}

QJsonValue instantOrNull(const QDateTime& at)
{
    return at.isValid() ? QJsonValue(csvcell::instant(at.toMSecsSinceEpoch())) : QJsonValue();
}

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

Error exportError(const QString& path, const QString& why)
{
    return {QStringLiteral("export_failed"), QStringLiteral("could not write the history to %1: %2").arg(path, why),
            QStringLiteral("choose a folder you can write to, with room for the file")};
}

} // namespace

QString csvHeader()
{
    return QStringLiteral("created_at,proposal,instrument,symbol,side,exit,quantity,price,strategy,outcome,resolution,resolved_at,"
                          "decided_by,decided_via,decided_at,fill_order,fill_price,fill_quantity,fill_fee,filled_at");
}

QString csvRow(const HistoryRow& row)
{
    const std::optional<HistoryFill>& fill = row.fill;
    return QStringList{instantOrEmpty(row.createdAt),
                       csvcell::text(row.proposalId),
                       csvcell::text(row.instrumentKey),
                       csvcell::text(row.symbol),
                       sideName(row.side),
                       row.isExit ? QStringLiteral("1") : QStringLiteral("0"),
                       csvcell::number(row.quantity),
                       csvcell::number(row.price),
                       csvcell::text(reportedStrategy(row.strategy)),
                       proposalStateName(row.state),
                       csvcell::text(row.resolution),
                       instantOrEmpty(row.resolvedAt),
                       csvcell::text(row.decidedBy),
                       csvcell::text(row.decidedVia),
                       instantOrEmpty(row.decidedAt),
                       fill ? csvcell::text(fill->orderId) : QString(),
                       fill ? csvcell::number(fill->price) : QString(),
                       fill ? csvcell::number(fill->quantity) : QString(),
                       fill ? csvcell::number(fill->fee) : QString(),
                       fill ? instantOrEmpty(fill->at) : QString()}
        .join(u',');
}

QJsonObject toJson(const HistoryRow& row)
{
    QJsonValue fill;
    if (row.fill)
        fill = QJsonObject{{QStringLiteral("order"), row.fill->orderId},
                           {QStringLiteral("price"), row.fill->price},
                           {QStringLiteral("quantity"), row.fill->quantity},
                           {QStringLiteral("fee"), row.fill->fee},
                           {QStringLiteral("at"), instantOrNull(row.fill->at)}};
    return QJsonObject{{QStringLiteral("created_at"), instantOrNull(row.createdAt)},
                       {QStringLiteral("proposal"), row.proposalId},
                       {QStringLiteral("instrument"), row.instrumentKey},
                       {QStringLiteral("symbol"), row.symbol},
                       {QStringLiteral("side"), sideName(row.side)},
                       {QStringLiteral("exit"), row.isExit},
                       {QStringLiteral("quantity"), row.quantity},
                       {QStringLiteral("price"), row.price},
                       {QStringLiteral("strategy"), reportedStrategy(row.strategy)},
                       {QStringLiteral("outcome"), proposalStateName(row.state)},
                       {QStringLiteral("resolution"), textOrNull(row.resolution)},
                       {QStringLiteral("resolved_at"), instantOrNull(row.resolvedAt)},
                       {QStringLiteral("decided_by"), textOrNull(row.decidedBy)},
                       {QStringLiteral("decided_via"), textOrNull(row.decidedVia)},
                       {QStringLiteral("decided_at"), instantOrNull(row.decidedAt)},
                       {QStringLiteral("fill"), fill}};
}

Result<qint64> write(Journal& journal, const HistoryFilter& filter, const QString& path, HistoryFormat format)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return exportError(path, file.errorString());
    const auto put = [&file](const QString& text) { return file.write(text.toUtf8()) >= 0; };
    bool written = format == HistoryFormat::Csv ? put(csvHeader() + QStringLiteral("\r\n")) : put(QStringLiteral("{\"proposals\": ["));
    qint64 rows = 0;
    std::optional<HistoryCursor> after;
    while (written) {
        auto page = journal.historyPage(filter, after, kExportPage);
        if (!page) {
            file.cancelWriting();
            return page.error();
        }
        for (const HistoryRow& row : page.value()) {
            if (format == HistoryFormat::Csv)
                written = written && put(csvRow(row) + QStringLiteral("\r\n"));
            else
                written = written && put((rows == 0 ? QStringLiteral("\n") : QStringLiteral(",\n"))
                                         + QString::fromUtf8(QJsonDocument(toJson(row)).toJson(QJsonDocument::Compact)));
            ++rows;
        }
        if (page.value().size() < kExportPage)
            break;
        after = page.value().last().cursor();
    }
    if (written && format == HistoryFormat::Json)
        written = put(QStringLiteral("\n]}\n"));
    if (!written || !file.commit())
        return exportError(path, file.errorString());
    return rows;
}

} // namespace historyexport

} // namespace sentinel

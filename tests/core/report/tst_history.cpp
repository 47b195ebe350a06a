// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 17's History (ADR 0136): the journal read a page at a time, newest first, through filters;
// the export to CSV and JSON read back against the journal's own rows; the engine's desk that
// answers the History panel.
#include "JournalFixture.h"
#include "KnownTrades.h"

#include "engine/HistoryDesk.h"
#include "journal/Journal.h"
#include "report/HistoryExport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace sentinel;

namespace {

/// Every proposal matching `filter`, read `pageSize` rows at a time.
QList<HistoryRow> readAll(Journal& journal, const HistoryFilter& filter, int pageSize)
{
    QList<HistoryRow> all;
    std::optional<HistoryCursor> after;
    for (;;) {
        auto page = journal.historyPage(filter, after, pageSize);
        if (!page)
            qFatal("historyPage failed: %s", qPrintable(page.error().toString()));
        all << page.value();
        if (page.value().size() < pageSize)
            return all;
        after = page.value().last().cursor();
    }
}

/// RFC 4180 records of `text` (quoted cells, doubled quotes, CRLF between records).
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> records;
    QStringList record;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record << cell;
            cell.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record << cell;
            records << record;
            record.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    return records;
}

QString instantText(const QDateTime& at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString numberText(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

/// The CSV cells `row` must come back as (a spreadsheet-safe apostrophe is part of the cell).
QStringList expectedCells(const HistoryRow& row)
{
    const auto text = [](const QString& value) {
        return !value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front()) ? u'\'' + value : value;
    };
    return {instantText(row.createdAt),
            row.proposalId,
            row.instrumentKey,
            row.symbol,
            sideName(row.side),
            row.isExit ? QStringLiteral("1") : QStringLiteral("0"),
            numberText(row.quantity),
            numberText(row.price),
            row.strategy.isEmpty() ? QStringLiteral("unrecorded") : row.strategy,
            proposalStateName(row.state),
            text(row.resolution),
            instantText(row.resolvedAt),
            text(row.decidedBy),
            row.decidedVia,
            instantText(row.decidedAt),
            row.fill ? row.fill->orderId : QString(),
            row.fill ? numberText(row.fill->price) : QString(),
            row.fill ? numberText(row.fill->quantity) : QString(),
            row.fill ? numberText(row.fill->fee) : QString(),
            row.fill ? instantText(row.fill->at) : QString()};
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        // The known trades (8 executed, two strategies) and the fixture's proposal in every state
        // (no strategy recorded) in one file.
        m_path = m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(++m_run));
        QVERIFY(test::KnownTrades::write(m_path).ok());
        auto fixture = test::JournalFixture::build(m_path);
        QVERIFY2(fixture.ok(), fixture.ok() ? "" : qPrintable(fixture.error().toString()));
        m_fixture = fixture.value();
        auto journal = Journal::open(m_path);
        QVERIFY(journal.ok());
        m_journal = std::move(journal).value();
    }
    void cleanup() { m_journal.reset(); }

    void pagesCoverEveryProposalOnceNewestFirst()
    {
        auto counts = m_journal->counts();
        QVERIFY(counts.ok());
        qint64 proposals = 0;
        for (const char* state : {"pending", "approved", "executed", "rejected", "expired", "refused"})
            proposals += counts.value().value(QString::fromLatin1(state));
        QVERIFY(proposals >= 14);
        for (int pageSize : {1, 3, 5, 1000}) {
            const QList<HistoryRow> rows = readAll(*m_journal, {}, pageSize);
            QCOMPARE(rows.size(), proposals);
            QSet<QString> ids;
            for (qsizetype i = 0; i < rows.size(); ++i) {
                ids.insert(rows.at(i).proposalId);
                if (i > 0) {
                    const HistoryRow& newer = rows.at(i - 1);
                    QVERIFY2(newer.createdAt > rows.at(i).createdAt
                                 || (newer.createdAt == rows.at(i).createdAt && newer.proposalId > rows.at(i).proposalId),
                             qPrintable(QStringLiteral("row %1 is out of order").arg(i)));
                }
            }
            QCOMPARE(ids.size(), proposals);
        }
        auto count = m_journal->historyCount({});
        QVERIFY(count.ok());
        QCOMPARE(count.value(), proposals);
    }

    void aRowCarriesItsDecisionAndFill()
    {
        HistoryFilter msft;
        msft.instrument = QStringLiteral("msft");
        const QList<HistoryRow> rows = readAll(*m_journal, msft, 10);
        QCOMPARE(rows.size(), 2);
        const HistoryRow& sell = rows.at(0); // newest first: Wednesday's sell
        QCOMPARE(sell.symbol, QStringLiteral("MSFT"));
        QCOMPARE(sell.side, Side::Sell);
        QVERIFY(sell.isExit);
        QCOMPARE(sell.strategy, QStringLiteral("rsi_reversion"));
        QCOMPARE(sell.state, ProposalState::Executed);
        QCOMPARE(sell.decidedBy, QStringLiteral("tester"));
        QCOMPARE(sell.decidedAt, QDateTime(QDate(2024, 3, 6), QTime(14, 59, 30), Qt::UTC));
        QVERIFY(sell.fill.has_value());
        QCOMPARE(sell.fill->orderId, QStringLiteral("order-5"));
        QCOMPARE(sell.fill->price, 45.0);
        QCOMPARE(sell.fill->quantity, 20.0);
        QCOMPARE(sell.fill->fee, 0.5);
        QCOMPARE(sell.fill->at, QDateTime(QDate(2024, 3, 6), QTime(15, 0), Qt::UTC));

        const QList<HistoryRow> all = readAll(*m_journal, {}, 100);
        const auto rejected = std::find_if(all.begin(), all.end(),
                                           [this](const HistoryRow& row) { return row.proposalId == m_fixture.rejectedId; });
        QVERIFY(rejected != all.end());
        QCOMPARE(rejected->state, ProposalState::Rejected);
        QVERIFY(!rejected->resolution.isEmpty());
        QVERIFY(!rejected->decidedBy.isEmpty());
        QVERIFY(!rejected->fill.has_value());
        QVERIFY(rejected->strategy.isEmpty()); // the fixture records none
    }

    void filtersSelectByInstrumentStrategyOutcomeAndTime()
    {
        // Six known trades and the fixture's six proposals; by symbol or by key, any case.
        const int aapl = 12;
        HistoryFilter bySymbol;
        bySymbol.instrument = QStringLiteral("  aapl ");
        QCOMPARE(readAll(*m_journal, bySymbol, 4).size(), aapl);
        HistoryFilter byKey;
        byKey.instrument = Instrument{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Min5}.key().toLower();
        QCOMPARE(readAll(*m_journal, byKey, 4).size(), aapl);
        HistoryFilter unknown;
        unknown.instrument = QStringLiteral("AAP");
        QCOMPARE(readAll(*m_journal, unknown, 4).size(), 0);

        HistoryFilter rsi;
        rsi.strategy = QStringLiteral("rsi_reversion");
        QCOMPARE(readAll(*m_journal, rsi, 4).size(), 2);
        HistoryFilter unrecorded;
        unrecorded.strategy = QStringLiteral("unrecorded");
        const QList<HistoryRow> fixtureRows = readAll(*m_journal, unrecorded, 4);
        QVERIFY(!fixtureRows.isEmpty());
        for (const HistoryRow& row : fixtureRows)
            QVERIFY(row.strategy.isEmpty());

        HistoryFilter executed;
        executed.outcome = ProposalState::Executed;
        const QList<HistoryRow> executedRows = readAll(*m_journal, executed, 4);
        QCOMPARE(executedRows.size(), 8 + 1); // the known trades and the fixture's executed one
        for (const HistoryRow& row : executedRows)
            QVERIFY(row.fill.has_value());

        HistoryFilter wednesday;
        wednesday.from = QDateTime(QDate(2024, 3, 6), QTime(0, 0), Qt::UTC);
        wednesday.to = QDateTime(QDate(2024, 3, 7), QTime(0, 0), Qt::UTC);
        const QList<HistoryRow> midweek = readAll(*m_journal, wednesday, 2);
        for (const HistoryRow& row : midweek) {
            QVERIFY(row.createdAt >= wednesday.from);
            QVERIFY(row.createdAt < wednesday.to);
        }
        QCOMPARE(midweek.size(), 3); // AAPL buy, MSFT sell, AAPL sell

        HistoryFilter everything;
        everything.instrument = QStringLiteral("AAPL");
        everything.strategy = QStringLiteral("sma_cross");
        everything.outcome = ProposalState::Executed;
        everything.from = wednesday.from;
        QCOMPARE(readAll(*m_journal, everything, 4).size(), 4); // Wednesday's two, Thursday's, Friday's
    }

    void csvExportReadsBackAsTheJournalsRows()
    {
        const QString csv = m_dir.filePath(QStringLiteral("history.csv"));
        auto written = historyexport::write(*m_journal, {}, csv, HistoryFormat::Csv);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().toString()));
        const QList<HistoryRow> rows = readAll(*m_journal, {}, 7);
        QCOMPARE(written.value(), rows.size());
        const QList<QStringList> records = parseCsv(QString::fromUtf8(readFile(csv)));
        QCOMPARE(records.size(), rows.size() + 1);
        QCOMPARE(records.first().join(u','), historyexport::csvHeader());
        for (qsizetype i = 0; i < rows.size(); ++i)
            QCOMPARE(records.at(i + 1), expectedCells(rows.at(i)));
    }

    void jsonExportReadsBackAsTheJournalsRows()
    {
        HistoryFilter aapl;
        aapl.instrument = QStringLiteral("AAPL");
        const QString path = m_dir.filePath(QStringLiteral("history.json"));
        auto written = historyexport::write(*m_journal, aapl, path, HistoryFormat::Json);
        QVERIFY(written.ok());
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(readFile(path), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray proposals = document.object().value(u"proposals").toArray();
        const QList<HistoryRow> rows = readAll(*m_journal, aapl, 100);
        QCOMPARE(proposals.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QJsonObject object = proposals.at(i).toObject();
            QCOMPARE(object, historyexport::toJson(rows.at(i)));
            QCOMPARE(object.value(u"proposal").toString(), rows.at(i).proposalId);
            if (rows.at(i).fill)
                QCOMPARE(object.value(u"fill").toObject().value(u"price").toDouble(), rows.at(i).fill->price);
            else
                QVERIFY(object.value(u"fill").isNull());
        }
    }

    void aFormulaInJournalTextStaysText()
    {
        // A refusal's reason and an operator's name reach the CSV as they were journalled.
        TradeProposal refused = test::JournalFixture::proposalAt(test::JournalFixture::start().addDays(10));
        TradeProposal rejected = test::JournalFixture::proposalAt(test::JournalFixture::start().addDays(9));
        QVERIFY(m_journal->recordProposal(refused).ok());
        QVERIFY(m_journal->recordProposal(rejected).ok());
        const QString reason = QStringLiteral("=HYPERLINK(\"http://x\",\"click\"), then");
        QVERIFY(m_journal->markRefused(refused.id, reason, refused.createdAt.addSecs(5)).ok());
        QVERIFY(m_journal
                    ->recordDecision(rejected.id, Decision::Reject, QStringLiteral("no"), QStringLiteral("+alice"),
                                     rejected.createdAt.addSecs(5))
                    .ok());
        const QString csv = m_dir.filePath(QStringLiteral("formula.csv"));
        QVERIFY(historyexport::write(*m_journal, {}, csv, HistoryFormat::Csv).ok());
        const QString text = QString::fromUtf8(readFile(csv));
        QVERIFY2(text.contains(QStringLiteral(",\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\"), then\",")), qPrintable(text.left(600)));
        QVERIFY2(text.contains(QStringLiteral(",'+alice,")), qPrintable(text.left(600)));
        const QList<QStringList> records = parseCsv(text);
        QCOMPARE(records.at(1).at(1), refused.id); // the newest row
        QCOMPARE(records.at(1).at(10), u'\'' + reason);
        QCOMPARE(records.at(2).at(12), QStringLiteral("'+alice"));
    }

    void aFailedExportLeavesTheOldFileAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("kept.csv"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("earlier export\r\n");
        }
        // A folder where the file should be: nothing can be written there.
        const QString folder = m_dir.filePath(QStringLiteral("a-folder.csv"));
        QVERIFY(QDir().mkpath(folder));
        auto failed = historyexport::write(*m_journal, {}, folder, HistoryFormat::Csv);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().kind, QStringLiteral("export_failed"));
        QVERIFY(failed.error().message.contains(folder));
        QCOMPARE(readFile(path), QByteArray("earlier export\r\n"));
    }

    void aFillThatIsNotANumberIsNotShownAsZero()
    {
        m_journal.reset();
        QVERIFY(test::corrupt(m_path, {QStringLiteral("UPDATE executions SET fee = 'abc' WHERE order_id = 'order-3'")}).ok());
        auto journal = Journal::open(m_path);
        QVERIFY(journal.ok());
        m_journal = std::move(journal).value();
        auto page = m_journal->historyPage({}, std::nullopt, 1000);
        QVERIFY(!page.ok());
        QCOMPARE(page.error().kind, QStringLiteral("not_a_journal"));
        QVERIFY(page.error().message.contains(QStringLiteral("'abc'")));
    }

    void theDeskAnswersPagesWithCountAndStrategies()
    {
        const HistoryDesk desk(*m_journal, nullptr);
        HistoryQuery query;
        query.request = 7;
        query.limit = 5;
        const HistoryPageView first = desk.page(query);
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QCOMPARE(first.request, quint64(7));
        QCOMPARE(first.rows.size(), 5);
        QVERIFY(first.more);
        QVERIFY(first.matching.has_value());
        QCOMPARE(*first.matching, m_journal->historyCount({}).value());
        QCOMPARE(first.strategies, (QStringList{QStringLiteral("rsi_reversion"), QStringLiteral("sma_cross"),
                                                QStringLiteral("unrecorded")}));
        // Later pages carry neither (the panel has them), and the last one says so.
        query.after = first.rows.last().cursor();
        query.limit = 1000;
        const HistoryPageView rest = desk.page(query);
        QVERIFY(!rest.matching.has_value());
        QVERIFY(rest.strategies.isEmpty());
        QVERIFY(!rest.more);
        QCOMPARE(first.rows.size() + rest.rows.size(), *first.matching);
        // A page is never longer than the desk allows, whatever the question.
        query.after.reset();
        query.limit = 1'000'000;
        QVERIFY(desk.page(query).rows.size() <= HistoryDesk::maxPageRows);
    }

    void theDeskShowsAProposalAsTheApprovalPanelDid()
    {
        const HistoryDesk desk(*m_journal, nullptr);
        const HistoryDetailView detail = desk.detail(m_fixture.rejectedId);
        QVERIFY2(detail.error.isEmpty(), qPrintable(detail.error));
        QVERIFY(detail.proposal.has_value());
        QCOMPARE(detail.proposal->id, m_fixture.rejectedId);
        QCOMPARE(detail.proposal->state, ProposalState::Rejected);
        QVERIFY(!detail.proposal->riskReasons.isEmpty());
        QVERIFY(!detail.delivery.has_value()); // no outbox
        const HistoryDetailView unknown = desk.detail(QStringLiteral("no-such-proposal"));
        QVERIFY(!unknown.proposal.has_value());
        QVERIFY(unknown.error.contains(QStringLiteral("no-such-proposal")));
    }

    void theDeskRefusesAnUnknownFormat()
    {
        const HistoryDesk desk(*m_journal, nullptr);
        const HistoryExportResult result = desk.exportTo({{}, m_dir.filePath(QStringLiteral("x.xlsx")), QStringLiteral("xlsx")});
        QVERIFY(result.error.contains(QStringLiteral("csv or json")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.xlsx"))));
    }

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    QString m_path;
    test::JournalFixture m_fixture;
    std::unique_ptr<Journal> m_journal;
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"

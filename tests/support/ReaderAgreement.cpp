// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReaderAgreement.h"

#include <QDirIterator>

#include <array>

namespace sentinel::test {

namespace {

/// What an edit inserts: JSON's punctuation and literals, and what the fast readers must leave
/// to the DOM (escapes, control and non-ASCII bytes, a BOM, null, fractions and exponents).
const std::array<QByteArray, 34> kPieces{
    QByteArray("\""), QByteArray("\\"), QByteArray("\\u0031"), QByteArray("\\\""), QByteArray(","), QByteArray(":"),
    QByteArray("{"), QByteArray("}"), QByteArray("["), QByteArray("]"), QByteArray(" "), QByteArray("\t"),
    QByteArray("\n"), QByteArray("\r"), QByteArray("\f"), QByteArray("0"), QByteArray("."), QByteArray("-"),
    QByteArray("e"), QByteArray("E+2"), QByteArray("true"), QByteArray("false"), QByteArray("null"),
    QByteArray("\0", 1), QByteArray("\xc3\xa9"), QByteArray("\x7f"), QByteArray("\xef\xbb\xbf"), QByteArray("\xff"),
    QByteArray("\"mid\":"), QByteArray("\"bid\""), QByteArray("\"complete\":false,"), QByteArray("\"start\":\"60\","),
    QByteArray("1e3"), QByteArray("0.5")};

} // namespace

QStringList filesUnder(const QString& folder, const QString& pattern)
{
    QStringList files;
    QDirIterator it(dataPath(folder), {pattern}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

QByteArray BodyMutator::mutate(QByteArray body, int edits)
{
    for (int i = 0; i < edits; ++i)
        editOnce(body);
    return body;
}

void BodyMutator::editOnce(QByteArray& body)
{
    const qsizetype at = position(body.size());
    switch (m_random.bounded(8)) {
    case 0: // a piece replaces one byte
        body.replace(at, body.isEmpty() ? 0 : 1, kPieces[m_random.bounded(quint32(kPieces.size()))]);
        return;
    case 1: // a piece inserted
        body.insert(at, kPieces[m_random.bounded(quint32(kPieces.size()))]);
        return;
    case 2: // up to 8 bytes dropped
        body.remove(at, qsizetype(m_random.bounded(1, 9)));
        return;
    case 3: { // a span of up to 200 bytes repeated somewhere else (a member or a candle twice)
        const QByteArray span = body.mid(at, qsizetype(m_random.bounded(1, 201)));
        body.insert(position(body.size()), span);
        return;
    }
    default: { // a digit changed: valid JSON, other numbers, times and orders
        for (qsizetype tries = 0; tries < body.size(); ++tries) {
            const qsizetype digit = (at + tries) % body.size();
            if (body[digit] >= '0' && body[digit] <= '9') {
                body[digit] = char('0' + m_random.bounded(10));
                return;
            }
        }
        return;
    }
    }
}

} // namespace sentinel::test

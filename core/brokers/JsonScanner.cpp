// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/JsonScanner.h"

#include <cstring>

namespace sentinel::brokers {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

bool JsonScanner::fail()
{
    m_failed = true;
    return false;
}

void JsonScanner::skipSpace()
{
    // JSON's four whitespace characters, as QJsonDocument skips them; nothing else.
    while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
        ++m_at;
}

bool JsonScanner::enter(char open, Container kind)
{
    if (m_failed)
        return false;
    skipSpace();
    if (m_at == m_end || *m_at != open || m_depth == kMaxDepth)
        return fail();
    ++m_at;
    m_kinds[std::size_t(m_depth)] = kind;
    m_empty[std::size_t(m_depth)] = true;
    ++m_depth;
    return true;
}

bool JsonScanner::enterObject()
{
    return enter('{', Container::Object);
}

bool JsonScanner::enterArray()
{
    return enter('[', Container::Array);
}

bool JsonScanner::nextMember(char close, Container kind)
{
    if (m_failed)
        return false;
    if (m_depth == 0 || m_kinds[std::size_t(m_depth - 1)] != kind)
        return fail();
    skipSpace();
    if (m_at == m_end)
        return fail();
    bool& empty = m_empty[std::size_t(m_depth - 1)];
    if (*m_at == close) {
        ++m_at;
        --m_depth;
        return false;
    }
    if (!empty) {
        // A comma, then a member: "[1,]" is not JSON.
        if (*m_at != ',')
            return fail();
        ++m_at;
        skipSpace();
        if (m_at == m_end || *m_at == close)
            return fail();
    }
    empty = false;
    return true;
}

std::optional<QByteArrayView> JsonScanner::nextKey()
{
    if (!nextMember('}', Container::Object))
        return std::nullopt;
    const std::optional<QByteArrayView> key = plainString();
    skipSpace();
    if (!key || m_at == m_end || *m_at != ':') {
        fail();
        return std::nullopt;
    }
    ++m_at;
    return key;
}

bool JsonScanner::nextElement()
{
    return nextMember(']', Container::Array);
}

std::optional<QByteArrayView> JsonScanner::plainString()
{
    if (m_failed)
        return std::nullopt;
    skipSpace();
    if (m_at == m_end || *m_at != '"') {
        fail();
        return std::nullopt;
    }
    const char* const start = ++m_at;
    // Printable ASCII only: an escape, a control character or a UTF-8 sequence is the DOM's to read.
    while (m_at < m_end && *m_at != '"') {
        const char c = *m_at;
        if (c < 0x20 || c > 0x7e || c == '\\') {
            fail();
            return std::nullopt;
        }
        ++m_at;
    }
    if (m_at == m_end) {
        fail();
        return std::nullopt;
    }
    const QByteArrayView text(start, m_at - start);
    ++m_at;
    return text;
}

std::optional<bool> JsonScanner::boolean()
{
    if (m_failed)
        return std::nullopt;
    skipSpace();
    const auto literal = [this](const char* word, std::size_t size) {
        if (std::size_t(m_end - m_at) < size || std::memcmp(m_at, word, size) != 0)
            return false;
        m_at += size;
        return true;
    };
    if (literal("true", 4))
        return true;
    if (literal("false", 5))
        return false;
    fail();
    return std::nullopt;
}

std::optional<qint64> JsonScanner::wholeNumber()
{
    if (m_failed)
        return std::nullopt;
    skipSpace();
    constexpr int maxDigits = 16;
    const char* const start = m_at;
    qint64 value = 0;
    while (m_at < m_end && isDigit(*m_at) && m_at - start < maxDigits + 1) {
        value = value * 10 + (*m_at - '0');
        ++m_at;
    }
    const qsizetype digits = m_at - start;
    const bool leadingZero = digits > 1 && *start == '0';
    // A fraction, an exponent or a 17th digit: not a whole number this scanner reads.
    const bool more = m_at < m_end && (isDigit(*m_at) || *m_at == '.' || *m_at == 'e' || *m_at == 'E');
    if (digits == 0 || digits > maxDigits || leadingZero || more) {
        fail();
        return std::nullopt;
    }
    return value;
}

bool JsonScanner::atEnd()
{
    if (m_failed)
        return false;
    skipSpace();
    return m_depth == 0 && m_at == m_end;
}

ShortText::ShortText(QByteArrayView ascii)
{
    if (ascii.size() > kCapacity)
        return;
    for (qsizetype i = 0; i < ascii.size(); ++i)
        m_buffer[std::size_t(i)] = char16_t(static_cast<unsigned char>(ascii[i]));
    m_size = ascii.size();
}

} // namespace sentinel::brokers

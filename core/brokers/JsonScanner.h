// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QStringView>

#include <array>
#include <optional>

namespace sentinel::brokers {

/// A forward-only reader of the plainest JSON, for answers too large to build a QJsonDocument
/// for (5,000 candles: the DOM alone cost more than the target, ADR 0125). It reads only what
/// brokers send in the common case: objects, arrays, strings of printable ASCII without escapes,
/// `true`/`false` and whole numbers without sign, fraction or exponent, nested at most kMaxDepth
/// deep. Anything else (an escape, a control or non-ASCII byte, null, a fraction, a BOM, ...)
/// fails the scanner, and the caller hands the body to its QJsonDocument reader, which accepts or
/// names the problem. So whatever this reads, QJsonDocument reads the same way; never the reverse.
///
/// Allocation-free: strings are views into the body. Failure is sticky; check ok().
class JsonScanner
{
public:
    explicit JsonScanner(QByteArrayView text) : m_at(text.data()), m_end(text.data() + text.size()) {}

    [[nodiscard]] bool ok() const { return !m_failed; }

    /// `{` or `[` opens the value read next.
    [[nodiscard]] bool enterObject();
    [[nodiscard]] bool enterArray();
    /// The next key of the object being read (its value is read next), or nullopt once the
    /// object is closed, or on failure: `while (auto key = scanner.nextKey()) ...; if (!ok())`.
    [[nodiscard]] std::optional<QByteArrayView> nextKey();
    /// Whether another element of the array being read follows (read it next); false once the
    /// array is closed, or on failure.
    [[nodiscard]] bool nextElement();

    /// A string of printable ASCII without escapes, without its quotes.
    [[nodiscard]] std::optional<QByteArrayView> plainString();
    [[nodiscard]] std::optional<bool> boolean();
    /// 0, or up to 16 digits without a leading zero: every such value is below 2^63.
    [[nodiscard]] std::optional<qint64> wholeNumber();
    /// Every container closed and nothing but whitespace left.
    [[nodiscard]] bool atEnd();

    static constexpr int kMaxDepth = 8;

private:
    enum class Container : unsigned char { Object, Array };

    void skipSpace();
    bool fail();
    bool enter(char open, Container kind);
    /// Before the next member of the innermost container: true when one follows, false when the
    /// container closes here (or on failure).
    bool nextMember(char close, Container kind);

    const char* m_at;
    const char* m_end;
    bool m_failed = false;
    int m_depth = 0;
    std::array<Container, kMaxDepth> m_kinds{};
    std::array<bool, kMaxDepth> m_empty{}; ///< no member read yet in this container
};

/// A short plain string (JsonScanner::plainString) widened to UTF-16 on the stack, so readers that
/// take a QStringView (decimals, instants) read it without allocating. Holds nothing (fits() is
/// false) when the text is longer than kCapacity: no price or instant a broker sends is.
class ShortText
{
public:
    static constexpr qsizetype kCapacity = 48;

    explicit ShortText(QByteArrayView ascii);

    [[nodiscard]] bool fits() const { return m_size >= 0; }
    [[nodiscard]] QStringView view() const { return QStringView(m_buffer.data(), m_size < 0 ? 0 : m_size); }

private:
    std::array<char16_t, kCapacity> m_buffer{};
    qsizetype m_size = -1;
};

} // namespace sentinel::brokers

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <bit>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

/** One decoded value: missing/null, integer, floating point, boolean or text. */
using Cell = std::variant<std::monostate, qint64, double, bool, QString>;

/** What a batch value holds. An object or a list is kept as its compact JSON text (Json). */
enum class CellKind : quint8 { Null, Integer, Double, Bool, Text, Json };

/**
 * One value of an AggregationBatch column: its kind and 64 bits of payload. A text value only says
 * where its bytes lie; AggregationBatch::utf8() and string() read it. A plain value, on any thread.
 */
class BatchValue final
{
public:
    constexpr BatchValue() = default;
    static constexpr BatchValue ofInteger(qint64 value) { return {quint64(value), CellKind::Integer}; }
    static constexpr BatchValue ofDouble(double value) { return {std::bit_cast<quint64>(value), CellKind::Double}; }
    static constexpr BatchValue ofBool(bool value) { return {value ? 1u : 0u, CellKind::Bool}; }

    CellKind kind() const { return m_kind; }
    bool isNull() const { return m_kind == CellKind::Null; }
    bool isText() const { return m_kind == CellKind::Text || m_kind == CellKind::Json; }
    /** The payload as the kind says; reading another kind's accessor gives a meaningless number. */
    qint64 integer() const { return qint64(m_bits); }
    double number() const { return std::bit_cast<double>(m_bits); }
    bool boolean() const { return m_bits != 0; }

private:
    friend class AggregationBatch;

    // Text: the offset in the low 32 bits, the size in the next 31, and in the top bit whether the
    // bytes are the batch's own (unescaped or minified) rather than the body's.
    static constexpr quint64 ownBytes = quint64(1) << 63;
    static constexpr BatchValue ofText(quint32 offset, quint32 size, bool own, CellKind kind)
    {
        return {(own ? ownBytes : 0) | quint64(size) << 32 | offset, kind};
    }
    quint32 textOffset() const { return quint32(m_bits); }
    quint32 textSize() const { return quint32(m_bits >> 32) & 0x7fffffffu; }
    bool hasOwnBytes() const { return (m_bits & ownBytes) != 0; }

    constexpr BatchValue(quint64 bits, CellKind kind)
        : m_bits(bits)
        , m_kind(kind)
    {
    }

    quint64 m_bits = 0;
    CellKind m_kind = CellKind::Null;
};

/**
 * One aggregation answer stored column by column: per requested field a column of BatchValues. Text
 * stays where it is in the body, which the batch shares (QByteArray is implicitly shared), so a string
 * costs no copy; only text simdjson had to unescape or minify is kept in the batch's own buffer.
 * Decoding into the same batch again keeps its memory, so a steady run of pages allocates nothing per
 * row. The batch stays valid after its decoder moves on. Ids repeat across a page, so string() makes
 * one QString per distinct text and shares it. Not thread-safe (that cache fills on first use): it
 * lives on the thread that decodes into it.
 */
class AggregationBatch final
{
public:
    qint64 startTime() const { return m_startTime; }
    const QStringList &fields() const { return m_fields; }
    int fieldCount() const { return int(m_columns.size()); }
    std::size_t rowCount() const { return m_rows; }

    std::span<const BatchValue> column(int field) const { return {m_columns[std::size_t(field)].data(), m_rows}; }
    const BatchValue &value(std::size_t row, int field) const { return m_columns[std::size_t(field)][row]; }

    /** The UTF-8 bytes of a text value (JSON text for CellKind::Json); valid until the next decode into this batch. */
    std::string_view utf8(BatchValue value) const
    {
        const char *base = value.hasOwnBytes() ? m_ownBytes.data() : m_body.constData();
        return std::string_view(base + value.textOffset(), value.textSize());
    }
    /** A text value as a QString, made once per distinct text and shared after that. */
    QString string(BatchValue value) const;

    /** Like AggregationPage::integer and text: numbers, numeric text and booleans converted. */
    qint64 integer(std::size_t row, int field) const;
    QString text(std::size_t row, int field) const;
    Cell cell(std::size_t row, int field) const;

private:
    friend class AggregationDecoder;

    /** A distinct text that string() has met, and its QString. */
    struct CachedString
    {
        std::size_t hash;
        BatchValue text;
        QString string;
    };

    /** Empties the batch for a page with these fields, keeping its memory. */
    void reset(const QStringList &fields);
    /** Empties the batch and lets go of the body it shared. */
    void clear();
    /** Shares `body` when simdjson may read its padding in place, else copies it: the text to decode. */
    const QByteArray &adopt(const QByteArray &body, std::size_t padding);
    // The decoder notes which of a row's first 64 fields it wrote in a mask, and nulls only the others.
    static constexpr std::size_t maskedFields = 64;
    /** Starts a row. Its masked fields keep stale values until written or nulled by nullUnwritten(). */
    void appendRow()
    {
        if (m_rows == m_capacity)
            grow();
        for (std::size_t field = maskedFields; field < m_columns.size(); ++field)
            m_columns[field][m_rows] = BatchValue();
        ++m_rows;
    }
    /** Nulls the fields of the newest row whose bit (1 << field) is not set in `written`. */
    void nullUnwritten(quint64 written);
    void grow();
    BatchValue *slot(int field) { return m_columns[std::size_t(field)].data() + (m_rows - 1); }
    /** A text value for bytes that lie inside the adopted body. */
    BatchValue bodyText(const char *bytes, std::size_t size, CellKind kind) const
    {
        return BatchValue::ofText(quint32(bytes - m_body.constData()), quint32(size), false, kind);
    }
    /** A text value for bytes kept in the batch's own buffer. */
    BatchValue ownText(std::string_view bytes, CellKind kind);
    void growCache() const;

    qint64 m_startTime = 0;
    QStringList m_fields;
    std::size_t m_rows = 0;
    std::size_t m_capacity = 0; // rows every column has room for; only the first m_rows are set
    std::vector<std::vector<BatchValue>> m_columns;
    QByteArray m_body; // the text being read: the caller's body, or m_copy
    QByteArray m_copy; // a body copied for simdjson's padding
    std::string m_ownBytes;
    mutable std::vector<CachedString> m_cache;
    mutable std::vector<quint32> m_cacheSlots; // open addressing over m_cache: index + 1, 0 when free
};

/**
 * The rows of one aggregation answer, each row holding the requested fields in order as Cells: for
 * callers that keep whole rows (the keyset cursor, catalog reads). A plain value, on any thread.
 */
struct AggregationPage
{
    qint64 startTime = 0;
    QStringList fields;
    std::vector<std::vector<Cell>> rows;

    qint64 integer(std::size_t row, int field) const;
    QString text(std::size_t row, int field) const;
};

#include "AggregationDecoder.h"

#include <QCoreApplication>

#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <limits>

namespace ondemand = simdjson::ondemand;
using simdjson::error_code;

namespace {

/**
 * A key to look for, as the raw bytes of a JSON string: the name and its closing quote, compared 16
 * bytes at a time. simdjson pads its input, so reading 16 bytes from the start of any key is safe.
 */
struct KeyPattern
{
    quint64 word[2] = {0, 0};
    quint64 mask[2] = {0, 0};
    bool fits = false; // the name and its quote fit in 16 bytes; otherwise the pattern never matches

    KeyPattern() = default;
    explicit KeyPattern(std::string_view name)
    {
        if (name.size() >= sizeof(word))
            return;
        unsigned char bytes[sizeof(word)] = {};
        unsigned char ones[sizeof(word)] = {};
        std::memcpy(bytes, name.data(), name.size());
        bytes[name.size()] = '"';
        std::memset(ones, 0xff, name.size() + 1);
        std::memcpy(word, bytes, sizeof(word));
        std::memcpy(mask, ones, sizeof(mask));
        fits = true;
    }

    bool matches(const char *raw) const
    {
        quint64 text[2];
        std::memcpy(text, raw, sizeof(text));
        return fits && (((text[0] ^ word[0]) & mask[0]) | ((text[1] ^ word[1]) & mask[1])) == 0;
    }
};

/**
 * The requested field paths as a tree of segments, so that one forward pass over a row finds every
 * field: "metadata.auto.id" and "metadata" share the "metadata" node. Owned by one decoder, on its
 * thread; the recalls change as pages are read.
 */
struct PathNode
{
    /** What the key at one position of the last object read here was, and which child it matched. */
    struct Recall
    {
        KeyPattern key;
        PathNode *child = nullptr;
    };

    std::string name;
    KeyPattern key;
    std::vector<int> fields; // requested fields that end at this node
    quint64 fieldBits = 0; // their bits in a row's mask of written fields
    int column = -1; // the one field of a leaf requested once (the usual case), else -1
    std::vector<PathNode> children;
    bool plainChildren = true; // every child name can be compared with a key's raw bytes
    // The rows of a page repeat their keys in one order, so a single comparison usually settles a key.
    std::vector<Recall> recalls;

    bool matches(ondemand::raw_json_string raw) const
    {
        return key.fits ? key.matches(raw.raw()) : raw.unsafe_is_equal(name);
    }
};

/** The node for `path` in the tree below `root`, made if need be. */
PathNode &addPath(PathNode &root, const QString &path)
{
    PathNode *node = &root;
    for (const QString &segment : path.split(u'.')) {
        const std::string name = segment.toStdString();
        auto child = std::find_if(node->children.begin(), node->children.end(),
                                  [&](const PathNode &candidate) { return candidate.name == name; });
        if (child == node->children.end()) {
            node->children.emplace_back();
            child = std::prev(node->children.end());
            child->name = name;
            child->key = KeyPattern(name);
        }
        node = &*child;
    }
    return *node;
}

// A name with a quote, a backslash or a control character appears escaped in JSON, so its raw bytes
// never equal the name.
bool isPlain(std::string_view name)
{
    return std::none_of(name.begin(), name.end(),
                        [](char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; });
}

/** Settles what the walk asks of each node once every path is in the tree. */
void finish(PathNode &node)
{
    node.plainChildren = std::all_of(node.children.begin(), node.children.end(),
                                     [](const PathNode &child) { return isPlain(child.name); });
    node.column = node.children.empty() && node.fields.size() == 1 ? node.fields.front() : -1;
    for (PathNode &child : node.children)
        finish(child);
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// The first quote or backslash from `c` on. `c` must lie inside a JSON string, which ends in a quote
// within simdjson's padded input, so the 16-byte blocks read here stay inside that input.
const char *findQuoteOrBackslash(const char *c)
{
#if defined(__SSE2__)
    const __m128i quotes = _mm_set1_epi8('"');
    const __m128i backslashes = _mm_set1_epi8('\\');
    for (;; c += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i *>(c));
        const int hits
            = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, quotes), _mm_cmpeq_epi8(block, backslashes)));
        if (hits)
            return c + std::countr_zero(unsigned(hits));
    }
#else
    while (*c != '"' && *c != '\\')
        ++c;
    return c;
#endif
}

// A JSON integer of at most 18 digits, -?(0|[1-9][0-9]*), always fits in an int64. Anything else (a
// fraction, an exponent, more digits, or no number at all) is left to simdjson.
bool readSmallInteger(std::string_view token, qint64 *value)
{
    const char *c = token.data();
    const char *end = c + token.size();
    while (end > c && isWhitespace(end[-1]))
        --end; // a token runs on over the whitespace up to the next one
    const bool negative = c < end && *c == '-';
    if (negative)
        ++c;
    const auto digits = std::size_t(end - c);
    if (digits == 0 || digits > 18 || (*c == '0' && digits > 1))
        return false;
    quint64 magnitude = 0;
    for (; c < end; ++c) {
        const unsigned digit = unsigned(static_cast<unsigned char>(*c)) - unsigned('0');
        if (digit > 9)
            return false;
        magnitude = magnitude * 10 + digit;
    }
    *value = negative ? -qint64(magnitude) : qint64(magnitude);
    return true;
}

/** Why a body is not an answer, and where (a byte offset, or -1 when simdjson cannot tell). */
struct Failure
{
    enum class What { Syntax, NotObject, NoResults, ResultsNotList, RowNotObject, Trailing };
    What what = What::Syntax;
    error_code code = simdjson::SUCCESS;
    qint64 offset = -1;
    std::size_t row = 0;
};

QString describe(const Failure &failure)
{
    switch (failure.what) {
    case Failure::What::NotObject:
        return QCoreApplication::translate("AggregationDecoder", "the answer is not a JSON object");
    case Failure::What::NoResults:
        return QCoreApplication::translate("AggregationDecoder", "the answer has no \"results\" array");
    case Failure::What::ResultsNotList:
        return QCoreApplication::translate("AggregationDecoder", "the answer's \"results\" at byte %1 is not an array")
            .arg(failure.offset);
    case Failure::What::RowNotObject:
        return QCoreApplication::translate("AggregationDecoder", "result row %1 (at byte %2) is not an object")
            .arg(failure.row + 1)
            .arg(failure.offset);
    case Failure::What::Trailing:
        return QCoreApplication::translate("AggregationDecoder", "unexpected content after the answer, at byte %1")
            .arg(failure.offset);
    case Failure::What::Syntax:
        break;
    }
    const QString reason = QString::fromUtf8(simdjson::error_message(failure.code));
    if (failure.offset < 0)
        return QCoreApplication::translate("AggregationDecoder", "the answer is not valid JSON: %1").arg(reason);
    return QCoreApplication::translate("AggregationDecoder", "the answer is not valid JSON at byte %1: %2")
        .arg(failure.offset)
        .arg(reason);
}

} // namespace

struct AggregationDecoder::Impl
{
    QStringList names;
    PathNode root;
    quint64 allWritten = 0; // a row's mask once every masked field is written
    ondemand::parser parser;
    // One parser per level of a value that is wanted whole and for fields inside it (see readNested).
    std::vector<std::unique_ptr<ondemand::parser>> nestedParsers;
    std::size_t nesting = 0;
    std::string minified;
    AggregationBatch pageBatch; // behind decode(…, AggregationPage *, …)

    // The decode under way.
    AggregationBatch *batch = nullptr;
    const char *begin = nullptr;
    const char *end = nullptr;
    const char *readableEnd = nullptr; // the end of the bytes simdjson may read, padding included
    const char *errorAt = nullptr; // where a nested document failed, if one did
    quint64 written = 0; // the masked fields the current row has written

    Failure readAnswer(ondemand::document &doc);
    Failure readResults(ondemand::value &results, ondemand::document &doc);
    Failure fail(Failure::What what, error_code code, ondemand::document &doc, std::size_t row = 0);

    error_code readObject(ondemand::object &object, PathNode &node);
    error_code matchKey(PathNode &node, ondemand::field &field, PathNode **child);
    void remember(PathNode &node, std::size_t position, const char *key, PathNode *child);
    error_code readField(ondemand::value &value, PathNode &node);
    error_code readLeaf(ondemand::value &value, const PathNode &node);
    error_code readScalar(ondemand::value &value, BatchValue *cell);
    error_code readOther(ondemand::value &value, std::string_view token, BatchValue *cell);
    error_code readString(ondemand::value &value, std::string_view token, BatchValue *cell);
    error_code readNumber(ondemand::value &value, BatchValue *cell);
    error_code storeJson(std::string_view raw, BatchValue *cell);
    error_code readNested(std::string_view raw, PathNode &node);
};

Failure AggregationDecoder::Impl::fail(Failure::What what, error_code code, ondemand::document &doc, std::size_t row)
{
    const char *location = errorAt;
    if (!location && doc.current_location().get(location) != simdjson::SUCCESS)
        location = end; // the document stopped in the middle of a value
    return Failure {what, code, qint64(location - begin), row};
}

Failure AggregationDecoder::Impl::readAnswer(ondemand::document &doc)
{
    ondemand::object answer;
    if (const error_code code = doc.get_object().get(answer))
        return fail(code == simdjson::INCORRECT_TYPE ? Failure::What::NotObject : Failure::What::Syntax, code, doc);
    bool sawResults = false;
    for (auto field : answer) {
        std::string_view key;
        if (const error_code code = field.unescaped_key().get(key))
            return fail(Failure::What::Syntax, code, doc);
        ondemand::value &value = field.value_unsafe().value();
        if (key == "results") {
            sawResults = true;
            const Failure failure = readResults(value, doc);
            if (failure.code != simdjson::SUCCESS)
                return failure;
        } else if (key == "startTime") {
            int64_t start = 0;
            if (value.get_int64().get(start) == simdjson::SUCCESS)
                batch->m_startTime = start;
        }
    }
    const char *after = nullptr;
    if (doc.current_location().get(after) == simdjson::SUCCESS)
        return Failure {Failure::What::Trailing, simdjson::TAPE_ERROR, qint64(after - begin), 0};
    if (!sawResults)
        return Failure {Failure::What::NoResults, simdjson::NO_SUCH_FIELD, -1, 0};
    return {};
}

Failure AggregationDecoder::Impl::readResults(ondemand::value &results, ondemand::document &doc)
{
    ondemand::array rows;
    if (const error_code code = results.get_array().get(rows))
        return fail(code == simdjson::INCORRECT_TYPE ? Failure::What::ResultsNotList : Failure::What::Syntax, code,
                    doc);
    for (auto element : rows) {
        ondemand::object row;
        if (const error_code code = element.get_object().get(row)) {
            return fail(code == simdjson::INCORRECT_TYPE ? Failure::What::RowNotObject : Failure::What::Syntax, code,
                        doc, batch->rowCount());
        }
        batch->appendRow();
        written = 0;
        if (const error_code code = readObject(row, root))
            return fail(Failure::What::Syntax, code, doc);
        if (written != allWritten)
            batch->nullUnwritten(written);
    }
    return {};
}

error_code AggregationDecoder::Impl::readObject(ondemand::object &object, PathNode &node)
{
    quint64 rowWritten = 0; // kept in a register here, merged into `written` once
    std::size_t position = 0;
    for (auto result : object) {
        if (const error_code code = result.error())
            return code;
        // By reference: copying simdjson's small structs through memory costs more than the reading.
        ondemand::field &field = result.value_unsafe();
        const char *key = field.key().raw();
        PathNode *child = nullptr;
        if (position < node.recalls.size() && node.recalls[position].key.matches(key)) {
            child = node.recalls[position].child;
        } else {
            if (const error_code code = matchKey(node, field, &child))
                return code;
            remember(node, position, key, child);
        }
        ++position;
        if (!child)
            continue; // not requested: the next step of the iteration skips it
        if (child->column >= 0) {
            // Straight into the column: a copy through a local would stall on store forwarding.
            if (const error_code code = readScalar(field.value(), batch->slot(child->column)))
                return code;
            rowWritten |= child->fieldBits;
        } else if (const error_code code = readField(field.value(), *child)) {
            return code;
        }
    }
    written |= rowWritten;
    return simdjson::SUCCESS;
}

error_code AggregationDecoder::Impl::matchKey(PathNode &node, ondemand::field &field, PathNode **child)
{
    *child = nullptr;
    const ondemand::raw_json_string key = field.key();
    if (node.plainChildren) {
        for (PathNode &candidate : node.children) {
            if (candidate.matches(key)) {
                *child = &candidate;
                return simdjson::SUCCESS;
            }
        }
        if (*findQuoteOrBackslash(key.raw()) == '"')
            return simdjson::SUCCESS; // no escape, so no other spelling of a name either
    }
    // Only a key with an escape, or a name that needs one, is compared unescaped.
    std::string_view unescaped;
    if (const error_code code = field.unescaped_key().get(unescaped))
        return code;
    for (PathNode &candidate : node.children) {
        if (candidate.name == unescaped) {
            *child = &candidate;
            break;
        }
    }
    return simdjson::SUCCESS;
}

void AggregationDecoder::Impl::remember(PathNode &node, std::size_t position, const char *key, PathNode *child)
{
    const char *close = findQuoteOrBackslash(key);
    if (node.recalls.size() <= position)
        node.recalls.resize(position + 1);
    // A key with an escape gets a pattern that never matches, so it is always matched in full.
    node.recalls[position]
        = {*close == '"' ? KeyPattern(std::string_view(key, std::size_t(close - key))) : KeyPattern(), child};
}

inline error_code AggregationDecoder::Impl::readField(ondemand::value &value, PathNode &node)
{
    if (node.children.empty())
        return readLeaf(value, node);
    ondemand::json_type type;
    if (const error_code code = value.type().get(type))
        return code;
    if (type != ondemand::json_type::object)
        return node.fields.empty() ? simdjson::SUCCESS : readLeaf(value, node); // nothing to reach into
    if (node.fields.empty()) {
        ondemand::object object;
        if (const error_code code = value.get_object().get(object))
            return code;
        return readObject(object, node);
    }
    // Wanted whole and for fields inside (e.g. "metadata" and "metadata.auto.id"): on-demand reads a
    // value once, so keep its text and read the inner fields from that text.
    ondemand::object object;
    std::string_view raw;
    if (const error_code code = value.get_object().get(object))
        return code;
    if (const error_code code = object.raw_json().get(raw))
        return code;
    BatchValue *first = batch->slot(node.fields.front());
    if (const error_code code = storeJson(raw, first))
        return code;
    for (std::size_t i = 1; i < node.fields.size(); ++i)
        *batch->slot(node.fields[i]) = *first;
    written |= node.fieldBits;
    return readNested(raw, node);
}

inline error_code AggregationDecoder::Impl::readLeaf(ondemand::value &value, const PathNode &node)
{
    BatchValue *first = batch->slot(node.fields.front());
    if (const error_code code = readScalar(value, first))
        return code;
    for (std::size_t i = 1; i < node.fields.size(); ++i)
        *batch->slot(node.fields[i]) = *first;
    written |= node.fieldBits;
    return simdjson::SUCCESS;
}

inline error_code AggregationDecoder::Impl::readScalar(ondemand::value &value, BatchValue *cell)
{
    // Nearly every value is a string or an integer: two plain tests for those beat a jump table.
    const std::string_view token = value.raw_json_token();
    if (token.front() == '"')
        return readString(value, token, cell);
    qint64 integer = 0;
    if (!readSmallInteger(token, &integer))
        return readOther(value, token, cell);
    *cell = BatchValue::ofInteger(integer);
    return simdjson::SUCCESS;
}

error_code AggregationDecoder::Impl::readOther(ondemand::value &value, std::string_view token, BatchValue *cell)
{
    // The token's first byte tells the type, as in simdjson's own type().
    switch (token.front()) {
    case 't':
    case 'f': {
        bool flag = false;
        if (const error_code code = value.get_bool().get(flag))
            return code;
        *cell = BatchValue::ofBool(flag);
        return simdjson::SUCCESS;
    }
    case 'n': {
        bool isNull = false;
        if (const error_code code = value.is_null().get(isNull))
            return code;
        *cell = BatchValue();
        return isNull ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    case '{': {
        ondemand::object object;
        std::string_view raw;
        if (const error_code code = value.get_object().get(object))
            return code;
        if (const error_code code = object.raw_json().get(raw))
            return code;
        return storeJson(raw, cell);
    }
    case '[': {
        ondemand::array array;
        std::string_view raw;
        if (const error_code code = value.get_array().get(array))
            return code;
        if (const error_code code = array.raw_json().get(raw))
            return code;
        return storeJson(raw, cell);
    }
    default:
        return readNumber(value, cell);
    }
}

inline error_code AggregationDecoder::Impl::readString(ondemand::value &value, std::string_view token, BatchValue *cell)
{
    // Most strings hold no escape: then their bytes in the input are the text (stage 1 checked the UTF-8
    // and that no control character is left unescaped), and simdjson need not unescape them first.
    const char *text = token.data() + 1;
    const char *close = findQuoteOrBackslash(text);
    if (*close == '"') {
        *cell = batch->bodyText(text, std::size_t(close - text), CellKind::Text);
        return simdjson::SUCCESS;
    }
    std::string_view unescaped;
    if (const error_code code = value.get_string().get(unescaped))
        return code;
    *cell = batch->ownText(unescaped, CellKind::Text);
    return simdjson::SUCCESS;
}

error_code AggregationDecoder::Impl::readNumber(ondemand::value &value, BatchValue *cell)
{
    ondemand::number number;
    if (value.get_number().get(number) == simdjson::SUCCESS) {
        switch (number.get_number_type()) {
        case ondemand::number_type::signed_integer:
            *cell = BatchValue::ofInteger(number.get_int64());
            return simdjson::SUCCESS;
        case ondemand::number_type::unsigned_integer: {
            const uint64_t u = number.get_uint64();
            *cell = u <= uint64_t(std::numeric_limits<qint64>::max()) ? BatchValue::ofInteger(qint64(u))
                                                                      : BatchValue::ofDouble(double(u));
            return simdjson::SUCCESS;
        }
        case ondemand::number_type::floating_point_number:
            *cell = BatchValue::ofDouble(number.get_double());
            return simdjson::SUCCESS;
        }
    }
    // An integer beyond 64 bits is refused as a number but still reads as a (rounded) double.
    double approximate = 0;
    if (const error_code code = value.get_double().get(approximate))
        return code;
    *cell = BatchValue::ofDouble(approximate);
    return simdjson::SUCCESS;
}

error_code AggregationDecoder::Impl::storeJson(std::string_view raw, BatchValue *cell)
{
    // The raw text runs up to the next token, so it may end in (or contain) whitespace.
    if (std::none_of(raw.begin(), raw.end(), isWhitespace)) {
        *cell = batch->bodyText(raw.data(), raw.size(), CellKind::Json);
        return simdjson::SUCCESS;
    }
    minified.resize(raw.size());
    std::size_t size = 0;
    if (const error_code code = simdjson::minify(raw.data(), raw.size(), minified.data(), size))
        return code;
    *cell = batch->ownText(std::string_view(minified.data(), size), CellKind::Json);
    return simdjson::SUCCESS;
}

error_code AggregationDecoder::Impl::readNested(std::string_view raw, PathNode &node)
{
    if (nestedParsers.size() <= nesting)
        nestedParsers.push_back(std::make_unique<ondemand::parser>());
    ondemand::parser &nested = *nestedParsers[nesting];
    // The text lies inside the padded body, so the body's padding serves it as well.
    const simdjson::padded_string_view view(raw.data(), raw.size(), std::size_t(readableEnd - raw.data()));
    ondemand::document doc;
    if (const error_code code = nested.iterate(view).get(doc)) {
        errorAt = errorAt ? errorAt : raw.data();
        return code;
    }
    ondemand::object object;
    ++nesting;
    error_code code = doc.get_object().get(object);
    if (!code)
        code = readObject(object, node);
    --nesting;
    const char *location = nullptr;
    if (code && !errorAt && doc.current_location().get(location) == simdjson::SUCCESS)
        errorAt = location;
    return code;
}

AggregationDecoder::AggregationDecoder(QStringList fields)
    : d(std::make_unique<Impl>())
{
    d->names = std::move(fields);
    for (qsizetype i = 0; i < d->names.size(); ++i) {
        PathNode &node = addPath(d->root, d->names.at(i));
        node.fields.push_back(int(i));
        if (std::size_t(i) < AggregationBatch::maskedFields)
            node.fieldBits |= quint64(1) << i;
    }
    finish(d->root);
    d->allWritten = std::size_t(d->names.size()) >= AggregationBatch::maskedFields
        ? ~quint64(0)
        : (quint64(1) << d->names.size()) - 1;
}

AggregationDecoder::~AggregationDecoder() = default;

bool AggregationDecoder::decode(const QByteArray &body, AggregationBatch *batch, QString *error)
{
    batch->reset(d->names);
    d->batch = batch;
    d->errorAt = nullptr;
    d->nesting = 0;
    QByteArray text = batch->adopt(body, simdjson::SIMDJSON_PADDING);
    const auto size = std::size_t(text.size());
    const simdjson::padded_string_view json(text.constData(), size,
                                            size + std::size_t(text.data_ptr().freeSpaceAtEnd()));
    d->begin = json.data();
    d->end = json.data() + json.length();
    d->readableEnd = json.data() + json.capacity();

    Failure failure;
    ondemand::document doc;
    if (const error_code code = d->parser.iterate(json).get(doc))
        failure = Failure {Failure::What::Syntax, code, -1, 0};
    else
        failure = d->readAnswer(doc);
    d->batch = nullptr;
    if (failure.code == simdjson::SUCCESS)
        return true;
    batch->clear();
    *error = describe(failure);
    return false;
}

bool AggregationDecoder::decode(const QByteArray &body, AggregationPage *page, QString *error)
{
    page->fields = d->names;
    page->startTime = 0;
    page->rows.clear();
    AggregationBatch &batch = d->pageBatch;
    if (!decode(body, &batch, error))
        return false;
    page->startTime = batch.startTime();
    const int fields = batch.fieldCount();
    page->rows.resize(batch.rowCount());
    for (std::size_t row = 0; row < page->rows.size(); ++row) {
        std::vector<Cell> &cells = page->rows[row];
        cells.reserve(std::size_t(fields));
        for (int field = 0; field < fields; ++field)
            cells.push_back(batch.cell(row, field));
    }
    batch.clear(); // the cells share its strings; the body need not stay alive for them
    return true;
}

QString AggregationDecoder::structuralKernel()
{
    return QString::fromStdString(simdjson::get_active_implementation()->name());
}

QString AggregationDecoder::valueKernel()
{
    return QString::fromLatin1(SIMDJSON_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION));
}

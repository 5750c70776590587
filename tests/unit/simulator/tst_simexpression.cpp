#include "EngineError.h"
#include "Expression.h"
#include "MemoryDataProvider.h"

#include <QTest>

using pendosim::EngineError;
using pendosim::EvalContext;
using pendosim::Expression;
using pendosim::Value;
using pendosim::test::json;
using pendosim::test::MemoryDataProvider;

namespace {

// 2026-03-09 15:30 EDT; the zone's DST began on 2026-03-08 at 02:00.
constexpr qint64 kNow = MemoryDataProvider::kNow;
constexpr qint64 kMar07 = 1772859600000; // 05:00Z
constexpr qint64 kMar08 = 1772946000000; // 05:00Z
constexpr qint64 kMar09 = 1773028800000; // 04:00Z
constexpr qint64 kMar01 = 1772341200000;
constexpr qint64 kFeb28 = 1772254800000;
constexpr qint64 kJan31 = 1769835600000;

const char *kRow = R"({"visitorId":"v1","accountId":"Acme","appId":-323232,"day":1772946000000,
    "numEvents":7,"numMinutes":0,"ratio":0.5,"name":"Hello World","empty":"","list":[1,2,3],"none":[],
    "polls":[{"id":"p1","response":9},{"id":"p2"}],"flag":true,"nothing":null,
    "metadata":{"auto":{"lastupdated":1600000000000,"id":"v1"},"agent":{"tier":"gold"}}})";

} // namespace

/** The expression language: parsing, precedence, functions, missing fields and error messages. */
class TestSimExpression : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void evaluate_data();
    void evaluate();
    void errors_data();
    void errors();
    void deepButAllowed();
    void exactErrorMessage();
    void constantFolding();
    void plainField();
    void testUsesTruthiness();

private:
    EvalContext m_context;
    Value m_row;
};

void TestSimExpression::initTestCase()
{
    m_context.nowMs = kNow;
    m_context.timeZone = QTimeZone(QByteArray("America/New_York"));
    QVERIFY(m_context.timeZone.isValid());
    m_row = json(kRow);
}

void TestSimExpression::evaluate_data()
{
    QTest::addColumn<QByteArray>("expression");
    QTest::addColumn<QByteArray>("expected");

    // Precedence and associativity follow C.
    QTest::newRow("mul before add") << QByteArray("1 + 2 * 3") << QByteArray("7");
    QTest::newRow("parentheses") << QByteArray("(1 + 2) * 3") << QByteArray("9");
    QTest::newRow("left assoc minus") << QByteArray("10 - 4 - 3") << QByteArray("3");
    QTest::newRow("left assoc mul mod") << QByteArray("2 * 7 % 4") << QByteArray("2");
    QTest::newRow("unary minus binds tight") << QByteArray("-2 * 3") << QByteArray("-6");
    QTest::newRow("double negation") << QByteArray("- -4") << QByteArray("4");
    QTest::newRow("not binds tighter than or") << QByteArray("!true || true") << QByteArray("true");
    QTest::newRow("and before or") << QByteArray("true || false && false") << QByteArray("true");
    QTest::newRow("and before or 2") << QByteArray("false && false || true") << QByteArray("true");
    QTest::newRow("relational before equality") << QByteArray("1 < 2 == 2 < 3") << QByteArray("true");
    QTest::newRow("arith before relational") << QByteArray("1 + 2 < 4 && 3 > 2") << QByteArray("true");
    QTest::newRow("not of comparison") << QByteArray("!(numEvents > 5)") << QByteArray("false");

    // Integers stay integers; ms timestamps keep every digit.
    QTest::newRow("ms arithmetic") << QByteArray("now() - 30 * 1000 * 60 * 60 * 24")
                                   << QByteArray::number(kNow - 30LL * 86400000);
    QTest::newRow("big int plus one") << QByteArray("1600000000000001 + 1") << QByteArray("1600000000000002");
    QTest::newRow("exact division stays int") << QByteArray("8 / 2") << QByteArray("4");
    QTest::newRow("inexact division") << QByteArray("7 / 2") << QByteArray("3.5");
    QTest::newRow("modulo") << QByteArray("17 % 5") << QByteArray("2");
    QTest::newRow("division by zero") << QByteArray("1 / 0") << QByteArray("null");
    QTest::newRow("overflow widens") << QByteArray("9223372036854775807 + 1") << QByteArray("9223372036854775808");
    QTest::newRow("double literal") << QByteArray("1.25 * 2") << QByteArray("2.5");
    QTest::newRow("exponent literal") << QByteArray("1e3") << QByteArray("1000");
    QTest::newRow("field arithmetic") << QByteArray("numEvents * 2 + day") << QByteArray::number(kMar08 + 14);
    QTest::newRow("null arithmetic") << QByteArray("missing + 1") << QByteArray("null");

    // Strings: double quotes with escapes, raw backticks, concatenation, bytewise comparison.
    QTest::newRow("escaped quote") << QByteArray(R"("a\"b")") << QByteArray(R"("a\"b")");
    QTest::newRow("escaped backslash") << QByteArray(R"("a\\b")") << QByteArray(R"("a\\b")");
    QTest::newRow("newline tab") << QByteArray(R"("x\ny\tz")") << QByteArray(R"("x\ny\tz")");
    QTest::newRow("unicode escape") << QByteArray(R"("caf\u00e9")") << QByteArray("\"caf\xc3\xa9\"");
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00")") << QByteArray("\"\xf0\x9f\x98\x80\"");
    QTest::newRow("backtick raw") << QByteArray(R"(`a"b\n`)") << QByteArray(R"("a\"b\\n")");
    QTest::newRow("backtick compare") << QByteArray("visitorId == `v1`") << QByteArray("true");
    QTest::newRow("concat") << QByteArray(R"("id-" + visitorId)") << QByteArray(R"("id-v1")");
    QTest::newRow("concat number") << QByteArray(R"("n=" + numEvents)") << QByteArray(R"("n=7")");
    QTest::newRow("string greater") << QByteArray(R"(visitorId > "last-visitor-id")") << QByteArray("true");
    QTest::newRow("bytewise upper before lower") << QByteArray(R"("Z" < "a")") << QByteArray("true");
    QTest::newRow("bytewise utf8 after ascii") << QByteArray("\"\xc3\xa9\" > \"z\"") << QByteArray("true");
    QTest::newRow("string vs number ordering") << QByteArray("name > 5") << QByteArray("false");

    // Field references: dot paths, indexing, missing steps.
    QTest::newRow("dot path") << QByteArray("metadata.auto.lastupdated") << QByteArray("1600000000000");
    QTest::newRow("dot path compare") << QByteArray("metadata.auto.lastupdated >= 1600000000000")
                                      << QByteArray("true");
    QTest::newRow("missing intermediate") << QByteArray("metadata.custom.tier") << QByteArray("null");
    QTest::newRow("path through scalar") << QByteArray("visitorId.length") << QByteArray("null");
    QTest::newRow("index then member") << QByteArray("polls[0].id") << QByteArray(R"("p1")");
    QTest::newRow("second element") << QByteArray("polls[1].id") << QByteArray(R"("p2")");
    QTest::newRow("member missing in element") << QByteArray("polls[1].response") << QByteArray("null");
    QTest::newRow("index") << QByteArray("list[2]") << QByteArray("3");
    QTest::newRow("index out of range") << QByteArray("list[3]") << QByteArray("null");
    QTest::newRow("negative index") << QByteArray("list[-1]") << QByteArray("null");
    QTest::newRow("computed index") << QByteArray("list[1 + 1]") << QByteArray("3");
    QTest::newRow("string subscript") << QByteArray(R"(metadata["agent"].tier)") << QByteArray(R"("gold")");
    QTest::newRow("whole object") << QByteArray("metadata.agent") << QByteArray(R"({"tier":"gold"})");

    // Missing fields never raise: ordering is false, equality against null holds.
    QTest::newRow("missing greater") << QByteArray("missing > 5") << QByteArray("false");
    QTest::newRow("missing less") << QByteArray("missing < 5") << QByteArray("false");
    QTest::newRow("missing ge") << QByteArray("missing >= 0") << QByteArray("false");
    QTest::newRow("missing eq null") << QByteArray("missing == null") << QByteArray("true");
    QTest::newRow("missing ne number") << QByteArray("missing != 5") << QByteArray("true");
    QTest::newRow("explicit null field") << QByteArray("nothing == null") << QByteArray("true");
    QTest::newRow("hour on day rows") << QByteArray("hour < 1724889600000") << QByteArray("false");
    QTest::newRow("int equals double") << QByteArray("ratio * 2 == 1") << QByteArray("true");

    // Functions.
    QTest::newRow("now") << QByteArray("now()") << QByteArray::number(kNow);
    QTest::newRow("date") << QByteArray("date(2026, 3, 8)") << QByteArray::number(kMar08);
    QTest::newRow("date with time in DST") << QByteArray("date(2026, 3, 9, 15, 30, 0)") << QByteArray::number(kNow);
    QTest::newRow("invalid date") << QByteArray("date(2026, 2, 30)") << QByteArray("null");
    QTest::newRow("dateAdd over 23h day") << QByteArray(R"(dateAdd(date(2026, 3, 8), 1, "days"))")
                                         << QByteArray::number(kMar09);
    QTest::newRow("dateAdd negative") << QByteArray(R"(dateAdd(now(), -2, "days"))")
                                      << QByteArray::number(kNow - 2 * 86400000LL + 3600000LL);
    QTest::newRow("dateAdd hours") << QByteArray(R"(dateAdd(date(2026, 3, 8), 3, "hours"))")
                                   << QByteArray::number(kMar08 + 3 * 3600000LL);
    QTest::newRow("dateAdd weeks") << QByteArray(R"(dateAdd(date(2026, 3, 1), 1, "weeks"))")
                                   << QByteArray::number(kMar08);
    QTest::newRow("dateAdd months clamps") << QByteArray(R"(dateAdd(date(2026, 1, 31), 1, "months"))")
                                           << QByteArray::number(kFeb28);
    QTest::newRow("dateAdd unit from field") << QByteArray(R"(dateAdd(day, 1, visitorId))") << QByteArray("null");
    QTest::newRow("startOfPeriod daily") << QByteArray(R"(startOfPeriod("daily", now()))")
                                         << QByteArray::number(kMar09);
    QTest::newRow("startOfPeriod hourly") << QByteArray(R"(startOfPeriod("hourly", now()))")
                                          << QByteArray::number(kNow - 30 * 60000LL);
    QTest::newRow("startOfPeriod weekly is Sunday") << QByteArray(R"(startOfPeriod("weekly", now()))")
                                                    << QByteArray::number(kMar08);
    QTest::newRow("startOfPeriod monthly") << QByteArray(R"(startOfPeriod("monthly", now()))")
                                           << QByteArray::number(kMar01);
    QTest::newRow("isNull missing") << QByteArray("isNull(missing)") << QByteArray("true");
    QTest::newRow("isNull value") << QByteArray("isNull(visitorId)") << QByteArray("false");
    QTest::newRow("isNil") << QByteArray("isNil(nothing)") << QByteArray("true");
    QTest::newRow("isEmpty string") << QByteArray("isEmpty(empty)") << QByteArray("true");
    QTest::newRow("isEmpty list") << QByteArray("isEmpty(none)") << QByteArray("true");
    QTest::newRow("isEmpty full") << QByteArray("isEmpty(list)") << QByteArray("false");
    QTest::newRow("contains string") << QByteArray(R"(contains(name, "lo Wo"))") << QByteArray("true");
    QTest::newRow("contains string miss") << QByteArray(R"(contains(name, "world"))") << QByteArray("false");
    QTest::newRow("contains list") << QByteArray("contains(list, 2)") << QByteArray("true");
    QTest::newRow("contains list miss") << QByteArray("contains(list, 9)") << QByteArray("false");
    QTest::newRow("contains missing") << QByteArray(R"(contains(missing, "x"))") << QByteArray("false");
    QTest::newRow("startsWith") << QByteArray(R"(startsWith(name, "Hell"))") << QByteArray("true");
    QTest::newRow("startsWith no") << QByteArray(R"(startsWith(name, "World"))") << QByteArray("false");
    QTest::newRow("toLowerCase") << QByteArray("toLowerCase(name)") << QByteArray(R"("hello world")");
    QTest::newRow("toLowerCase unicode") << QByteArray("toLowerCase(\"\xc3\x89T\xc3\x89\")")
                                         << QByteArray("\"\xc3\xa9t\xc3\xa9\"");
    QTest::newRow("toString int") << QByteArray("toString(numEvents)") << QByteArray(R"("7")");
    QTest::newRow("toString double") << QByteArray("toString(ratio)") << QByteArray(R"("0.5")");
    QTest::newRow("toString null") << QByteArray("toString(missing)") << QByteArray(R"("")");
    QTest::newRow("len string") << QByteArray("len(name)") << QByteArray("11");
    QTest::newRow("len utf8 counts characters") << QByteArray("len(\"h\xc3\xa9llo\")") << QByteArray("5");
    QTest::newRow("len list") << QByteArray("len(list)") << QByteArray("3");
    QTest::newRow("hash is FNV-1a") << QByteArray(R"(hash("abc"))") << QByteArray("440920331");
    QTest::newRow("hash of field") << QByteArray("hash(visitorId) == hash(\"v1\")") << QByteArray("true");
    QTest::newRow("if true") << QByteArray("if(numEvents > 5, \"many\", \"few\")") << QByteArray(R"("many")");
    QTest::newRow("if missing") << QByteArray("if(missing, 1, 2)") << QByteArray("2");
    QTest::newRow("split") << QByteArray(R"(split("a,b,,c", ","))") << QByteArray(R"(["a","b","","c"])");
    QTest::newRow("split index") << QByteArray(R"(split(name, " ")[1])") << QByteArray(R"("World")");
    QTest::newRow("nested calls") << QByteArray(R"(len(split(toLowerCase(name), "o")))") << QByteArray("3");
    QTest::newRow("nil literal") << QByteArray("nil") << QByteArray("null");
    QTest::newRow("list") << QByteArray(R"(list("a", numEvents, nothing, 1 + 1))") << QByteArray(R"(["a",7,null,2])");
    QTest::newRow("empty list") << QByteArray("list()") << QByteArray("[]");
    QTest::newRow("membership with contains") << QByteArray(R"(contains(list("Acme", "Globex"), accountId))")
                                              << QByteArray("true");
    QTest::newRow("no membership with contains") << QByteArray(R"(contains(list(1, 2), numEvents))")
                                                 << QByteArray("false");
    QTest::newRow("in is a field name") << QByteArray("in") << QByteArray("null");
    QTest::newRow("whitespace everywhere") << QByteArray(" \t( numEvents\n>= 7 ) ") << QByteArray("true");
}

void TestSimExpression::evaluate()
{
    QFETCH(QByteArray, expression);
    QFETCH(QByteArray, expected);
    try {
        const Expression e = Expression::parse(expression.toStdString(), m_context, "test");
        const Value v = e.evaluate(m_row);
        QCOMPARE(QByteArray::fromStdString(v.toJson()), expected);
        // The reference path must agree with the copying one.
        Value scratch;
        QCOMPARE(QByteArray::fromStdString(e.evaluateRef(m_row, scratch).toJson()), expected);
    } catch (const EngineError &error) {
        QFAIL(error.message.c_str());
    }
}

void TestSimExpression::errors_data()
{
    QTest::addColumn<QByteArray>("expression");
    QTest::addColumn<QByteArray>("problem");
    QTest::addColumn<int>("column");

    QTest::newRow("dangling operator") << QByteArray("day >= 5 && )") << QByteArray("unexpected ')'") << 13;
    // Pendo's expression language has no membership operator; `in` is just a name there.
    QTest::newRow("in operator") << QByteArray(R"(appId in [1, 2])") << QByteArray("unexpected 'in'") << 7;
    QTest::newRow("in inside parens") << QByteArray(R"((pageId in ["a"]))") << QByteArray("unexpected 'in'") << 9;
    QTest::newRow("in after a list") << QByteArray(R"(list("a", "b") in pageId)") << QByteArray("unexpected 'in'")
                                     << 16;
    QTest::newRow("list arity") << (QByteArray("list(") + QByteArray("1,").repeated(1000) + "1)")
                                << QByteArray("list() takes 0 to 1000 arguments") << 1;
    QTest::newRow("truncated") << QByteArray("day >= ") << QByteArray("unexpected end of expression") << 8;
    QTest::newRow("empty") << QByteArray("") << QByteArray("unexpected end of expression") << 1;
    QTest::newRow("unterminated string") << QByteArray(R"(id == "abc)") << QByteArray("unterminated string") << 7;
    QTest::newRow("unterminated backtick") << QByteArray("id == `abc") << QByteArray("unterminated string") << 7;
    QTest::newRow("unescaped quote in id") << QByteArray(R"(id == "a"b")") << QByteArray("unexpected 'b'") << 10;
    QTest::newRow("unknown function") << QByteArray("foo(1)") << QByteArray("unknown function 'foo'") << 1;
    QTest::newRow("single equals") << QByteArray("day = 5") << QByteArray("use '=='") << 5;
    QTest::newRow("single ampersand") << QByteArray("a & b") << QByteArray("use '&&'") << 3;
    QTest::newRow("single quotes") << QByteArray("id == 'x'") << QByteArray("double quotes or backticks") << 7;
    QTest::newRow("arity") << QByteArray("len()") << QByteArray("len() takes 1 argument") << 1;
    QTest::newRow("arity range") << QByteArray("date(2026)") << QByteArray("date() takes 3 to 6 arguments") << 1;
    QTest::newRow("unknown unit") << QByteArray(R"(dateAdd(now(), 1, "fortnights"))")
                                  << QByteArray("unknown unit \"fortnights\"") << 1;
    QTest::newRow("unknown period") << QByteArray(R"(startOfPeriod("decade", now()))")
                                    << QByteArray("unknown period \"decade\"") << 1;
    QTest::newRow("two operands") << QByteArray("1 2") << QByteArray("unexpected '2'") << 3;
    QTest::newRow("dot without name") << QByteArray("metadata.") << QByteArray("unexpected end") << 10;
    QTest::newRow("bad escape") << QByteArray(R"("a\qb")") << QByteArray("invalid escape '\\q'") << 3;
    QTest::newRow("unclosed paren") << QByteArray("(1 + 2") << QByteArray("unexpected end") << 7;
    QTest::newRow("unclosed index") << QByteArray("list[1") << QByteArray("unexpected end") << 7;
    QTest::newRow("array literal") << QByteArray("[1, 2]") << QByteArray("unexpected '['") << 1;
    QTest::newRow("stray character") << QByteArray("day # 2") << QByteArray("unexpected character '#'") << 5;
    QTest::newRow("number glued to name") << QByteArray("12abc") << QByteArray("after a number") << 3;
    QTest::newRow("trailing comma in call") << QByteArray("len(name,)") << QByteArray("unexpected ')'") << 10;
    // Depth is bounded so neither parsing nor evaluation can exhaust the stack.
    QTest::newRow("deep parentheses") << (QByteArray(5000, '(') + "1" + QByteArray(5000, ')'))
                                      << QByteArray("nested too deeply") << 201;
    QTest::newRow("deep prefix") << (QByteArray(5000, '!') + "x") << QByteArray("nested too deeply") << 201;
    QTest::newRow("deep calls") << (QByteArray("len(").repeated(5000) + "x" + QByteArray(5000, ')'))
                                << QByteArray("nested too deeply") << 801;
    QByteArray longChain = "x";
    for (int i = 0; i < 5000; ++i)
        longChain += " + x";
    QTest::newRow("long chain") << longChain << QByteArray("nested too deeply") << 799; // the 200th "+"
}

void TestSimExpression::errors()
{
    QFETCH(QByteArray, expression);
    QFETCH(QByteArray, problem);
    QFETCH(int, column);
    try {
        Expression::parse(expression.toStdString(), m_context, "filter");
        QFAIL("expected a syntax error");
    } catch (const EngineError &error) {
        QCOMPARE(error.status, 400);
        const QByteArray message = QByteArray::fromStdString(error.message);
        QVERIFY2(message.startsWith("filter: "), message.constData());
        QVERIFY2(message.contains(problem), message.constData());
        const QByteArray where = QByteArray(" at column ") + QByteArray::number(column) + QByteArray(" in \"");
        QVERIFY2(message.contains(where), message.constData());
        // The whole expression is quoted so the caller can find it.
        const QByteArray quotedExpression = QByteArray("\"") + expression + QByteArray("\"");
        QVERIFY2(message.endsWith(quotedExpression), message.constData());
    }
}

void TestSimExpression::deepButAllowed()
{
    // Long constant chains fold as they parse, and moderately deep trees are fine.
    QByteArray constants = "1";
    for (int i = 0; i < 5000; ++i)
        constants += " + 1";
    QCOMPARE(Expression::parse(constants.toStdString(), m_context, {}).evaluate(m_row).toInt(), std::int64_t(5001));
    QByteArray fields = "numEvents";
    for (int i = 0; i < 150; ++i)
        fields += " + numEvents";
    QCOMPARE(Expression::parse(fields.toStdString(), m_context, {}).evaluate(m_row).toInt(), std::int64_t(7 * 151));
}

void TestSimExpression::exactErrorMessage()
{
    try {
        Expression::parse("day >= 5 && )", m_context, "filter");
        QFAIL("expected a syntax error");
    } catch (const EngineError &error) {
        QCOMPARE(error.message, std::string(R"x(filter: unexpected ')' at column 13 in "day >= 5 && )")x"));
    }
}

void TestSimExpression::constantFolding()
{
    QVERIFY(Expression::parse("now() - 30 * 1000 * 60 * 60 * 24", m_context, {}).isConstant());
    QVERIFY(Expression::parse(R"(dateAdd(date(2026, 1, 1), 1, "days"))", m_context, {}).isConstant());
    QVERIFY(Expression::parse("`x`", m_context, {}).isConstant());
    QVERIFY(!Expression::parse("day + 1", m_context, {}).isConstant());
    QVERIFY(!Expression::parse("day >= now() - 1000", m_context, {}).isConstant());
    // A folded expression still evaluates the same for any row.
    const Expression e = Expression::parse("2 * (3 + 4)", m_context, {});
    QCOMPARE(e.evaluate(Value()).toInt(), std::int64_t(14));
    QCOMPARE(e.evaluate(m_row).toInt(), std::int64_t(14));
}

void TestSimExpression::plainField()
{
    QCOMPARE(Expression::parse("visitorId", m_context, {}).plainField(), std::string_view("visitorId"));
    QCOMPARE(Expression::parse("  day ", m_context, {}).plainField(), std::string_view("day"));
    QVERIFY(Expression::parse("metadata.auto.id", m_context, {}).plainField().empty());
    QVERIFY(Expression::parse("list[0]", m_context, {}).plainField().empty());
    QVERIFY(Expression::parse("day + 1", m_context, {}).plainField().empty());
    QVERIFY(Expression::parse("true", m_context, {}).plainField().empty());
}

void TestSimExpression::testUsesTruthiness()
{
    const Value row = json(R"({"zero":0,"one":1,"s":"x","e":"","l":[1],"o":{}})");
    auto test = [&](const char *text) { return Expression::parse(text, m_context, {}).test(row); };
    QVERIFY(!test("zero"));
    QVERIFY(test("one"));
    QVERIFY(test("s"));
    QVERIFY(!test("e"));
    QVERIFY(test("l"));
    QVERIFY(!test("o"));
    QVERIFY(!test("missing"));
    QVERIFY(test("!missing"));
    QVERIFY(test("one && s"));
    QVERIFY(!test("zero || e"));
}

QTEST_GUILESS_MAIN(TestSimExpression)
#include "tst_simexpression.moc"

#include "Json.h"
#include "Value.h"

#include <QTest>

#include <cmath>
#include <limits>

using pendosim::Array;
using pendosim::Object;
using pendosim::parseJson;
using pendosim::Value;

/** The simulator's JSON value type and its strict parser. */
class TestSimValue : public QObject
{
    Q_OBJECT

private slots:
    void serialise_data();
    void serialise();
    void copyOnWrite();
    void pathsAndSet();
    void equality_data();
    void equality();
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void parseNumbersKeepTheirKind();
    void parseUnicode();
    void parseDuplicateKeysKeepLast();
    void parseDeepNesting();
};

static std::string text(const QByteArray &b)
{
    return b.toStdString();
}

void TestSimValue::serialise_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("null") << 0 << QByteArray("null");
    QTest::newRow("true") << 1 << QByteArray("true");
    QTest::newRow("int64 max") << 2 << QByteArray("9223372036854775807");
    QTest::newRow("negative ms") << 3 << QByteArray("-1540008000000");
    QTest::newRow("double shortest") << 4 << QByteArray("0.1");
    QTest::newRow("double integral") << 5 << QByteArray("2");
    QTest::newRow("NaN as null") << 6 << QByteArray("null");
    QTest::newRow("Inf as null") << 7 << QByteArray("null");
    QTest::newRow("escapes") << 8 << QByteArray(R"("q\"b\\n\nt\tc\u0001\u001fe")");
    QTest::newRow("utf8 passes through") << 9 << QByteArray("\"h\xc3\xa9llo \xe2\x82\xac\"");
    QTest::newRow("nested") << 10 << QByteArray(R"({"a":[1,2.5,"x",null],"b":{"c":false}})");
    QTest::newRow("empty containers") << 11 << QByteArray(R"({"a":[],"b":{}})");
    QTest::newRow("large double") << 12 << QByteArray("1e+300");
}

void TestSimValue::serialise()
{
    QFETCH(int, which);
    QFETCH(QByteArray, expected);
    Value v;
    switch (which) {
    case 0:
        break;
    case 1:
        v = Value(true);
        break;
    case 2:
        v = Value(std::numeric_limits<std::int64_t>::max());
        break;
    case 3:
        v = Value(std::int64_t(-1540008000000));
        break;
    case 4:
        v = Value(0.1);
        break;
    case 5:
        v = Value(2.0);
        break;
    case 6:
        v = Value(std::nan(""));
        break;
    case 7:
        v = Value(std::numeric_limits<double>::infinity());
        break;
    case 8:
        v = Value(std::string("q\"b\\n\nt\tc\x01\x1f") + "e");
        break;
    case 9:
        v = Value("h\xc3\xa9llo \xe2\x82\xac");
        break;
    case 10: {
        Value list;
        list.array().push_back(Value(1));
        list.array().push_back(Value(2.5));
        list.array().push_back(Value("x"));
        list.array().push_back(Value());
        v.set("a", list);
        v.set("b.c", Value(false));
        break;
    }
    case 11:
        v.set("a", Value(Array()));
        v.set("b", Value(Object()));
        break;
    case 12:
        v = Value(1e300);
        break;
    }
    QCOMPARE(QByteArray::fromStdString(v.toJson()), expected);
}

void TestSimValue::copyOnWrite()
{
    Value a;
    a.set("x", Value(1));
    Value b = a;
    b.object().emplace_back("y", Value(2));
    QCOMPARE(a.toObject().size(), std::size_t(1));
    QCOMPARE(b.toObject().size(), std::size_t(2));

    Value list;
    list.array().push_back(Value(1));
    Value copy = list;
    copy.array().push_back(Value(2));
    QCOMPARE(list.toArray().size(), std::size_t(1));
    QCOMPARE(copy.toArray().size(), std::size_t(2));

    // Non-container values become empty containers on mutable access.
    Value n(5);
    n.array().push_back(Value("a"));
    QVERIFY(n.isArray());
    QCOMPARE(n.toJson(), std::string(R"(["a"])"));

    // set() on a shared object must not leak into the other copy.
    Value shared;
    shared.set("m.k", Value(1));
    Value other = shared;
    other.set("m.k", Value(2));
    QCOMPARE(shared.path("m.k")->toInt(), std::int64_t(1));
    QCOMPARE(other.path("m.k")->toInt(), std::int64_t(2));
}

void TestSimValue::pathsAndSet()
{
    Value row = *parseJson(R"({"visitorId":"v1","metadata":{"auto":{"lastupdated":1600000000000}}})", nullptr);
    QVERIFY(row.find("visitorId"));
    QCOMPARE(row.find("visitorId")->toString(), std::string("v1"));
    QVERIFY(!row.find("nope"));
    QCOMPARE(row.path("metadata.auto.lastupdated")->toInt(), std::int64_t(1600000000000));
    QVERIFY(!row.path("metadata.agent.email"));
    QVERIFY(!row.path("visitorId.length"));
    QVERIFY(!Value(3).find("x"));

    row.set("visitorId", Value("v2"));
    row.set("metadata.custom.tier", Value("gold"));
    row.set("a.b.c", Value(1));
    QCOMPARE(row.toJson(), std::string(R"({"visitorId":"v2","metadata":{"auto":{"lastupdated":1600000000000},)"
                                       R"("custom":{"tier":"gold"}},"a":{"b":{"c":1}}})"));
    // A scalar on the way is replaced by an object.
    row.set("visitorId.inner", Value(true));
    QCOMPARE(row.path("visitorId.inner")->toBool(), true);
}

void TestSimValue::equality_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("int double") << QByteArray("1") << QByteArray("1.0") << true;
    QTest::newRow("int int") << QByteArray("2") << QByteArray("3") << false;
    QTest::newRow("string") << QByteArray(R"("a")") << QByteArray(R"("a")") << true;
    QTest::newRow("string vs number") << QByteArray(R"("1")") << QByteArray("1") << false;
    QTest::newRow("null") << QByteArray("null") << QByteArray("null") << true;
    QTest::newRow("null vs false") << QByteArray("null") << QByteArray("false") << false;
    QTest::newRow("arrays") << QByteArray("[1,[2]]") << QByteArray("[1,[2]]") << true;
    QTest::newRow("array order") << QByteArray("[1,2]") << QByteArray("[2,1]") << false;
    QTest::newRow("object order ignored") << QByteArray(R"({"a":1,"b":2})") << QByteArray(R"({"b":2,"a":1})")
                                          << true;
    QTest::newRow("object value differs") << QByteArray(R"({"a":1})") << QByteArray(R"({"a":2})") << false;
    QTest::newRow("object extra key") << QByteArray(R"({"a":1})") << QByteArray(R"({"a":1,"b":1})") << false;
}

void TestSimValue::equality()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    const auto va = parseJson(text(a), nullptr);
    const auto vb = parseJson(text(b), nullptr);
    QVERIFY(va && vb);
    QCOMPARE(*va == *vb, equal);
    QCOMPARE(*vb == *va, equal);
}

void TestSimValue::parseValid_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("envelope") << QByteArray(R"( {"response":{"mimeType":"application/json"},
        "request":{"pipeline":[{"limit":5}]}} )")
                              << QByteArray(R"({"response":{"mimeType":"application/json"},)"
                                            R"("request":{"pipeline":[{"limit":5}]}})");
    QTest::newRow("scalars") << QByteArray("[true,false,null,0,-0,1.5e3,-2.25,\"\"]")
                             << QByteArray(R"([true,false,null,0,0,1500,-2.25,""])");
    QTest::newRow("escapes") << QByteArray(R"(["\"\\\/\b\f\n\r\t\u0041"])")
                             << QByteArray(R"(["\"\\/\b\f\n\r\tA"])");
    QTest::newRow("bare number") << QByteArray("42") << QByteArray("42");
    QTest::newRow("bare string") << QByteArray("\"x\"") << QByteArray("\"x\"");
    QTest::newRow("whitespace") << QByteArray(" \t\r\n[ 1 , 2 ]\n") << QByteArray("[1,2]");
}

void TestSimValue::parseValid()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, canonical);
    std::string error;
    const auto v = parseJson(text(input), &error);
    QVERIFY2(v, error.c_str());
    QCOMPARE(QByteArray::fromStdString(v->toJson()), canonical);
    // Round trip: our output parses back to an equal value.
    const auto again = parseJson(v->toJson(), &error);
    QVERIFY(again);
    QVERIFY(*again == *v);
}

void TestSimValue::parseInvalid_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("offset");
    QTest::newRow("empty") << QByteArray("") << 0;
    QTest::newRow("trailing comma array") << QByteArray("[1,]") << 3;
    QTest::newRow("trailing comma object") << QByteArray(R"({"a":1,})") << 7;
    QTest::newRow("single quotes") << QByteArray("{'a':1}") << 1;
    QTest::newRow("leading zero") << QByteArray("[01]") << 2;
    QTest::newRow("bare dot") << QByteArray("[.5]") << 1;
    QTest::newRow("missing exponent digits") << QByteArray("[1e]") << 3;
    QTest::newRow("unterminated string") << QByteArray(R"(["abc)") << 5;
    QTest::newRow("raw newline in string") << QByteArray("[\"a\nb\"]") << 3;
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])") << 3;
    QTest::newRow("lone surrogate") << QByteArray(R"(["\ud800"])") << 8;
    QTest::newRow("invalid utf8") << QByteArray("[\"\xff\"]") << 2;
    QTest::newRow("overlong utf8") << QByteArray("[\"\xc0\xaf\"]") << 2;
    QTest::newRow("two documents") << QByteArray("{} {}") << 3;
    QTest::newRow("NaN") << QByteArray("[NaN]") << 1;
    QTest::newRow("truncated literal") << QByteArray("[tru]") << 1;
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << 5;
    QTest::newRow("comment") << QByteArray("[1 /* x */]") << 3;
}

void TestSimValue::parseInvalid()
{
    QFETCH(QByteArray, input);
    QFETCH(int, offset);
    std::string error;
    const auto v = parseJson(text(input), &error);
    QVERIFY(!v);
    QVERIFY2(error.find("at offset " + std::to_string(offset)) != std::string::npos, error.c_str());
    QVERIFY(!parseJson(text(input), nullptr));
}

void TestSimValue::parseNumbersKeepTheirKind()
{
    const auto v = parseJson("[1540008000000,-9223372036854775808,9223372036854775808,1.0,1e2,1E-2]", nullptr);
    QVERIFY(v);
    const Array &a = v->toArray();
    QVERIFY(a[0].isInt());
    QCOMPARE(a[0].toInt(), std::int64_t(1540008000000));
    QVERIFY(a[1].isInt());
    QCOMPARE(a[1].toInt(), std::numeric_limits<std::int64_t>::min());
    QVERIFY(a[2].isDouble()); // beyond int64
    QVERIFY(a[3].isDouble());
    QVERIFY(a[4].isDouble());
    QCOMPARE(a[4].toDouble(), 100.0);
    QCOMPARE(a[5].toDouble(), 0.01);
}

void TestSimValue::parseUnicode()
{
    const auto v = parseJson(R"(["\u00e9\u20ac\ud83d\ude00", "é€"])", nullptr);
    QVERIFY(v);
    QCOMPARE(v->toArray()[0].toString(), std::string("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"));
    QCOMPARE(v->toArray()[1].toString(), std::string("\xc3\xa9\xe2\x82\xac"));
}

void TestSimValue::parseDuplicateKeysKeepLast()
{
    const auto v = parseJson(R"({"a":1,"b":2,"a":3})", nullptr);
    QVERIFY(v);
    QCOMPARE(v->toObject().size(), std::size_t(2));
    QCOMPARE(v->find("a")->toInt(), std::int64_t(3));
}

void TestSimValue::parseDeepNesting()
{
    const std::string ok = std::string(100, '[') + std::string(100, ']');
    QVERIFY(parseJson(ok, nullptr));
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    std::string error;
    QVERIFY(!parseJson(deep, &error));
    QVERIFY2(error.find("too deep") != std::string::npos, error.c_str());
}

QTEST_GUILESS_MAIN(TestSimValue)
#include "tst_simvalue.moc"

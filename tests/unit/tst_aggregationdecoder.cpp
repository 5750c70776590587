#include "pendo/AggregationDecoder.h"

#include <QTest>

#include <cmath>
#include <limits>

namespace {

QStringList names(std::initializer_list<const char *> fields)
{
    QStringList list;
    for (const char *field : fields)
        list << QString::fromUtf8(field);
    return list;
}

QByteArray answer(const QByteArray &rows)
{
    return "{\"startTime\":1700000000000,\"results\":[" + rows + "]}";
}

} // namespace

/**
 * The streaming decoder: every value kind, dot paths, nested values as JSON text, escapes, numbers
 * beyond 64 bits, broken and wrongly shaped answers, batch reuse, and the AggregationPage path.
 */
class TestAggregationDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valuesOfEveryKind()
    {
        AggregationDecoder decoder(names({"i", "neg", "d", "t", "f", "s", "n", "o", "l", "empty"}));
        AggregationBatch batch;
        QString error;
        QVERIFY2(decoder.decode(answer("{\"i\":42,\"neg\":-7,\"d\":2.5e-1,\"t\":true,\"f\":false,\"s\":\"text\","
                                       "\"n\":null,\"o\":{\"a\":1},\"l\":[1,\"x\"],\"empty\":\"\"}"),
                                &batch, &error),
                 qPrintable(error));
        QCOMPARE(batch.startTime(), 1700000000000);
        QCOMPARE(batch.rowCount(), std::size_t(1));
        QCOMPARE(batch.fieldCount(), 10);
        const QList<CellKind> kinds {CellKind::Integer, CellKind::Integer, CellKind::Double, CellKind::Bool,
                                     CellKind::Bool,    CellKind::Text,    CellKind::Null,   CellKind::Json,
                                     CellKind::Json,    CellKind::Text};
        for (int field = 0; field < kinds.size(); ++field)
            QCOMPARE(batch.value(0, field).kind(), kinds.at(field));
        QCOMPARE(batch.value(0, 0).integer(), 42);
        QCOMPARE(batch.value(0, 1).integer(), -7);
        QCOMPARE(batch.value(0, 2).number(), 0.25);
        QVERIFY(batch.value(0, 3).boolean());
        QVERIFY(!batch.value(0, 4).boolean());
        QCOMPARE(batch.string(batch.value(0, 5)), QStringLiteral("text"));
        QVERIFY(batch.value(0, 6).isNull());
        QCOMPARE(batch.text(0, 7), QStringLiteral("{\"a\":1}"));
        QCOMPARE(batch.text(0, 8), QStringLiteral("[1,\"x\"]"));
        QCOMPARE(batch.text(0, 9), QString());
        QVERIFY(batch.value(0, 9).isText());
        QCOMPARE(batch.text(0, 3), QStringLiteral("true"));
        QCOMPARE(batch.integer(0, 2), 0);
        QCOMPARE(batch.cell(0, 2), Cell(0.25));
        QCOMPARE(batch.cell(0, 6), Cell());
    }

    void integersAtTheEdges_data()
    {
        QTest::addColumn<QByteArray>("number");
        QTest::addColumn<bool>("isInteger");
        QTest::addColumn<qint64>("integer");
        QTest::addColumn<double>("approximate");
        const qint64 max = std::numeric_limits<qint64>::max();
        const qint64 min = std::numeric_limits<qint64>::min();
        QTest::newRow("zero") << QByteArray("0") << true << qint64(0) << 0.0;
        QTest::newRow("minus zero") << QByteArray("-0") << true << qint64(0) << 0.0;
        QTest::newRow("18 digits") << QByteArray("999999999999999999") << true << qint64(999999999999999999) << 0.0;
        QTest::newRow("19 digits") << QByteArray("1234567890123456789") << true << qint64(1234567890123456789) << 0.0;
        QTest::newRow("int64 max") << QByteArray("9223372036854775807") << true << max << 0.0;
        QTest::newRow("int64 min") << QByteArray("-9223372036854775808") << true << min << 0.0;
        QTest::newRow("int64 max + 1") << QByteArray("9223372036854775808") << false << qint64(0)
                                       << 9223372036854775808.0;
        QTest::newRow("uint64 max") << QByteArray("18446744073709551615") << false << qint64(0)
                                    << 18446744073709551615.0;
        QTest::newRow("beyond 64 bits") << QByteArray("100000000000000000000") << false << qint64(0) << 1e20;
        QTest::newRow("below int64 min") << QByteArray("-9223372036854775809") << false << qint64(0)
                                         << -9223372036854775809.0;
        QTest::newRow("exponent") << QByteArray("1e3") << false << qint64(0) << 1000.0;
    }

    void integersAtTheEdges()
    {
        QFETCH(QByteArray, number);
        QFETCH(bool, isInteger);
        QFETCH(qint64, integer);
        QFETCH(double, approximate);
        AggregationDecoder decoder(names({"n", "after"}));
        AggregationBatch batch;
        QString error;
        QVERIFY2(decoder.decode(answer("{\"n\":" + number + ",\"after\":1}"), &batch, &error), qPrintable(error));
        const BatchValue value = batch.value(0, 0);
        QCOMPARE(value.kind(), isInteger ? CellKind::Integer : CellKind::Double);
        if (isInteger)
            QCOMPARE(value.integer(), integer);
        else
            QCOMPARE(value.number(), approximate);
        QCOMPARE(batch.value(0, 1).integer(), 1); // the iteration went on past the number
    }

    void dotPathsReachIntoObjects()
    {
        AggregationDecoder decoder(names({"visitorId", "metadata.auto.lastupdated", "metadata.agent.email",
                                          "metadata.auto.id", "a.b.c.d", "notAnObject.x", "metadata"}));
        AggregationBatch batch;
        QString error;
        const QByteArray body
            = answer("{\"visitorId\":\"v1\",\"metadata\":{\"auto\":{\"lastupdated\":1699999999999,\"id\":\"v1\"},"
                     "\"agent\":{\"email\":\"a@example.com\"}},\"a\":{\"b\":{\"c\":{\"d\":[true]}}},\"notAnObject\":3},"
                     "{\"metadata\":{\"agent\":{}},\"visitorId\":\"v2\",\"notAnObject\":{\"x\":\"y\"}}");
        QVERIFY2(decoder.decode(body, &batch, &error), qPrintable(error));
        QCOMPARE(batch.rowCount(), std::size_t(2));
        QCOMPARE(batch.text(0, 0), QStringLiteral("v1"));
        QCOMPARE(batch.integer(0, 1), 1699999999999);
        QCOMPARE(batch.text(0, 2), QStringLiteral("a@example.com"));
        QCOMPARE(batch.text(0, 3), QStringLiteral("v1"));
        QCOMPARE(batch.text(0, 4), QStringLiteral("[true]"));
        QVERIFY(batch.value(0, 5).isNull()); // 3 has no "x"
        QCOMPARE(batch.text(0, 6),
                 QStringLiteral("{\"auto\":{\"lastupdated\":1699999999999,\"id\":\"v1\"},"
                                "\"agent\":{\"email\":\"a@example.com\"}}"));
        QCOMPARE(batch.text(1, 0), QStringLiteral("v2"));
        QVERIFY(batch.value(1, 1).isNull());
        QVERIFY(batch.value(1, 2).isNull());
        QVERIFY(batch.value(1, 4).isNull());
        QCOMPARE(batch.text(1, 5), QStringLiteral("y"));
        QCOMPARE(batch.text(1, 6), QStringLiteral("{\"agent\":{}}"));
    }

    void nestedValuesComeBackCompact()
    {
        AggregationDecoder decoder(names({"o", "l", "o.inner"}));
        AggregationBatch batch;
        QString error;
        const QByteArray body = "{ \"results\" : [ { \"o\" : { \"inner\" : \"a b\" , \"list\" : [ 1 , 2 ] } ,\n"
                                "\t\"l\" : [ { \"k\" : null } , \"x y\" ] } ] }";
        QVERIFY2(decoder.decode(body, &batch, &error), qPrintable(error));
        QCOMPARE(batch.value(0, 0).kind(), CellKind::Json);
        QCOMPARE(batch.text(0, 0), QStringLiteral("{\"inner\":\"a b\",\"list\":[1,2]}"));
        QCOMPARE(batch.text(0, 1), QStringLiteral("[{\"k\":null},\"x y\"]"));
        QCOMPARE(batch.text(0, 2), QStringLiteral("a b"));
    }

    void missingFieldsAreNull()
    {
        AggregationDecoder decoder(names({"a", "b", "c"}));
        AggregationBatch batch;
        QString error;
        QVERIFY2(decoder.decode(answer("{\"b\":1},{\"a\":\"x\",\"c\":true},{},{\"unknown\":{\"a\":1},\"b\":2}"), &batch,
                                &error),
                 qPrintable(error));
        QCOMPARE(batch.rowCount(), std::size_t(4));
        QVERIFY(batch.value(0, 0).isNull());
        QCOMPARE(batch.value(0, 1).integer(), 1);
        QVERIFY(batch.value(0, 2).isNull());
        QCOMPARE(batch.text(1, 0), QStringLiteral("x"));
        QVERIFY(batch.value(1, 1).isNull());
        QVERIFY(batch.value(1, 2).boolean());
        for (int field = 0; field < 3; ++field)
            QVERIFY(batch.value(2, field).isNull());
        QVERIFY(batch.value(3, 0).isNull());
        QCOMPARE(batch.value(3, 1).integer(), 2);
        QVERIFY(batch.value(3, 2).isNull());
    }

    void keysInAnyOrderAndOfAnyLength()
    {
        // Rows usually repeat their key order; these do not, and some keys are prefixes of others or long.
        AggregationDecoder decoder(names({"day", "dayCount", "aVeryLongFieldNameIndeed", "x"}));
        AggregationBatch batch;
        QString error;
        QVERIFY2(decoder.decode(answer("{\"day\":1,\"dayCount\":2,\"aVeryLongFieldNameIndeed\":3,\"x\":4},"
                                       "{\"x\":5,\"aVeryLongFieldNameIndeed\":6,\"dayCount\":7,\"day\":8},"
                                       "{\"dayC\":0,\"da\":0,\"aVeryLongFieldNameIndeedNot\":0,\"dayCount\":9}"),
                                &batch, &error),
                 qPrintable(error));
        QCOMPARE(batch.integer(0, 0), 1);
        QCOMPARE(batch.integer(0, 1), 2);
        QCOMPARE(batch.integer(0, 2), 3);
        QCOMPARE(batch.integer(0, 3), 4);
        QCOMPARE(batch.integer(1, 0), 8);
        QCOMPARE(batch.integer(1, 1), 7);
        QCOMPARE(batch.integer(1, 2), 6);
        QCOMPARE(batch.integer(1, 3), 5);
        QVERIFY(batch.value(2, 0).isNull());
        QCOMPARE(batch.integer(2, 1), 9);
        QVERIFY(batch.value(2, 2).isNull());
        QVERIFY(batch.value(2, 3).isNull());
    }

    void sameFieldTwice()
    {
        AggregationDecoder decoder(names({"id", "n", "id"}));
        AggregationBatch batch;
        QString error;
        QVERIFY2(decoder.decode(answer("{\"id\":\"a\",\"n\":1},{\"n\":2}"), &batch, &error), qPrintable(error));
        QCOMPARE(batch.text(0, 0), QStringLiteral("a"));
        QCOMPARE(batch.text(0, 2), QStringLiteral("a"));
        QVERIFY(batch.value(1, 0).isNull());
        QVERIFY(batch.value(1, 2).isNull());
    }

    void moreThanSixtyFourFields()
    {
        QStringList fields;
        QByteArray row = "{";
        for (int i = 0; i < 70; ++i) {
            fields << QStringLiteral("f%1").arg(i);
            if (i % 3 == 0)
                continue; // every third field missing, beyond the first 64 as well
            if (row.size() > 1)
                row += ',';
            row += "\"f" + QByteArray::number(i) + "\":" + QByteArray::number(i);
        }
        row += "}";
        AggregationDecoder decoder(fields);
        AggregationBatch batch;
        QString error;
        QVERIFY2(decoder.decode(answer(row + "," + row), &batch, &error), qPrintable(error));
        for (std::size_t r = 0; r < 2; ++r) {
            for (int i = 0; i < 70; ++i) {
                if (i % 3 == 0)
                    QVERIFY2(batch.value(r, i).isNull(), qPrintable(fields.at(i)));
                else
                    QCOMPARE(batch.integer(r, i), qint64(i));
            }
        }
    }

    void escapesAndUtf8()
    {
        AggregationDecoder decoder(names({"s", "u", "raw", "größe", "q\"uote"}));
        AggregationBatch batch;
        QString error;
        // An escaped key matches its unescaped name; escaped values are unescaped, raw UTF-8 kept as is.
        const QByteArray body = answer(
            "{\"\\u0073\":\"a\\\"b\\\\c\\nd\\/e\\t\",\"u\":\"caf\\u00e9 \\ud83d\\ude00\",\"raw\":\"Zürich 東京 😀\","
            "\"größe\":\"XL\",\"q\\\"uote\":1},"
            "{\"s\":\"plain\",\"u\":\"\\\\\",\"raw\":\"ends with a backslash \\\\\",\"gr\\u00f6\\u00dfe\":\"M\"}");
        QVERIFY2(decoder.decode(body, &batch, &error), qPrintable(error));
        QCOMPARE(batch.text(0, 0), QStringLiteral("a\"b\\c\nd/e\t"));
        QCOMPARE(batch.text(0, 1), QString::fromUtf8("café 😀"));
        QCOMPARE(batch.text(0, 2), QString::fromUtf8("Zürich 東京 😀"));
        QCOMPARE(batch.utf8(batch.value(0, 2)), std::string_view("Zürich 東京 😀"));
        QCOMPARE(batch.text(0, 3), QStringLiteral("XL"));
        QCOMPARE(batch.integer(0, 4), 1);
        QCOMPARE(batch.text(1, 0), QStringLiteral("plain"));
        QCOMPARE(batch.text(1, 1), QStringLiteral("\\"));
        QCOMPARE(batch.text(1, 2), QStringLiteral("ends with a backslash \\"));
        QCOMPARE(batch.text(1, 3), QStringLiteral("M"));
    }

    void repeatedTextSharesOneString()
    {
        AggregationDecoder decoder(names({"account"}));
        AggregationBatch batch;
        QString error;
        QVERIFY2(decoder.decode(answer("{\"account\":\"ACME\"},{\"account\":\"ACME\"},{\"account\":\"Other\"}"), &batch,
                                &error),
                 qPrintable(error));
        const QString first = batch.text(0, 0);
        const QString second = batch.text(1, 0);
        QCOMPARE(first, QStringLiteral("ACME"));
        QCOMPARE(second.constData(), first.constData()); // one QString, shared
        QCOMPARE(batch.text(2, 0), QStringLiteral("Other"));
    }

    void rejectsBrokenJson_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<qint64>("offset"); // -1: simdjson cannot say where
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("html") << QByteArray("<html>oops</html>") << qint64(-1);
        QTest::newRow("unclosed string") << QByteArray("{\"results\":[{\"visitorId\":\"v1\"},{\"visit") << qint64(-1);
        QTest::newRow("missing comma") << QByteArray("{\"results\":[{\"a\":1} {\"a\":2}]}") << qint64(20);
        QTest::newRow("comma before brace") << QByteArray("{\"results\":[{\"a\":1,}]}") << qint64(19);
        QTest::newRow("bad literal") << QByteArray("{\"results\":[{\"a\":tru}]}") << qint64(17);
        QTest::newRow("bad number") << QByteArray("{\"results\":[{\"a\":01}]}") << qint64(17);
        QTest::newRow("cut short") << QByteArray("{\"results\":[{\"a\":1}") << qint64(-2);
        QTest::newRow("content after") << QByteArray("{\"results\":[]}}") << qint64(14);
        QTest::newRow("bad nested") << QByteArray("{\"results\":[{\"m\":{\"x\":tru}}]}") << qint64(-2);
    }

    void rejectsBrokenJson()
    {
        QFETCH(QByteArray, body);
        QFETCH(qint64, offset);
        AggregationDecoder decoder(names({"a", "m", "m.x", "visitorId"}));
        AggregationBatch batch;
        QString error;
        QVERIFY(!decoder.decode(body, &batch, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(batch.rowCount(), std::size_t(0));
        if (offset >= 0)
            QVERIFY2(error.contains(QStringLiteral("byte %1").arg(offset)), qPrintable(error));
        else if (offset == -2) // somewhere, but simdjson's exact position is not the point
            QVERIFY2(error.contains(QStringLiteral("byte ")), qPrintable(error));
    }

    void rejectsWrongShapes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a list") << QByteArray("[1,2]") << QStringLiteral("not a JSON object");
        QTest::newRow("no results") << QByteArray("{\"startTime\":1}") << QStringLiteral("no \"results\" array");
        QTest::newRow("results not a list") << QByteArray("{\"results\":{}}") << QStringLiteral("at byte 11");
        QTest::newRow("row not an object")
            << QByteArray("{\"results\":[{},1]}") << QStringLiteral("result row 2 (at byte 15)");
    }

    void rejectsWrongShapes()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        AggregationDecoder decoder(names({"a"}));
        AggregationBatch batch;
        QString error;
        QVERIFY(!decoder.decode(body, &batch, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QCOMPARE(batch.rowCount(), std::size_t(0));
    }

    void batchReusedAcrossPages()
    {
        AggregationDecoder decoder(names({"id", "n", "meta"}));
        AggregationBatch batch;
        QString error;
        QVERIFY2(decoder.decode(answer("{\"id\":\"a\",\"n\":1,\"meta\":{\"k\":1}},{\"id\":\"b\",\"n\":2},"
                                       "{\"id\":\"c\",\"n\":3}"),
                                &batch, &error),
                 qPrintable(error));
        QCOMPARE(batch.rowCount(), std::size_t(3));
        QCOMPARE(batch.text(1, 0), QStringLiteral("b"));

        // A smaller second page with other kinds in the same columns: nothing of the first may show.
        QVERIFY2(decoder.decode("{\"results\":[{\"id\":\"x\\ty\",\"n\":2.5},{\"meta\":[ 1 ]}],\"startTime\":5}", &batch,
                                &error),
                 qPrintable(error));
        QCOMPARE(batch.rowCount(), std::size_t(2));
        QCOMPARE(batch.startTime(), 5);
        QCOMPARE(batch.text(0, 0), QStringLiteral("x\ty"));
        QCOMPARE(batch.value(0, 1).number(), 2.5);
        QVERIFY(batch.value(0, 2).isNull());
        QVERIFY(batch.value(1, 0).isNull());
        QVERIFY(batch.value(1, 1).isNull());
        QCOMPARE(batch.text(1, 2), QStringLiteral("[1]"));
        QCOMPARE(batch.column(0).size(), std::size_t(2));

        // A failed page leaves the batch empty, and the next good one decodes as usual.
        QVERIFY(!decoder.decode("{\"results\":[{\"id\":", &batch, &error));
        QCOMPARE(batch.rowCount(), std::size_t(0));
        QVERIFY2(decoder.decode(answer("{\"id\":\"again\"}"), &batch, &error), qPrintable(error));
        QCOMPARE(batch.text(0, 0), QStringLiteral("again"));
    }

    void batchOutlivesItsBody()
    {
        AggregationDecoder decoder(names({"id"}));
        AggregationBatch first;
        AggregationBatch second;
        QString error;
        {
            QByteArray body = answer("{\"id\":\"kept\"}");
            body.reserve(body.size() + 64); // decoded in place, sharing the body
            QVERIFY2(decoder.decode(body, &first, &error), qPrintable(error));
            body.fill('x'); // the caller writes into its copy
        }
        {
            static const char raw[] = "{\"results\":[{\"id\":\"raw\"}]}";
            const QByteArray body = QByteArray::fromRawData(raw, qsizetype(sizeof(raw) - 1)); // no padding: copied
            QVERIFY2(decoder.decode(body, &second, &error), qPrintable(error));
        }
        QVERIFY2(decoder.decode(answer("{\"id\":\"third\"}"), &second, &error), qPrintable(error));
        QCOMPARE(first.text(0, 0), QStringLiteral("kept"));
        QCOMPARE(second.text(0, 0), QStringLiteral("third"));
    }

    void pageCompatibility()
    {
        AggregationDecoder decoder(names({"visitorId", "day", "ratio", "flag", "meta", "missing"}));
        AggregationPage page;
        QString error;
        QVERIFY2(decoder.decode(answer("{\"visitorId\":\"v1\",\"day\":1700000000000,\"ratio\":0.5,\"flag\":true,"
                                       "\"meta\":{\"a\":[1,2]}},"
                                       "{\"visitorId\":\"v\\u00e9\",\"day\":\"17\",\"ratio\":null}"),
                                &page, &error),
                 qPrintable(error));
        QCOMPARE(page.startTime, 1700000000000);
        QCOMPARE(page.fields, names({"visitorId", "day", "ratio", "flag", "meta", "missing"}));
        QCOMPARE(page.rows.size(), std::size_t(2));
        const std::vector<Cell> first {
            QStringLiteral("v1"), qint64(1700000000000), 0.5, true, QStringLiteral("{\"a\":[1,2]}"), Cell()};
        QCOMPARE(page.rows[0], first);
        QCOMPARE(page.text(1, 0), QStringLiteral("vé"));
        QCOMPARE(page.integer(1, 1), 17); // numeric text converts
        QVERIFY(std::holds_alternative<std::monostate>(page.rows[1][2]));
        QCOMPARE(page.text(0, 3), QStringLiteral("true"));

        // The keyset cursor: the last row's sort-key values, taken as KeysetPager takes them.
        const std::vector<Cell> cursor = page.rows.back();
        QCOMPARE(std::get<QString>(cursor[0]), QStringLiteral("vé"));

        QVERIFY(!decoder.decode("{\"results\":[1]}", &page, &error));
        QVERIFY(page.rows.empty());
    }

    void kernelsAreNamed()
    {
        QVERIFY(!AggregationDecoder::structuralKernel().isEmpty());
        QVERIFY(!AggregationDecoder::valueKernel().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAggregationDecoder)
#include "tst_aggregationdecoder.moc"

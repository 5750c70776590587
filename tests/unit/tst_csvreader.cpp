#include "store/CsvReader.h"
#include "store/CsvWriter.h"

#include <QBuffer>
#include <QTest>

/** RFC 4180 edge cases: quotes, delimiters, newlines, CRLF, BOM, delimiter detection, errors. */
class TestCsvReader : public QObject
{
    Q_OBJECT

    static QList<QStringList> readAll(const QByteArray &bytes, QString *fatal = nullptr, QList<qint64> *lines = nullptr,
                                      QStringList *errors = nullptr, QChar *delimiter = nullptr)
    {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        QList<QStringList> records;
        CsvRecord record;
        while (reader.next(record)) {
            records << record.fields;
            if (lines)
                *lines << record.line;
            if (errors)
                *errors << record.error;
        }
        if (fatal)
            *fatal = reader.fatalError();
        if (delimiter)
            *delimiter = reader.delimiter();
        return records;
    }

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QStringList>>("expected");
        const auto L = [](std::initializer_list<const char *> items) {
            QStringList out;
            for (const char *item : items)
                out << QString::fromUtf8(item);
            return out;
        };
        QTest::newRow("plain") << QByteArray("a,b\n1,2\n") << QList<QStringList>{L({"a", "b"}), L({"1", "2"})};
        QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << QList<QStringList>{L({"a", "b"}), L({"1", "2"})};
        QTest::newRow("no final newline") << QByteArray("a,b\n1,2") << QList<QStringList>{L({"a", "b"}), L({"1", "2"})};
        QTest::newRow("quoted comma") << QByteArray("a,b\n\"x, y\",2\n")
                                      << QList<QStringList>{L({"a", "b"}), L({"x, y", "2"})};
        QTest::newRow("escaped quote") << QByteArray("a\n\"say \"\"hi\"\"\"\n")
                                       << QList<QStringList>{L({"a"}), L({"say \"hi\""})};
        QTest::newRow("embedded newline") << QByteArray("a,b\n\"line1\nline2\",2\n")
                                          << QList<QStringList>{L({"a", "b"}), L({"line1\nline2", "2"})};
        QTest::newRow("embedded crlf") << QByteArray("a,b\r\n\"line1\r\nline2\",2\r\n")
                                       << QList<QStringList>{L({"a", "b"}), L({"line1\nline2", "2"})};
        QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n") << QList<QStringList>{L({"a", "b", "c"}), L({"", "", ""})};
        QTest::newRow("quoted empty") << QByteArray("a,b\n\"\",x\n") << QList<QStringList>{L({"a", "b"}), L({"", "x"})};
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFid,name\n1,x\n")
                             << QList<QStringList>{L({"id", "name"}), L({"1", "x"})};
        QTest::newRow("utf8") << QByteArray("name\nZoë Ångström\n") << QList<QStringList>{L({"name"}), L({"Zoë Ångström"})};
        QTest::newRow("semicolon") << QByteArray("a;b;c\n1;\"2;3\";4\n")
                                   << QList<QStringList>{L({"a", "b", "c"}), L({"1", "2;3", "4"})};
        QTest::newRow("semicolon with decimal commas") << QByteArray("name;arr\nx;1,5\n")
                                                       << QList<QStringList>{L({"name", "arr"}), L({"x", "1,5"})};
        QTest::newRow("tab") << QByteArray("a\tb\n1\t2\n") << QList<QStringList>{L({"a", "b"}), L({"1", "2"})};
        QTest::newRow("blank lines skipped") << QByteArray("a\n\n1\n\r\n2\n")
                                             << QList<QStringList>{L({"a"}), L({"1"}), L({"2"})};
        QTest::newRow("spaces kept") << QByteArray("a,b\n x , y \n") << QList<QStringList>{L({"a", "b"}), L({" x ", " y "})};
    }

    void parses()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QStringList>, expected);
        QString fatal;
        QCOMPARE(readAll(input, &fatal), expected);
        QVERIFY(fatal.isEmpty());
    }

    void detectsDelimiter_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QChar>("delimiter");
        QTest::newRow("comma") << QStringLiteral("a,b,c") << QChar(u',');
        QTest::newRow("semicolon") << QStringLiteral("a;b;c") << QChar(u';');
        QTest::newRow("tab") << QStringLiteral("a\tb") << QChar(u'\t');
        QTest::newRow("quoted semicolons do not count") << QStringLiteral("\"a;b;c\",d") << QChar(u',');
        QTest::newRow("single column") << QStringLiteral("name") << QChar(u',');
    }

    void detectsDelimiter()
    {
        QFETCH(QString, header);
        QFETCH(QChar, delimiter);
        QCOMPARE(CsvReader::detectDelimiter(header), delimiter);
    }

    void recordsStartLines()
    {
        QList<qint64> lines;
        readAll("h1,h2\n\"multi\nline\",1\n\nnext,2\n", nullptr, &lines);
        QCOMPARE(lines, (QList<qint64>{1, 2, 5}));
    }

    void strayCharacterAfterQuoteIsARecordError()
    {
        QStringList errors;
        const QList<QStringList> records = readAll("a,b\n\"x\"y,2\n3,4\n", nullptr, nullptr, &errors);
        QCOMPARE(records.size(), 3);
        QVERIFY(errors.at(0).isEmpty());
        QVERIFY2(errors.at(1).contains(QStringLiteral("after a closing quote")), qPrintable(errors.at(1)));
        QVERIFY(errors.at(2).isEmpty());
    }

    void unterminatedQuoteIsFatalAndNamesTheLine()
    {
        QString fatal;
        const QList<QStringList> records = readAll("a,b\n1,2\n\"open,3\n4,5\n", &fatal);
        QCOMPARE(records.size(), 2);
        QVERIFY2(fatal.contains(QStringLiteral("line 3")), qPrintable(fatal));
        QVERIFY(fatal.contains(QStringLiteral("never closed")));
    }

    void writerRoundTrips()
    {
        const QList<QStringList> rows{{QStringLiteral("id"), QStringLiteral("note")},
                                      {QStringLiteral("1"), QStringLiteral("plain")},
                                      {QStringLiteral("2"), QStringLiteral("a, \"quoted\"\nsecond line")},
                                      {QStringLiteral("3"), QString()}};
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        {
            CsvWriter writer(&buffer);
            for (const QStringList &row : rows)
                writer.write(row);
            QVERIFY(writer.flush());
        }
        QVERIFY(buffer.data().contains("\"a, \"\"quoted\"\"\nsecond line\""));
        QCOMPARE(readAll(buffer.data()), rows);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"

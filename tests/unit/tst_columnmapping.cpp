#include "store/ColumnMapping.h"
#include "store/CsvReader.h"
#include "store/RowValidator.h"

#include <QTest>

/** Header auto-mapping with aliases, --map overrides, mapping problems, value parsing. */
class TestColumnMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void autoMapsAccounts()
    {
        const QStringList headers{QStringLiteral("Account ID"), QStringLiteral("Company Name"), QStringLiteral("CSM"),
                                  QStringLiteral("Annual Recurring Revenue"), QStringLiteral("Renewal Date"),
                                  QStringLiteral("Seats"), QStringLiteral("Stage"), QStringLiteral("Plan"),
                                  QStringLiteral("")};
        const ColumnMapping mapping = ColumnMapping::autoMap(RecordKind::Accounts, headers);
        QCOMPARE(mapping.target(0), ColumnTarget::field(QStringLiteral("external_id")));
        QCOMPARE(mapping.target(1), ColumnTarget::field(QStringLiteral("name")));
        QCOMPARE(mapping.target(2), ColumnTarget::field(QStringLiteral("owner")));
        QCOMPARE(mapping.target(3), ColumnTarget::field(QStringLiteral("arr")));
        QCOMPARE(mapping.target(4), ColumnTarget::field(QStringLiteral("renewal_date")));
        QCOMPARE(mapping.target(5), ColumnTarget::field(QStringLiteral("licensed_seats")));
        QCOMPARE(mapping.target(6), ColumnTarget::field(QStringLiteral("lifecycle_stage")));
        QCOMPARE(mapping.target(7), ColumnTarget::custom(QStringLiteral("Plan")));
        QCOMPARE(mapping.target(8), ColumnTarget::ignore());
        QVERIFY(mapping.problems().isEmpty());
    }

    void exactKeysWinOverAliases()
    {
        // For contacts "account_id" is an alias of the account reference, "id" of the contact's own id.
        const ColumnMapping mapping = ColumnMapping::autoMap(
            RecordKind::Contacts, {QStringLiteral("account_id"), QStringLiteral("id"), QStringLiteral("E-mail")});
        QCOMPARE(mapping.target(0), ColumnTarget::field(QStringLiteral("account_external_id")));
        QCOMPARE(mapping.target(1), ColumnTarget::field(QStringLiteral("external_id")));
        QCOMPARE(mapping.target(2), ColumnTarget::field(QStringLiteral("email")));
    }

    void eachFieldIsMappedOnce()
    {
        const ColumnMapping mapping =
            ColumnMapping::autoMap(RecordKind::Accounts, {QStringLiteral("id"), QStringLiteral("name"),
                                                          QStringLiteral("Company")});
        QCOMPARE(mapping.target(1), ColumnTarget::field(QStringLiteral("name")));
        QCOMPARE(mapping.target(2), ColumnTarget::custom(QStringLiteral("Company")));
    }

    void reportsProblems()
    {
        ColumnMapping mapping = ColumnMapping::autoMap(RecordKind::Accounts, {QStringLiteral("id"), QStringLiteral("x")});
        QStringList problems = mapping.problems();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QStringLiteral("Name")), qPrintable(problems.first()));
        mapping.setTarget(1, ColumnTarget::field(QStringLiteral("external_id")));
        problems = mapping.problems();
        QVERIFY(problems.join(u' ').contains(QStringLiteral("More than one column")));
    }

    void appliesOverrides()
    {
        ColumnMapping mapping =
            ColumnMapping::autoMap(RecordKind::Accounts, {QStringLiteral("Code"), QStringLiteral("Title")});
        QString error;
        QVERIFY2(mapping.apply(QStringLiteral("Code=external_id"), &error), qPrintable(error));
        QVERIFY2(mapping.apply(QStringLiteral("Title=name"), &error), qPrintable(error));
        QVERIFY(mapping.problems().isEmpty());
        QVERIFY(!mapping.apply(QStringLiteral("Nope=name"), &error));
        QVERIFY(error.contains(QStringLiteral("no column 'Nope'")));
        QVERIFY(!mapping.apply(QStringLiteral("Code=bogus"), &error));
        QVERIFY(error.contains(QStringLiteral("unknown field 'bogus'")));
        QVERIFY(mapping.apply(QStringLiteral("Title=custom:Label"), &error));
        QCOMPARE(mapping.target(1), ColumnTarget::custom(QStringLiteral("Label")));
        QVERIFY(mapping.apply(QStringLiteral("Title=ignore"), &error));
        QCOMPARE(mapping.target(1), ColumnTarget::ignore());
    }

    void parsesDates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("iso") << QStringLiteral("2027-03-01") << QDate(2027, 3, 1);
        QTest::newRow("iso time") << QStringLiteral("2027-03-01T10:00:00Z") << QDate(2027, 3, 1);
        QTest::newRow("slashes") << QStringLiteral("2027/3/1") << QDate(2027, 3, 1);
        QTest::newRow("dotted") << QStringLiteral("01.03.2027") << QDate(2027, 3, 1);
        QTest::newRow("feb 30") << QStringLiteral("2027-02-30") << QDate();
        QTest::newRow("us ambiguous") << QStringLiteral("03/01/2027") << QDate();
        QTest::newRow("words") << QStringLiteral("next spring") << QDate();
    }

    void parsesDates()
    {
        QFETCH(QString, text);
        QFETCH(QDate, expected);
        QDate date;
        QCOMPARE(RowValidator::parseDate(text, &date), expected.isValid());
        if (expected.isValid())
            QCOMPARE(date, expected);
    }

    void parsesMoney_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("expected");
        QTest::newRow("plain") << QStringLiteral("48000") << true << 48000.0;
        QTest::newRow("decimals") << QStringLiteral("48000.50") << true << 48000.5;
        QTest::newRow("thousands") << QStringLiteral("$1,234,567") << true << 1234567.0;
        QTest::newRow("european") << QStringLiteral("1.234,50 €") << true << 1234.5;
        QTest::newRow("decimal comma") << QStringLiteral("12,5") << true << 12.5;
        QTest::newRow("text") << QStringLiteral("lots") << false << 0.0;
        QTest::newRow("unit") << QStringLiteral("12k") << false << 0.0;
    }

    void parsesMoney()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(double, expected);
        double value = 0;
        QCOMPARE(RowValidator::parseMoney(text, &value), ok);
        if (ok)
            QCOMPARE(value, expected);
    }

    void validatesRows_data()
    {
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("error");
        QTest::newRow("valid") << QStringList{QStringLiteral("A1"), QStringLiteral("Acme"), QStringLiteral("10"),
                                              QStringLiteral("2027-01-01"), QStringLiteral("Adoption")}
                               << QString();
        QTest::newRow("missing id") << QStringList{QStringLiteral(" "), QStringLiteral("Acme"), QString(), QString(), QString()}
                                    << QStringLiteral("missing External ID");
        QTest::newRow("missing name") << QStringList{QStringLiteral("A1"), QString(), QString(), QString(), QString()}
                                      << QStringLiteral("missing Name");
        QTest::newRow("bad number") << QStringList{QStringLiteral("A1"), QStringLiteral("Acme"), QStringLiteral("ten"),
                                                   QString(), QString()}
                                    << QStringLiteral("bad whole number 'ten'");
        QTest::newRow("negative seats") << QStringList{QStringLiteral("A1"), QStringLiteral("Acme"), QStringLiteral("-3"),
                                                       QString(), QString()}
                                        << QStringLiteral("cannot be negative");
        QTest::newRow("bad date") << QStringList{QStringLiteral("A1"), QStringLiteral("Acme"), QString(),
                                                 QStringLiteral("2027-13-01"), QString()}
                                  << QStringLiteral("bad date '2027-13-01'");
        QTest::newRow("unknown stage") << QStringList{QStringLiteral("A1"), QStringLiteral("Acme"), QString(), QString(),
                                                      QStringLiteral("Dreaming")}
                                       << QStringLiteral("unknown lifecycle stage 'Dreaming'");
        QTest::newRow("field count") << QStringList{QStringLiteral("A1"), QStringLiteral("Acme")}
                                     << QStringLiteral("expected 5 fields as in the header, found 2");
    }

    void validatesRows()
    {
        QFETCH(QStringList, fields);
        QFETCH(QString, error);
        const ColumnMapping mapping = ColumnMapping::autoMap(
            RecordKind::Accounts, {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("seats"),
                                   QStringLiteral("renewal"), QStringLiteral("stage")});
        ValidationContext context;
        context.stages.insert(QStringLiteral("adoption"), 2);
        context.stageNames << QStringLiteral("Adoption");
        RowValidator validator(mapping, context);
        CsvRecord record;
        record.fields = fields;
        record.line = 7;
        CsRow row;
        QList<RowError> errors;
        const bool ok = validator.validate(record, &row, &errors);
        QCOMPARE(ok, error.isEmpty());
        if (!ok) {
            QCOMPARE(errors.size(), 1);
            QCOMPARE(errors.first().line, 7);
            QVERIFY2(errors.first().message.contains(error), qPrintable(errors.first().toString()));
        } else {
            QCOMPARE(row.externalId, QStringLiteral("A1"));
            QCOMPARE(row.columns.size(), 4);
            QCOMPARE(row.columns.at(3).first, QStringLiteral("lifecycle_stage_id"));
            QCOMPARE(row.columns.at(3).second.toLongLong(), 2);
        }
    }

    void flagsDuplicateIdsWithTheFirstLine()
    {
        const ColumnMapping mapping =
            ColumnMapping::autoMap(RecordKind::Accounts, {QStringLiteral("id"), QStringLiteral("name")});
        RowValidator validator(mapping, ValidationContext());
        CsRow row;
        QList<RowError> errors;
        CsvRecord first{{QStringLiteral("A1"), QStringLiteral("One")}, 2, {}};
        CsvRecord second{{QStringLiteral("A1"), QStringLiteral("Two")}, 9, {}};
        CsvRecord spaced{{QStringLiteral(" A1"), QStringLiteral("Spaced")}, 11, {}};
        QVERIFY(validator.validate(first, &row, &errors));
        QVERIFY(!validator.validate(second, &row, &errors));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toString(),
                 QStringLiteral("line 9, column 'id': duplicate external id 'A1' (first seen on line 2)"));
        // Ids are kept as written: a leading space makes another id, left for matching rules to judge.
        QVERIFY(validator.validate(spaced, &row, &errors));
        QCOMPARE(row.externalId, QStringLiteral(" A1"));
    }
};

QTEST_GUILESS_MAIN(TestColumnMapping)
#include "tst_columnmapping.moc"

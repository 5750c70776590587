#include "ActivityFixture.h"
#include "TestSupport.h"

#include "sync/ActivityExport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

/**
 * ActivityExport over rows written by hand: the golden CSV and JSON, the day range, and the same
 * bytes from two workspaces that hold the same data under different integer refs.
 */
class TestActivityExport : public QObject
{
    Q_OBJECT

    static QByteArray exportOf(TestWorkspace &workspace, const ActivityExport::Options &options,
                               ActivityExport::Result *result = nullptr)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const ActivityExport::Result written = ActivityExport::write(workspace.database().connection(), &buffer, options);
        if (result)
            *result = written;
        return buffer.data();
    }

    TestWorkspace m_forward;
    TestWorkspace m_reversed;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_forward.isOpen(), qPrintable(m_forward.error()));
        QVERIFY2(m_reversed.isOpen(), qPrintable(m_reversed.error()));
        QString error;
        QVERIFY2(ActivityFixture::write(m_forward.database().connection(), false, &error), qPrintable(error));
        QVERIFY2(ActivityFixture::write(m_reversed.database().connection(), true, &error), qPrintable(error));
        // The fixture really gives the same Pendo ids different refs in the two workspaces.
        QVERIFY(m_forward.scalar(QStringLiteral("SELECT id FROM pendo_visitors WHERE visitor_id = 'bob'"))
                != m_reversed.scalar(QStringLiteral("SELECT id FROM pendo_visitors WHERE visitor_id = 'bob'")));
    }

    void csvIsTheGoldenText()
    {
        ActivityExport::Result result;
        const QByteArray csv = exportOf(m_forward, {}, &result);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(csv, ActivityFixture::expectedCsv());
        QCOMPARE(result.rows, 10);
        QCOMPARE(result.firstDay, QDate(2024, 3, 1));
        QCOMPARE(result.lastDay, QDate(2024, 3, 2));
    }

    void sameDataSameBytesWhateverTheRefs()
    {
        QCOMPARE(exportOf(m_reversed, {}), exportOf(m_forward, {}));
        ActivityExport::Options json;
        json.format = ActivityExport::Format::Json;
        QCOMPARE(exportOf(m_reversed, json), exportOf(m_forward, json));
    }

    void dayRangeIncludesBothEnds()
    {
        ActivityExport::Options options;
        options.from = QDate(2024, 3, 2);
        options.to = QDate(2024, 3, 2);
        const QByteArray csv = exportOf(m_forward, options);
        QCOMPARE(csv, QByteArray("day,app,kind,item,visitor,account,events,minutes\r\n"
                                 "2024-03-02,-323232,activity,,alice@acme.io,acme,1,1\r\n"
                                 "2024-03-02,5,page,page-1,bob,,2,1\r\n"));
        options.from = QDate(2024, 4, 1);
        options.to = QDate();
        ActivityExport::Result result;
        QCOMPARE(exportOf(m_forward, options, &result), QByteArray("day,app,kind,item,visitor,account,events,minutes\r\n"));
        QCOMPARE(result.rows, 0);
        QVERIFY(!result.firstDay.isValid());
    }

    void jsonIsAnArrayOfObjectsOnePerLine()
    {
        ActivityExport::Options options;
        options.format = ActivityExport::Format::Json;
        options.from = QDate(2024, 3, 2);
        QCOMPARE(exportOf(m_forward, options),
                 QByteArray("[\n"
                            "{\"day\":\"2024-03-02\",\"app\":-323232,\"kind\":\"activity\",\"item\":null,"
                            "\"visitor\":\"alice@acme.io\",\"account\":\"acme\",\"events\":1,\"minutes\":1},\n"
                            "{\"day\":\"2024-03-02\",\"app\":5,\"kind\":\"page\",\"item\":\"page-1\","
                            "\"visitor\":\"bob\",\"account\":null,\"events\":2,\"minutes\":1}\n"
                            "]\n"));

        options.from = QDate();
        QJsonParseError parse;
        const QJsonArray all = QJsonDocument::fromJson(exportOf(m_forward, options), &parse).array();
        QCOMPARE(parse.error, QJsonParseError::NoError);
        QCOMPARE(all.size(), 10);
        QCOMPARE(all.at(5).toObject().value(QStringLiteral("visitor")).toString(), QStringLiteral("\"q, c\"@x"));

        options.from = QDate(2030, 1, 1);
        QCOMPARE(exportOf(m_forward, options), QByteArray("[]\n"));
    }

    void aRefusingDeviceIsAWriteFailure()
    {
        QBuffer readOnly;
        readOnly.open(QIODevice::ReadOnly);
        const ActivityExport::Result result = ActivityExport::write(m_forward.database().connection(), &readOnly, {});
        QVERIFY(!result.ok());
        QVERIFY(result.writeFailed);
    }

    void keysAndFormats()
    {
        QCOMPARE(ActivityExport::columns().join(u','), QStringLiteral("day,app,kind,item,visitor,account,events,minutes"));
        QCOMPARE(ActivityExport::kindKey(4), QStringLiteral("track_type"));
        QCOMPARE(ActivityExport::kindKey(9), QString());
        QCOMPARE(ActivityExport::formatFromKey(QStringLiteral("JSON")), ActivityExport::Format::Json);
        QVERIFY(!ActivityExport::formatFromKey(QStringLiteral("xml")));
    }
};

QTEST_GUILESS_MAIN(TestActivityExport)
#include "tst_activityexport.moc"

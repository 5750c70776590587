#include "MetricsExport.h"

#include "store/CsvWriter.h"

#include <QDate>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace {


QString number(double value)
{
    QString text = QString::number(value, 'f', 6);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}

} // namespace

QStringList MetricsExport::columns()
{
    QStringList out{QStringLiteral("account"), QStringLiteral("app"), QStringLiteral("day")};
    for (const MetricFieldInfo &info : MetricFields::all())
        out << QString::fromLatin1(info.column);
    out << QStringLiteral("health_score") << QStringLiteral("health_band");
    return out;
}

QString MetricsExport::formatValue(MetricField field, double value)
{
    if (std::isnan(value))
        return {};
    const MetricUnit unit = MetricFields::info(field).unit;
    if (unit == MetricUnit::Count || unit == MetricUnit::Days)
        return QString::number(qint64(std::llround(value)));
    return number(value);
}

MetricsExport::Result MetricsExport::write(QSqlDatabase &db, QIODevice *device, const MetricsExportFilter &filter,
                                           Format format)
{
    Result result;
    const QStringList names = columns();
    std::unique_ptr<CsvWriter> csv;
    std::unique_ptr<QTextStream> json;
    if (format == Format::Csv) {
        csv = std::make_unique<CsvWriter>(device);
        csv->write(names);
    } else {
        json = std::make_unique<QTextStream>(device);
        json->setEncoding(QStringConverter::Utf8);
        *json << '[';
    }
    QStringList fields;
    const bool read = AnalyticsReader::exportRows(db, filter, [&](const AnalyticsReader::ExportRow &row) {
        fields.clear();
        fields << row.account << row.app << QDate::fromJulianDay(row.metrics.day).toString(Qt::ISODate);
        for (const MetricFieldInfo &info : MetricFields::all())
            fields << formatValue(info.field, row.metrics.value(info.field));
        fields << (row.score ? number(*row.score) : QString()) << (row.band ? HealthModel::bandKey(*row.band) : QString());
        if (csv) {
            csv->write(fields);
        } else {
            QJsonObject object;
            for (qsizetype i = 0; i < names.size(); ++i) {
                const QString &v = fields.at(i);
                const bool text = i < 3 || names.at(i) == QLatin1String("health_band");
                object.insert(names.at(i), v.isEmpty() ? QJsonValue() : text ? QJsonValue(v) : QJsonValue(v.toDouble()));
            }
            *json << (result.rows == 0 ? "\n" : ",\n")
                  << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
        }
        ++result.rows;
    }, &result.error);
    if (!read) {
        result.error = tr("The calculated fields cannot be read: %1").arg(result.error);
        return result;
    }
    bool flushed = true;
    if (csv) {
        flushed = csv->flush();
    } else {
        *json << (result.rows == 0 ? "]\n" : "\n]\n");
        json->flush();
        flushed = json->status() == QTextStream::Ok;
    }
    if (!flushed) {
        result.writeFailed = true;
        result.error = tr("The export could not be written: %1").arg(device->errorString());
    }
    return result;
}

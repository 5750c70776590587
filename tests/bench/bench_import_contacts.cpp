// Prints how fast a large contacts CSV imports into a fresh workspace (all-or-nothing mode:
// a full validation pass, then the write pass in one transaction).
//   bench_import_contacts [ROWS]   (default 50000)

#include "store/CsImporter.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

double importSeconds(Database &db, RecordKind kind, const QString &path, ImportReport *report)
{
    QElapsedTimer timer;
    timer.start();
    const ImportPreview preview = CsImporter::preview(path, kind);
    *report = CsImporter(db, kind).run(path, preview.mapping, {});
    return timer.nsecsElapsed() / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 50000;
    const int accountCount = std::max(1, rows / 10);
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("bench.sqlite")));
    QString error;
    if (!db.open(&error)) {
        std::fprintf(stderr, "cannot open workspace: %s\n", qPrintable(error));
        return 1;
    }

    QByteArray accounts = "Account ID,Account Name,CSM,ARR,Renewal Date,Seats,Stage,Plan\r\n";
    for (int i = 0; i < accountCount; ++i)
        accounts += "ACC-" + QByteArray::number(i) + ",\"Company " + QByteArray::number(i)
                    + ", Ltd\",Owner " + QByteArray::number(i % 17) + "," + QByteArray::number(1000 + i * 7)
                    + ",2027-0" + QByteArray::number(1 + i % 9) + "-15," + QByteArray::number(10 + i % 90)
                    + ",adoption,Growth\r\n";
    QByteArray contacts = "Contact ID,Email,Full Name,Title,Account ID,Region\r\n";
    for (int i = 0; i < rows; ++i)
        contacts += "U-" + QByteArray::number(i) + ",user" + QByteArray::number(i) + "@company"
                    + QByteArray::number(i % accountCount) + ".example,\"Person " + QByteArray::number(i)
                    + "\",Analyst,ACC-" + QByteArray::number(i % accountCount) + ",EMEA\r\n";
    const QString accountsPath = dir.filePath(QStringLiteral("accounts.csv"));
    const QString contactsPath = dir.filePath(QStringLiteral("contacts.csv"));
    if (!writeFile(accountsPath, accounts) || !writeFile(contactsPath, contacts)) {
        std::fprintf(stderr, "cannot write the input files\n");
        return 1;
    }

    ImportReport report;
    const double accountSeconds = importSeconds(db, RecordKind::Accounts, accountsPath, &report);
    if (!report.written) {
        std::fprintf(stderr, "accounts import failed: %s\n", qPrintable(report.fatalError));
        return 1;
    }
    std::printf("accounts: %d rows (%.1f MB) in %.3f s = %.0f rows/s\n", accountCount, accounts.size() / 1e6,
                accountSeconds, accountCount / accountSeconds);

    const double firstSeconds = importSeconds(db, RecordKind::Contacts, contactsPath, &report);
    if (!report.written || report.inserted != rows) {
        std::fprintf(stderr, "contacts import failed: %s\n", qPrintable(report.fatalError));
        return 1;
    }
    std::printf("contacts, first import: %d rows (%.1f MB) in %.3f s = %.0f rows/s (target: 50000 rows in < 5 s)\n",
                rows, contacts.size() / 1e6, firstSeconds, rows / firstSeconds);

    const double againSeconds = importSeconds(db, RecordKind::Contacts, contactsPath, &report);
    if (!report.written || report.updated != rows) {
        std::fprintf(stderr, "contacts re-import failed: %s\n", qPrintable(report.fatalError));
        return 1;
    }
    std::printf("contacts, re-import (upsert, no duplicates): %d rows in %.3f s = %.0f rows/s\n", rows, againSeconds,
                rows / againSeconds);

    QSqlQuery count(db.connection());
    count.exec(QStringLiteral("SELECT COUNT(*) FROM contacts"));
    count.next();
    std::printf("contacts in workspace: %lld\n", count.value(0).toLongLong());
    return 0;
}

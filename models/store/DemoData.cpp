#include "DemoData.h"

#include <QCoreApplication>

bool DemoData::seed(Database &database, ImportReport *accounts, ImportReport *contacts, QString *error)
{
    const auto importOne = [&](RecordKind kind, const QString &file, ImportReport *report) {
        const ImportPreview preview = CsImporter::preview(file, kind);
        if (!preview.error.isEmpty()) {
            *error = preview.error;
            return false;
        }
        ImportOptions options;
        options.actor = QStringLiteral("demo");
        *report = CsImporter(database, kind).run(file, preview.mapping, options);
        if (!report->written) {
            *error = !report->fatalError.isEmpty()
                         ? report->fatalError
                         : QCoreApplication::translate("DemoData", "the demo %1 have invalid rows")
                               .arg(recordKindKey(kind));
            return false;
        }
        return true;
    };
    return importOne(RecordKind::Accounts, accountsFile(), accounts)
           && importOne(RecordKind::Contacts, contactsFile(), contacts);
}

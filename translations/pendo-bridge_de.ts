<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountsModel</name>
    <message>
        <source>External ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliCommands</name>
    <message>
        <source>Usage: pendo-bridge-cli [--workspace PATH] [--json] COMMAND ...

Commands:
  import accounts FILE     Import or update accounts from a CSV file
  import contacts FILE     Import or update contacts from a CSV file
      --skip-invalid       Import the valid rows; write the others to a reject file
      --reject-file PATH   Where rejected rows go (default FILE.rejects.csv)
      --map COLUMN=FIELD   Override the automatic column mapping (repeatable);
                           FIELD is a field key, custom:NAME or ignore
  workspace info           Show the workspace&apos;s location, schema and record counts
  demo                     Fill the workspace with the bundled demo customers

Options:
  --workspace PATH         The workspace file (default: %1)
  --json                   Machine-readable output on stdout
  -h, --help               This help
  -v, --version            The version

Account fields: external_id, name, owner, arr, renewal_date, licensed_seats, lifecycle_stage;
other columns are kept as custom fields. Contact fields: external_id, email, name, role,
account_external_id. Imports are all-or-nothing unless --skip-invalid is given, and a
re-import updates records by external id instead of duplicating them.

Exit codes:
  0  success
  1  usage error
  2  the file has invalid rows; nothing was written (the rows are listed)
  3  the file cannot be read, or its columns cannot be mapped
  4  the workspace cannot be opened or written (newer version, disk full, ...)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;pendo-bridge-cli --help&apos; for usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. Run &apos;pendo-bridge-cli --help&apos; for usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: pendo-bridge-cli workspace info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: pendo-bridge-cli import accounts|contacts FILE [--skip-invalid] [--reject-file PATH] [--map COLUMN=FIELD]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--map %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 rows have problems; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ... and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the rows, or import the valid ones with --skip-invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 %2 from %3: %4 new, %5 updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped %1 invalid row(s); they are in %2 with the reason for each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace:      %1
Schema version: %2
Accounts:       %3
Contacts:       %4
Imports:        %5
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot fill the demo workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo customers imported: %1 accounts, %2 contacts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnMapping</name>
    <message>
        <source>&apos;%1&apos; is not COLUMN=FIELD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has no column &apos;%1&apos; (columns: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; (fields: %2, custom:NAME or ignore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column is mapped to the required field %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than one column is mapped to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than one column is kept as custom field &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>External ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by the integration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsFields</name>
    <message>
        <source>External ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licensed seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account external ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsImporter</name>
    <message>
        <source>Cannot open the workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s columns are not the ones the mapping was made for; preview it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the reject file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was canceled. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the reject file %1: %2. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>unexpected character &apos;%1&apos; after a closing quote in field %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: a quoted field is never closed; the rest of the file was read into it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the workspace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>the demo %1 have invalid rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopApplication</name>
    <message>
        <source>Pendo product-usage data in a local customer-health workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the workspace file PATH (created when missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a fresh demo workspace filled with sample customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace cannot be opened.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo workspace cannot be filled.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileScan</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty: it has no header line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>No file chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip invalid rows and write them to a reject file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import customer records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
→ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation was canceled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows checked: %1. All are valid and ready to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows have problems. Fix the file or the mapping, or skip the invalid rows; nothing has been written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Further problems not listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid rows skipped: %1; they are in %2 with the reason for each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was canceled. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pendo Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search accounts by name, id, owner, stage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search contacts by name, e-mail, account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Pendo Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Pendo Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Pendo Bridge %1&lt;/b&gt;&lt;p&gt;Product-usage data from Pendo in a local customer-health workspace.&lt;/p&gt;&lt;p&gt;Workspace: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace %1 — %2 accounts, %3 contacts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>This workspace was written by a newer version of Pendo Bridge (schema version %1; this version knows up to %2). Update Pendo Bridge to open it, or choose another workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the migration %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the workspace to schema version %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot record schema version %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <source>Cannot load: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowValidator</name>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column &apos;%2&apos;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 fields as in the header, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the id is longer than 255 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad e-mail address &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad date &apos;%1&apos; (expected YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad number &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be negative (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad whole number &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown lifecycle stage &apos;%1&apos; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown account &apos;%1&apos;: import that account first or correct the id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate external id &apos;%1&apos; (first seen on line %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

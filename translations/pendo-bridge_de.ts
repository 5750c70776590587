<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountUsersModel</name>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active days (30 d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events (30 d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes (30 d)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountView</name>
    <message>
        <source>Active users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature adoption (30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No custom metrics are mapped for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has no computed health data yet. Run a sync, or wait for the recompute after the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product engagement score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 over the last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reached yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (page)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>ActivityExport</name>
    <message>
        <source>Cannot read the activity from the workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the export: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AggregationDecoder</name>
    <message>
        <source>the answer is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer has no &quot;results&quot; array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer&apos;s &quot;results&quot; at byte %1 is not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result row %1 (at byte %2) is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected content after the answer, at byte %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not valid JSON at byte %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AggregationsPanel</name>
    <message>
        <source>Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map this aggregation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Feature clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo account id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric set name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapped aggregations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rows for this account on this day. Try a day the account was active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo refused the pipeline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run canceled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ The pipeline is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to Pendo to run a dry run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the pipeline in Pendo for one day and one account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — values: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the metric set a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is mapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows: %L1. The columns were inferred from them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BandChangesModel</name>
    <message>
        <source>no stored score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored scores gave a different band on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored band</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>highlighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogChecklistModel</name>
    <message>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core in Pendo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read your Pendo catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo Bridge reads your apps, features, pages, guides, track events, reports and the accounts and visitors Pendo knows, so the next steps can show what will match and what will be mapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace could not store the catalog: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read %L1 features, %L2 pages, %L3 guides, %L4 track events and %L5 reports in %L6 apps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo knows %L1 accounts and %L2 visitors. Next: how they match your customers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogSync</name>
    <message>
        <source>Reading track types…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading Pendo accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading Pendo visitors…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the last 30 days of activity per visitor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the last 30 days of activity per account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the %1 metadata schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the catalog to the workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading apps…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <source>Export as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the picture to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliCommands</name>
    <message>
        <source>Run &apos;pendo-bridge-cli --help&apos; for usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &apos;%1&apos;. Run &apos;pendo-bridge-cli --help&apos; for usage.</source>
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
    <message>
        <source>Usage: pendo-bridge-cli match preview|apply, or contacts create-unmatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: pendo-bridge-cli catalog refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region addresses reset to Pendo&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region addresses set: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: pendo-bridge-cli workspace info | workspace region-urls &quot;us=URL,eu=URL&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid rows skipped: %1; they are in %2 with the reason for each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: pendo-bridge-cli activity export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json] [--out FILE]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a folder for the demo workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
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
  workspace region-urls SPEC  Point regions at other API addresses, &quot;us=URL,eu=URL&quot;
                           (proxies, resellers; &quot;&quot; resets); PENDO_BRIDGE_REGION_URLS wins
  connect --region R       Verify an integration key in region R (us, us1, eu, jp, au),
                           remember the region and store the key in the system keychain.
                           The key comes from --key-file, %2, or standard input.
      --base-url URL       A custom API address instead of a region (reseller or proxy)
  doctor                   Try the key in every region and report which accepts it, write
                           access, apps, whether aggregations and reports answer, and the
                           subscription&apos;s time zone
      --key-file PATH      Read the key from a file only you can read (chmod 600)
      --no-keychain        Neither read nor store the key in the system keychain
      --timeout SECONDS    Per-request time-out (default 30)
  catalog refresh          Read apps, features, pages, guides, track types, reports, metadata
                           schemas and Pendo&apos;s accounts and visitors into the workspace
  match preview            Match rates with the current rules (nothing is written)
  match apply              Resolve Pendo accounts and visitors to CS accounts and contacts
  contacts create-unmatched  Create contacts for unmatched visitors of matched accounts
  config export FILE       Write the whole integration configuration as readable JSON
  config import FILE       Validate a configuration file and save it as a new version
  sync                     Pull Pendo activity since the last run (the settle window again)
      --backfill-days N    Backfill the last N days (1-365, today included) instead
      --streams LIST       Only these streams: activity, features, pages, guides,
                           track_events, aggregations, reports (comma-separated)
                           Progress: a redrawn line on a terminal, plain lines in logs.
                           SIGINT or SIGTERM stops the run cleanly; the next run resumes it.
  status                   The last run (status, rows, failed windows, start, finish), the
                           covered days and whether a run is going now
  activity export          Raw daily activity with Pendo&apos;s ids, sorted, to standard output:
                           day,app,kind,item,visitor,account,events,minutes
      --from YYYY-MM-DD    First day (default: the first synced day)
      --to YYYY-MM-DD      Last day (default: the last synced day)
      --format csv|json    CSV (default) or a JSON array of objects, one per line
      --out FILE           Write to FILE instead (replaced only when complete)
  metrics export           Calculated fields, health score and band per account, app and day:
                           account,app,day,dau,wau,mau,events,minutes,events_30d,minutes_30d,
                           dau_mau,wau_mau,core_adoption,licence_utilisation,days_since_active,
                           pes_adoption,pes_stickiness,pes_growth,pes,health_score,health_band
      --account ID         Only this account (its external id)
      --from/--to YYYY-MM-DD, --format csv|json, --out FILE  as for activity export
  metrics recompute        Recompute the calculated fields and health scores (a sync does
                           this by itself); --full recomputes the whole history
  health show              The health model: inputs, weights, thresholds, versions
  health set --model FILE  Save a health model (JSON, as health show --json prints it) as a
                           new version, effective from --effective YYYY-MM-DD (default: the
                           last computed day); earlier days keep the scores they had
  health backtest          Replay a model (--model FILE, default the current one) over the
                           last --days N days (default 90): which accounts change band, when
  report --out DIR         The portfolio and every account view as PNG pictures, drawn as the
                           desktop app draws them (no display needed); --account ID for one
  demo                     Start pendo-sim, import its CRM export, connect (the key kept for
                           this run only), refresh the catalog, match and backfill; without
                           --workspace a new workspace in a temporary folder
      --days N             Days to backfill (default 90)
      --accounts N         Simulated customers (default 200)
      --offline            No simulator: only fill the bundled demo customers

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
  5  no integration key was given or found
  6  Pendo refused the key (wrong key, revoked, or another region&apos;s key)
  7  Pendo cannot be reached (connection refused, DNS, TLS, time-out)
  8  Pendo answered with errors (rate limit, server errors, broken answers)
  9  the key works but a check failed (apps, aggregations, reports, time zone)
 10  the key works but could not be stored (no keychain service)
 11  the sync completed, but some windows failed (the next run pulls them again)
 12  the sync did not complete for another reason (another run holds the workspace, ...)
130  the sync was stopped by SIGINT or SIGTERM (finished windows are kept)
  3  is also the code of an export file that cannot be written
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: pendo-bridge-cli report --out DIR [--account EXTERNAL_ID]</source>
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
    <name>ColumnMappingWidget</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes/no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
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
        <source>Assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id of the object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows belong to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the column that holds the id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one value column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigCommands</name>
    <message>
        <source>Cannot read the configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported configuration version %1 to %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid configuration; nothing was changed.
  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration is unchanged (version %1).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved configuration version %1.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: pendo-bridge-cli config export|import FILE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigStore</name>
    <message>
        <source>there is no configuration version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configuration version %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported configuration</source>
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
    <name>CoverageHeatmap</name>
    <message>
        <source>%1 · %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
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
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty: it has no header line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Nothing was imported; the workspace is as it was before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace refused the import: %1. Nothing was imported; the workspace is as it was before.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsRecordLabels</name>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
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
    <name>DashboardController</name>
    <message>
        <source>Recomputing account health…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account health recomputed for %L1 accounts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>← Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far back the backtest replays the current health model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backtest Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the health model over past days: which accounts change band, and when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portfolio cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account health yet: sync Pendo activity to compute it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardReport</name>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering the dashboards needs a QApplication (the offscreen platform will do).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>the folder %1 cannot be created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoCommand</name>
    <message>
        <source>%1: not imported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 imported, %3 invalid rows skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  … and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--days takes a number of days from 1 to %1, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--accounts takes a number from 1 to %1, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>== Pendo simulator with %1 customers on %2 (every region on loopback)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>== Importing the CRM export (invalid rows are skipped and listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>== Connected to the simulated US region; the key is kept for this run only (no keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>== Refreshing the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>== Matching: %1 of Pendo accounts and %2 of visitors reach a CRM account or contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>== Backfilling %n day(s) of history</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Demo summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  CRM records:   %1 accounts and %2 contacts imported (%3 and %4 invalid rows skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Match rate:    %1 of Pendo accounts, %2 of visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Backfill:      %1; %2 rows in, %3 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Covered days:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Health:        %1 green, %2 yellow, %3 red accounts (%4 without activity) on %5; MAU %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  Workspace:     %1</source>
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
    <name>DemoSimulator</name>
    <message>
        <source>The Pendo simulator could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Pendo simulator stopped (exit code %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Pendo simulator (pendo-sim) was not found next to this program.</source>
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
        <source>Demo: the Pendo simulator answers on %1; importing its CRM export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 imported, %3 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo customers — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo backfill did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DryRun</name>
    <message>
        <source>Not valid JSON at line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a day for the dry run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a Pendo account id for the dry run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo&apos;s answer has no result rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report&apos;s results are not a list of rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExplanationPanel</name>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise %1 from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower %1 from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No score: none of the health model&apos;s inputs has a value on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1 (%2) is the sum of the contributions: each input&apos;s points × its weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs the score %1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (biggest drag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To reach %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No single input reaches %1 on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the best band.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstValuePanel</name>
    <message>
        <source>Mark the milestones that show a customer got value — for example creating a first project or inviting a teammate. The first time an account uses one is recorded as its time to first value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-value events marked: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadlessKeySource</name>
    <message>
        <source>The key file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 can be read by other users; restrict it with &apos;chmod 600 %1&apos; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the key file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain service is running on this computer (common on headless Linux), so the integration key cannot be stored. For this run, provide it in the %1 environment variable, or in a key file that only you can read (chmod 600) given with --key-file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthBacktestView</name>
    <message>
        <source>Health model backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backtest failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2: %3 of %4 accounts would change band under this model; %5 differ from the stored scores.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthModel</name>
    <message>
        <source>The model has no inputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The band cut-offs must satisfy 0 &lt; yellow &lt; green ≤ 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown metric &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A custom metric input names no metric.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the weight must be above 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the thresholds (0, yellow, green, 100 points) must all rise or all fall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health model version %1 cannot be read: %2</source>
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
    <message>
        <source>Rows checked: %L1. All are valid and ready to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 of %L2 rows have problems. Fix the file or the mapping, or skip the invalid rows; nothing has been written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Further problems not listed: %L1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %L1 new, %L2 updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid rows skipped: %L1; they are in %2 with the reason for each.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntegrationConfig</name>
    <message>
        <source>missing or not a version number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 was written by a newer Pendo Bridge; this one reads up to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name &apos;%1&apos; is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use &quot;pendo&quot; (Pendo&apos;s core events) or a list of events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON at line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the configuration must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: entries edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stickiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown %1 &apos;%2&apos; (use %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non-text value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown kind &apos;%1&apos; (use %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>map at least one value column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the metric name &apos;%1&apos; is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an app id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an item id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pipeline must be a list of stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pipeline has no stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a stage has exactly one operator, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first stage must be a &apos;source&apos;, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only the first stage can be a &apos;source&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name exactly one source (e.g. featureEvents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an event source; a per-day metric needs one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an event source needs a timeSeries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing (use dayRange)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyDoctor</name>
    <message>
        <source>Trying the key in every region…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying the key at %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking apps, aggregations, reports and the time zone in %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to Pendo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo Bridge reads your product-usage data from Pendo with an integration key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;A Pendo administrator creates integration keys in Pendo under &lt;b&gt;Settings → Integrations → Integration Keys&lt;/b&gt;, with &lt;b&gt;Add Integration Key&lt;/b&gt;. Pendo shows a new key only once, so copy it right away.&lt;/p&gt;&lt;p&gt;&lt;b&gt;A read-only key is enough:&lt;/b&gt; leave &lt;i&gt;Allow Write Access&lt;/i&gt; unticked. Pendo Bridge only reads from Pendo and never changes anything there.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the integration key here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Integration key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next page checks the key with Pendo. Pendo Bridge keeps the key in your system&apos;s secure credential store, never in a file or a log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyPageController</name>
    <message>
        <source>The key contains a space or a line break. Copy it again from Pendo, without anything around it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key contains the character “%1”, which Pendo keys never have. Copy it again from Pendo.</source>
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
    <message>
        <source>Matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pendo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to Pendo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mappings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to Pendo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The matching rules could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching rules saved as configuration version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo catalog refreshed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog was not refreshed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to Pendo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region addresses ignored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo: %1 (key kept until you quit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep for This Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to Pendo. The key is kept until you quit Pendo Bridge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to Pendo, but the key was not kept: you will be asked for it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync Monitor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing: %1% — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingCatalog</name>
    <message>
        <source>Cannot read the Pendo catalog: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the Pendo apps: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mappings could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your changes to the mappings?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default mappings (not saved yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingEditor</name>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggregations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engagement score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-value events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mappings could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not mapped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Map Pendo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose which features, pages, guides and events become activities and metrics. The defaults map all features and pages as user activities; you can change this at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mappings chosen in the setup wizard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mappings could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchCommands</name>
    <message>
        <source>%1 %2% matched — %3 matched, %4 unmatched, %5 ambiguous (of %6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM accounts without Pendo data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a CRM row skipped on import (line %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ambiguous: %1 is claimed by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed in %1 ms; nothing was written. Run &apos;match apply&apos; to use these rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot apply the matching rules: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolutions written: accounts %1 matched, %2 unmatched, %3 ambiguous; contacts %4 matched, %5 unmatched, %6 ambiguous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create contacts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 contacts for unmatched visitors of matched accounts (marked as created by the integration).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchFieldCatalog</name>
    <message>
        <source>Account ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail (agent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchKeyEditor</name>
    <message>
        <source>Trim spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value Pendo has for the object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field of your customer records it must equal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore spaces before and after the value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treat &quot;ACME-1&quot; and &quot;acme-1&quot; as the same value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>equals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchRateCard</name>
    <message>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing from Pendo yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; matched &amp;nbsp;·&amp;nbsp; &lt;b&gt;%2&lt;/b&gt; unmatched &amp;nbsp;·&amp;nbsp; &lt;b&gt;%3&lt;/b&gt; ambiguous &amp;nbsp;·&amp;nbsp; %4 in all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchRules</name>
    <message>
        <source>the account rule needs a Pendo field and a CS field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every contact rule needs a Pendo field and a CS field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchWorkbench</name>
    <message>
        <source>Identity matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How Pendo accounts and visitors attach to your accounts and contacts. The figures show the outcome before anything syncs, and every choice here can be changed later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitors → contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created 1 contact, marked as created by the integration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 contacts, marked as created by the integration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Pendo account belongs to the CS account whose field equals its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match visitors to contacts as well as accounts (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules are tried in order; the first that finds a contact decides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Future syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create contacts for unknown visitors of matched accounts on future syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off by default. When on, each sync adds a contact for a visitor that no rule matches if the visitor&apos;s account is matched, and marks it as created by the integration. Visitors of unmatched accounts are never added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by account id or name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by visitor id, e-mail or account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tried in this order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try this rule earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try this rule later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 of your accounts has no Pendo account yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of your accounts have no Pendo account yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitors are not matched: the rules match accounts only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched accounts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched visitors (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggestions: looser rules would not match more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create 1 contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create %1 contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for unmatched visitors whose account matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unmatched visitor of a matched account needs a contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking matches…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create 1 contact for an unmatched visitor of a matched account?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create %1 contacts for unmatched visitors of matched accounts?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each becomes a contact of the account its visitor uses, with the visitor&apos;s e-mail and name, marked as created by the integration. You can edit or delete them like any other contact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchWorkbenchController</name>
    <message>
        <source>The matches could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contacts were created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules could not be applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Matcher</name>
    <message>
        <source>1 more account matches if case is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more accounts match if case is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 more account matches if spaces around ids are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more accounts match if spaces around ids are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 unmatched visitor matches a contact by e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unmatched visitors match a contact by e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 more visitor matches a contact if case is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more visitors match a contact if case is ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 unmatched visitor belongs to a matched account: create a contact for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unmatched visitors belong to matched accounts: create contacts for them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchingPage</name>
    <message>
        <source>Match Pendo to your customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check how Pendo accounts and visitors attach to your accounts and contacts before the first sync. Every choice can be changed later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricFields</name>
    <message>
        <source>DAU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events (30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes (30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stickiness (DAU/MAU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stickiness (WAU/MAU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core-feature adoption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days since last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PES adoption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PES stickiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PES growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <comment>days, abbreviated</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricsCommands</name>
    <message>
        <source>The recompute did not complete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to compute yet: no activity has been synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recomputed %1 (%2): %3 accounts, %4 to %5, %6 rows and %7 health scores in %8 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incrementally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading %1 ms, writing %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: pendo-bridge-cli metrics export [--account EXTERNAL_ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json] [--out FILE], or metrics recompute [--full]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: pendo-bridge-cli health show | health set --model FILE [--effective YYYY-MM-DD] | health backtest [--model FILE] [--days N]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--from and --to take a day as YYYY-MM-DD, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--from %1 is after --to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format takes csv or json, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calculated fields for account &quot;%1&quot; in that range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health model version %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bands: red below %1, yellow below %2, green from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1  weight %2  points 0/40/70/100 at %3 / %4 / %5 / %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1: %2, effective %3, by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a health model (JSON object): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health set needs --model FILE (a JSON health model, as health show --json prints).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--effective takes a day as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health model was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved health model version %1, effective %2; recomputing the scores…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--days takes a number of days from 1 to 3650.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed over %1 to %2: %3 of %4 accounts would have changed band; %5 differ from the stored scores.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricsExport</name>
    <message>
        <source>The calculated fields cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>Cannot read the migration %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrading to schema version %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record schema version %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputTarget</name>
    <message>
        <source>Cannot write to standard output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendoCommands</name>
    <message>
        <source>Integration key: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No integration key: set %1, pass --key-file, or store one with &apos;pendo-bridge-cli connect&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a region with --region us|us1|eu|jp|au, or give --base-url URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No integration key given: pass it on standard input, in %1, or with --key-file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To try the key in every region, run: pendo-bridge-cli doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key works, but the workspace cannot record the region: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to Pendo (%1, %2) with a %3 key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not stored (--no-keychain); provide it in %1 or with --key-file when you sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was verified but not stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region  Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepts the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejects the key (not this key&apos;s region, or a wrong key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No region accepts this key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo region:  %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write access:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes (a read-only key would be enough)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no (read-only key; enough for Pendo Bridge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apps:          %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggregations:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports:       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer (%1 saved reports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone:     %1 (day buckets start at %2 in January, %3 in July)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone:     unknown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is not connected to Pendo yet: run &apos;pendo-bridge-cli connect --region R&apos; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog was not refreshed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog was read but the workspace refused it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog refreshed: %1 features, %2 pages, %3 guides, %4 track types, %5 reports in %6 apps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes: %1 new, %2 renamed, %3 no longer in Pendo (kept, marked deleted), %4 back again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo identities: %1 accounts, %2 visitors; %3 metadata fields.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PendoError</name>
    <message>
        <source>No error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo did not accept the integration key in this region. The key is wrong, revoked, or belongs to a subscription in another region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo refused the request as unauthorized.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo rejected the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo does not know a stage of the aggregation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo has no such object (or the key may not see it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo could not process the request body: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo is limiting the request rate (HTTP 429).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo had a server error (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An error page came back instead of data (HTTP %1), probably from a proxy or during maintenance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection was refused: nothing is listening at that address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Pendo host name could not be resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure (TLS) connection could not be established.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network connection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from Pendo was cut off before its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from Pendo is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo&apos;s address redirected to another host; the key was not sent there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the key (Pendo: Settings → Integrations → Integration Keys) and the region, or use Detect automatically to try every region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new integration key in Pendo and enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the aggregation or mapping that sent this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item may have been deleted in Pendo; refresh the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a moment; syncs retry automatically with increasing pauses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usually temporary: try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again; for large syncs use smaller day windows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the region or custom URL and your network or proxy settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the system clock, proxy and certificate settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again; if it persists, a proxy may be altering the answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the final API address as a custom URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PesPanel</name>
    <message>
        <source>Use the core events marked in Pendo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose core events here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAU / MAU — daily users out of monthly users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAU / MAU — weekly users out of monthly users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAU / WAU — daily users out of weekly users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Product Engagement Score averages adoption (how many core events active users use), stickiness and growth. Choose what counts as a core event and how stickiness is measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stickiness:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Core events for adoption&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items marked as core events in Pendo: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core events chosen: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortfolioModel</name>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No health score yet: none of the model&apos;s inputs has a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2); over 7 days %3, over 30 days %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health score (0–100) with its direction over the last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAU / MAU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product engagement score (0–100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct active users in the last 30 / 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stickiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licences used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <source>Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No score yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARR at risk (red)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly active users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only accounts that renew between today and this many days from today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, ID or owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renews within:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no health data computed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yellow: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accounts shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2 accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Search features, pages and track events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recompute</name>
    <message>
        <source>Reading activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recompute cannot read its inputs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recompute cannot read the stored fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recompute was canceled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recompute cannot read the activity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results cannot be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
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
        <source>Records: %L1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records: %L1 of %L2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegionPage</name>
    <message>
        <source>Region of your Pendo subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Detect automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find your subscription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each Pendo subscription lives in one region, and its key works only there. Choose the region and press Verify, or let Pendo Bridge detect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://pendo.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For subscriptions with an address of their own, or a company proxy in front of Pendo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tries the key in every region at once and selects the one that accepts it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks the key with the selected region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sure? Detect automatically tries the key in every region at once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegionPageController</name>
    <message>
        <source>Try again. If it keeps happening, check your network or proxy settings, and that the address is right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a minute, then verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address does not answer like Pendo. Check the custom URL, or choose one of the regions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a web address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter only the address of the Pendo host, without a user name, “?” or “#” part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an https:// address: the key must never travel unencrypted. Plain http:// is accepted only for this computer (localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No region accepted the key, so the key itself is wrong: mistyped, revoked or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key again from Pendo (Settings → Integrations → Integration Keys) or add a new one there. If your subscription has an address of its own, enter it as a custom URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No region accepted the key, and some could not be asked:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the key with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying the key in every region at once (%1 of %2 answered)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found it: your subscription is in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo accepted the key in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was canceled, so nothing is verified yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key may also change data in Pendo. Pendo Bridge only reads, so a read-only key would be enough.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is read-only, which is all Pendo Bridge needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Verify or Detect automatically to check again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegionTable</name>
    <message>
        <source>US</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Europe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Australia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not REGION=URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown region &apos;%1&apos; (known: us, us1, eu, jp, au)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must use HTTPS (plain HTTP is accepted only for this computer&apos;s loopback address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workspace setting %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>Usage: pendo-bridge-cli report --out DIR [--account EXTERNAL_ID]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portfolio cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account with the external id &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the portfolio (%1 accounts) and %2 account view(s) to %3 in %4 ms.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map this report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the rows of a saved Pendo report into custom metrics: preview the report, choose the column with the account or visitor id and the columns to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapped reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to Pendo to preview reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved reports in the catalog yet — refresh the Pendo catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the report from Pendo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a report first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is mapped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows in the report: %L1.</source>
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
<context>
    <name>SchedulePanel</name>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled sync:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: sync by hand, or from cron or systemd with the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs while Pendo Bridge is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: %1 (while Pendo Bridge is open)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up Pendo Bridge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>schema version %1; this version of Pendo Bridge knows up to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another program is writing to it and did not finish in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file or its folder is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not a Pendo Bridge workspace, or it is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it was written by a newer version of Pendo Bridge; update Pendo Bridge to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be opened (check that its folder exists and that you may read it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the change was canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database refused the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the workspace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to the workspace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StreamPanel</name>
    <message>
        <source>Map Pendo features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map Pendo pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map Pendo guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map Pendo track events</source>
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
        <source>Assets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User activities — daily events and minutes per contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep apps separate (split by app)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Combine all apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or product area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the items of one app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map every item, including items tagged later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map the items Pendo marks as core events, including ones marked later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lands as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom metrics per day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per %2 and day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all items, including ones tagged later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>core events only, as Pendo marks them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the items ticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No items in the catalog yet — refresh the Pendo catalog. Mapping: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 of %L2 selected — %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message>
        <source>--backfill-days takes a number of days from 1 to %1, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--streams: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--streams needs at least one stream, e.g. --streams activity,features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is not connected to Pendo yet: run &apos;pendo-bridge-cli connect --region R&apos; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the sync (signal %1); finished windows are kept and the next run resumes the rest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (provisional from %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync %1: %2 rows in, %3 skipped, %4 failed windows; covered days %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed windows are pulled again by the next run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync has run in this workspace yet: run &apos;pendo-bridge-cli sync&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run:        #%1 %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started:         %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished:        %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows:            %1 in, %2 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed windows:  %1 in the last run, %2 waiting to be pulled again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covered days:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisional:     from %1 (pulled again until older than the settle window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running now:     %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--from and --to take a day as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--from %1 is after --to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format takes csv or json, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 activity rows (%2 to %3) to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No activity in that range; %1 holds no rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>a sync is already running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncLogModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncMonitor</name>
    <message>
        <source>Sync Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull what is new since the last run (and the settle window again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backfill the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backfill…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate, then pull every day of the range that is not synced for good yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run: finished windows are kept and the next run picks up the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo ids whose activity reaches no CS record, busiest first. Double-click one to work on it in the matching workbench.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Matching Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about 59 min 59 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n failed)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in, %2 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 in flight)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Coverage — the last %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No activity synced yet in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity synced from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed windows are pulled again by the next run.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backfill</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Backfill the last %n days?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every day from %1 to %2 is already synced: there is nothing to pull.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days: %1 – %2
Windows to pull: %3 (%4 already synced are skipped)
Apps: %5
Requests: about %6
Estimated time: %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Backfill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncMonitorController</name>
    <message>
        <source>estimating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync history could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceling the sync: finished windows are kept, the next run picks up the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPresentation</name>
    <message>
        <source>synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provisional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backfill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggregation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncRunStore</name>
    <message>
        <source>another sync is running on this workspace (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncRunSummary</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>completed with %n failed window(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canceled (the next run resumes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted (the next run resumes it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncRunsModel</name>
    <message>
        <source>Windows done of planned: one window is one stream of one app on one day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo visitors and accounts whose activity reaches no CS record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Backfill (%n days)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 visitors, %2 accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n windows split into hours after a time-out</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Days %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStream</name>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggregations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown stream &quot;%1&quot; (use activity, features, pages, guides, track_events, aggregations or reports)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncUnmatchedModel</name>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ambiguous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not resolved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several CS records have the same key: its activity attaches once one remains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching has not looked at this id yet; the next run resolves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CS record has this key. Its activity is kept and attaches as soon as a rule matches it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncWorker</name>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another sync is running on this workspace (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another sync took over this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the subscription&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the subscription&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo has no activity to tell the time zone by; days are UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subscription&apos;s days start at midnight %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo refused the key while the catalog was refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog could not be refreshed (%1); syncing with the catalog as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo lists no apps for this subscription yet: refresh the catalog first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> It resumes run %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling %1 window(s) from %2 to %3 (%4 already synced).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo asked to slow down (429): waiting %1 s, %2 request(s) in flight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo refused the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2: failed after retries (%3); it is pulled again next run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2: the day timed out and was pulled hour by hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · app %3: %Ln row(s)%4</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Created %n contact(s) for new end users.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Counting unmatched activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unmatched report could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled: finished windows are kept, the next run picks up the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2: Pendo failed and answered on a retry (%3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeSeriesChart</name>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnmatchedListView</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ambiguous only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which unmatched rows to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every Pendo account matches exactly one CS account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every Pendo visitor matches exactly one contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events and minutes are the last 30 days of activity. Highlighted rows are ambiguous: point at one to see which records claim it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnmatchedModel</name>
    <message>
        <source>This Pendo account matches one of your accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Pendo account does not match any of your accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendo visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ambiguous: %n records claim it</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CS accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced until one record remains. These %1 have the same key: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No CS account has this key. Its usage is kept and attaches as soon as a rule matches it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact has this key, and the visitor&apos;s account is not matched either.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact has this key. Its account is matched, so a contact can be created for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a row skipped on line %1 of the last import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceSession</name>
    <message>
        <source>No stored integration key: use Pendo → Connect to Pendo… first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected to Pendo yet: use Pendo → Connect to Pendo… first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace cannot record the region: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to Pendo. The key is in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no keychain to keep the integration key safely, so Pendo Bridge cannot remember it after you close the app. You can keep it for this session only: you will be asked for it again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key works but could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching rules edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sync is already running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceWriter</name>
    <message>
        <source>the workspace is closing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

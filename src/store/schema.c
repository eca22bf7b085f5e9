/*
 * store/schema: the studio database schema and its forward migrations.
 *
 * PRAGMA user_version is the number of migrations applied.  A migration is
 * appended, never edited, once it has shipped; store_migrate() applies the
 * missing ones in one transaction each.  A database newer than this program
 * is refused rather than misread.
 */
#include "config.h"

#include <stdlib.h>

#include "store/schema.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define NOW "(strftime('%Y-%m-%dT%H:%M:%SZ','now'))"

static const char *const migrations[] = {
	/* 1: the whole studio of DESIGN §1. */
	"CREATE TABLE organizations ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  code TEXT UNIQUE,"
	"  created_at TEXT NOT NULL DEFAULT " NOW ");"

	"CREATE TABLE clients ("
	"  id INTEGER PRIMARY KEY,"
	"  org_id INTEGER REFERENCES organizations(id),"
	"  first_name TEXT NOT NULL DEFAULT '',"
	"  last_name TEXT NOT NULL,"
	"  student_id TEXT,"
	"  grade TEXT, teacher TEXT, homeroom TEXT,"
	"  email TEXT, phone TEXT, guardian TEXT,"
	"  created_at TEXT NOT NULL DEFAULT " NOW ","
	"  updated_at TEXT NOT NULL DEFAULT " NOW ","
	"  UNIQUE (org_id, student_id));"
	"CREATE INDEX clients_by_name ON clients(last_name, first_name);"

	/* Delivery grants: who may download which images (DESIGN §1.9). */
	"CREATE TABLE delivery_grants ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL DEFAULT '',"
	"  scope TEXT NOT NULL CHECK (scope IN ('session_images',"
	"    'ordered_images', 'selected_images', 'non_composite',"
	"    'image_group', 'ordered_image')),"
	"  group_name TEXT,"
	"  long_side INTEGER,"
	"  watermark INTEGER NOT NULL DEFAULT 0,"
	"  copyright_release INTEGER NOT NULL DEFAULT 0);"

	"CREATE TABLE session_types ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  minutes INTEGER NOT NULL DEFAULT 3,"
	"  auto_group TEXT,"
	"  grant_id INTEGER REFERENCES delivery_grants(id));"

	"CREATE TABLE statuses ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  position INTEGER NOT NULL UNIQUE,"
	"  on_enter TEXT);"		/* job kind queued on entering */

	"CREATE TABLE sessions ("
	"  id INTEGER PRIMARY KEY,"
	"  number INTEGER NOT NULL UNIQUE CHECK (number > 0),"
	"  client_id INTEGER REFERENCES clients(id),"
	"  org_id INTEGER REFERENCES organizations(id),"
	"  type_id INTEGER REFERENCES session_types(id),"
	"  starts_at TEXT,"		/* local 'YYYY-MM-DD HH:MM' */
	"  minutes INTEGER,"
	"  status_id INTEGER NOT NULL REFERENCES statuses(id),"
	"  grant_id INTEGER REFERENCES delivery_grants(id),"
	"  notes TEXT,"
	"  created_at TEXT NOT NULL DEFAULT " NOW ","
	"  updated_at TEXT NOT NULL DEFAULT " NOW ");"
	"CREATE INDEX sessions_by_client ON sessions(client_id);"
	"CREATE INDEX sessions_by_org ON sessions(org_id, number);"
	"CREATE INDEX sessions_by_status ON sessions(status_id, number);"

	/* Numbers handed out never come back, even after a delete. */
	"CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);"
	"INSERT INTO counters VALUES ('session_number', 1000);"

	"CREATE TABLE session_history ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	"  at TEXT NOT NULL DEFAULT " NOW ","
	"  user TEXT NOT NULL,"
	"  what TEXT NOT NULL,"		/* 'status', 'schedule', 'created', … */
	"  old_value TEXT, new_value TEXT);"
	"CREATE INDEX session_history_by_session ON session_history(session_id);"

	"CREATE TABLE images ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES sessions(id),"
	"  path TEXT NOT NULL UNIQUE,"	/* relative to the studio folder */
	"  source_path TEXT,"
	"  sha256 TEXT NOT NULL,"
	"  bytes INTEGER NOT NULL DEFAULT 0,"
	"  width INTEGER, height INTEGER,"
	"  orientation INTEGER NOT NULL DEFAULT 1,"
	"  captured_at TEXT,"
	"  camera TEXT,"
	"  is_marker INTEGER NOT NULL DEFAULT 0,"
	"  selected INTEGER NOT NULL DEFAULT 0,"
	"  is_composite INTEGER NOT NULL DEFAULT 0,"
	"  preview_path TEXT,"
	"  imported_at TEXT NOT NULL DEFAULT " NOW ","
	"  UNIQUE (session_id, sha256));"
	"CREATE INDEX images_by_session ON images(session_id, captured_at);"
	"CREATE INDEX images_without_preview ON images(id) WHERE preview_path IS NULL;"

	"CREATE TABLE image_groups ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL,"
	"  auto INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (session_id, name));"
	"CREATE TABLE image_group_members ("
	"  group_id INTEGER NOT NULL REFERENCES image_groups(id) ON DELETE CASCADE,"
	"  image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (group_id, image_id)) WITHOUT ROWID;"

	"CREATE TABLE price_lists ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE);"
	"CREATE TABLE price_list_items ("
	"  id INTEGER PRIMARY KEY,"
	"  price_list_id INTEGER NOT NULL REFERENCES price_lists(id),"
	"  code TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  price_cents INTEGER NOT NULL DEFAULT 0,"
	"  kind TEXT NOT NULL DEFAULT 'print' CHECK (kind IN ('print',"
	"    'digital', 'package', 'other')),"
	"  width_in REAL, height_in REAL, dpi INTEGER,"	/* print settings */
	"  grant_id INTEGER REFERENCES delivery_grants(id),"	/* digital */
	"  UNIQUE (price_list_id, code));"

	"CREATE TABLE invoices ("
	"  id INTEGER PRIMARY KEY,"
	"  number TEXT NOT NULL UNIQUE,"
	"  client_id INTEGER REFERENCES clients(id),"
	"  session_id INTEGER REFERENCES sessions(id),"
	"  invoice_date TEXT,"
	"  subtotal_cents INTEGER NOT NULL DEFAULT 0,"
	"  tax_cents INTEGER NOT NULL DEFAULT 0,"
	"  shipping_cents INTEGER NOT NULL DEFAULT 0,"
	"  total_cents INTEGER NOT NULL DEFAULT 0,"
	"  source TEXT,"
	"  created_at TEXT NOT NULL DEFAULT " NOW ");"
	"CREATE INDEX invoices_by_session ON invoices(session_id);"
	"CREATE TABLE invoice_lines ("
	"  id INTEGER PRIMARY KEY,"
	"  invoice_id INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,"
	"  item_id INTEGER REFERENCES price_list_items(id),"
	"  item_code TEXT,"
	"  description TEXT,"
	"  quantity INTEGER NOT NULL DEFAULT 1,"
	"  unit_cents INTEGER NOT NULL DEFAULT 0,"
	"  image_id INTEGER REFERENCES images(id));"

	"CREATE TABLE production_orders ("
	"  id INTEGER PRIMARY KEY,"
	"  invoice_id INTEGER NOT NULL UNIQUE REFERENCES invoices(id),"
	"  state TEXT NOT NULL DEFAULT 'new',"
	"  created_at TEXT NOT NULL DEFAULT " NOW ","
	"  rendered_at TEXT);"
	"CREATE TABLE production_items ("
	"  id INTEGER PRIMARY KEY,"
	"  order_id INTEGER NOT NULL REFERENCES production_orders(id) ON DELETE CASCADE,"
	"  invoice_line_id INTEGER REFERENCES invoice_lines(id),"
	"  image_id INTEGER REFERENCES images(id),"
	"  item_id INTEGER REFERENCES price_list_items(id),"
	"  quantity INTEGER NOT NULL DEFAULT 1,"
	"  output_path TEXT,"
	"  state TEXT NOT NULL DEFAULT 'new');"

	/* The job queue (DESIGN §2): claimed by lease. */
	"CREATE TABLE jobs ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL,"
	"  title TEXT NOT NULL DEFAULT '',"
	"  payload TEXT NOT NULL DEFAULT '{}',"	/* JSON */
	"  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued',"
	"    'running', 'done', 'failed', 'cancelled')),"
	"  done INTEGER NOT NULL DEFAULT 0,"
	"  total INTEGER NOT NULL DEFAULT 0,"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  last_error TEXT,"
	"  lease_owner TEXT,"		/* 'host:pid:thread' */
	"  lease_expires INTEGER,"	/* unix seconds */
	"  created_at TEXT NOT NULL DEFAULT " NOW ","
	"  updated_at TEXT NOT NULL DEFAULT " NOW ","
	"  finished_at TEXT);"
	"CREATE INDEX jobs_by_state ON jobs(state, id);"
	/* Steps a job has finished, for jobs whose steps are not visible in
	 * the tables they change. */
	"CREATE TABLE job_steps ("
	"  job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,"
	"  step TEXT NOT NULL,"
	"  PRIMARY KEY (job_id, step)) WITHOUT ROWID;"

	"CREATE TABLE mail_log ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER REFERENCES sessions(id),"
	"  client_id INTEGER REFERENCES clients(id),"
	"  kind TEXT NOT NULL,"		/* 'schedule', … */
	"  to_addr TEXT NOT NULL,"
	"  starts_at TEXT,"		/* what the mail announced */
	"  state TEXT NOT NULL CHECK (state IN ('sent', 'failed')),"
	"  error TEXT,"
	"  at TEXT NOT NULL DEFAULT " NOW ");"
	"CREATE INDEX mail_log_by_session ON mail_log(session_id, kind);"

	"CREATE TABLE preferences (key TEXT PRIMARY KEY, value TEXT);"

	/* Defaults a new studio starts with. */
	"INSERT INTO statuses(name, position, on_enter) VALUES"
	"  ('Booked', 1, NULL), ('Photographed', 2, NULL),"
	"  ('Images Imported', 3, NULL), ('Image Upload', 4, 'upload'),"
	"  ('Online', 5, NULL), ('Ordered', 6, NULL),"
	"  ('In Production', 7, NULL), ('Complete', 8, NULL);"
	"INSERT INTO session_types(name, minutes) VALUES ('Picture Day', 3),"
	"  ('Retake', 3), ('Sports', 2), ('Event', 5);"
	"INSERT INTO preferences(key, value) VALUES"
	"  ('preview.long_side', '1024'), ('preview.watermark', 'PROOF'),"
	"  ('mail.from', 'studio@localhost'),"
	"  ('mail.schedule.subject', 'Picture day: {date} at {time}'),"
	"  ('mail.schedule.body', 'Dear {guardian},\n\n{first_name} {last_name}"
	" is booked for picture day at {organization} on {date} at {time}."
	"\nSession number: {number}.\n');",

	/* 2: the orders the TUI's lists sort by (store/lists.c), each held
	 * by an index so that paging through them never sorts. */
	"CREATE INDEX clients_by_first ON clients(first_name, last_name);"
	"CREATE INDEX clients_by_student ON clients(student_id);"
	"CREATE INDEX clients_by_grade ON clients(grade, last_name, first_name);"
	"CREATE INDEX clients_by_teacher ON clients(teacher, last_name,"
	"  first_name);"
	"CREATE INDEX sessions_by_start ON sessions(starts_at, number);",

	/* 3: names and grades sort as a person expects (store/collate.h):
	 * sort keys the program fills in, and the indexes on them. */
	"ALTER TABLE clients ADD COLUMN name_key TEXT;"
	"ALTER TABLE clients ADD COLUMN first_key TEXT;"
	"ALTER TABLE clients ADD COLUMN grade_key TEXT;"
	"DROP INDEX clients_by_name;"
	"DROP INDEX clients_by_first;"
	"DROP INDEX clients_by_grade;"
	"DROP INDEX clients_by_teacher;"
	"CREATE INDEX clients_by_name ON clients(name_key);"
	"CREATE INDEX clients_by_first ON clients(first_key);"
	"CREATE INDEX clients_by_grade ON clients(grade_key, name_key);"
	"CREATE INDEX clients_by_teacher ON clients(teacher, name_key);",

	/* 4: price lists and invoices (stage 7): n-up sheets and packages
	 * of an item, what was paid, each line's amount as the file gave it,
	 * the counter of manual invoices, the mapping templates of the
	 * Invoice Import, and the indexes the Invoices hub pages by. */
	"ALTER TABLE price_list_items ADD COLUMN sheet_width_in REAL;"
	"ALTER TABLE price_list_items ADD COLUMN sheet_height_in REAL;"
	"ALTER TABLE price_list_items ADD COLUMN contains TEXT;"
	"CREATE INDEX price_list_items_by_code ON price_list_items(code,"
	"  price_list_id);"
	"ALTER TABLE invoices ADD COLUMN paid_cents INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE invoice_lines ADD COLUMN amount_cents INTEGER NOT NULL"
	"  DEFAULT 0;"
	"CREATE INDEX invoice_lines_by_invoice ON invoice_lines(invoice_id);"
	"CREATE INDEX invoices_by_client ON invoices(client_id);"
	"CREATE INDEX invoices_by_date ON invoices(invoice_date, number);"
	"CREATE TABLE invoice_maps ("
	"  name TEXT PRIMARY KEY COLLATE NOCASE,"
	"  map TEXT NOT NULL);"		/* 'Header=field\n...' */
	"INSERT INTO counters VALUES ('invoice_number', 0);"
	/* How people see money (the TUI): "$1,234.50". */
	"INSERT OR IGNORE INTO preferences(key, value) VALUES"
	"  ('money.symbol', '$'), ('money.thousands', ','),"
	"  ('money.decimal', '.');",

	/* 5: the names each school export (pspa, sis) last wrote, so the next
	 * one can report the names that changed since (store/pose.c). */
	"CREATE TABLE export_names ("
	"  kind TEXT NOT NULL,"
	"  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,"
	"  first_name TEXT NOT NULL,"
	"  last_name TEXT NOT NULL,"
	"  PRIMARY KEY (kind, client_id)) WITHOUT ROWID;",

	/* 6: Image Upload (stage 6).  Every file that reached a target, keyed
	 * by the target (its URL without credentials) and the remote path, so
	 * a file never goes twice; upload_inflight holds the files a run had
	 * started and not finished (checked on the target before a resend). */
	"CREATE TABLE uploads ("
	"  id INTEGER PRIMARY KEY,"
	"  session_id INTEGER NOT NULL REFERENCES sessions(id),"
	"  image_id INTEGER REFERENCES images(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('hires', 'preview', 'manifest')),"
	"  path TEXT NOT NULL,"		/* local, relative to the studio */
	"  target TEXT NOT NULL,"
	"  remote TEXT NOT NULL,"	/* under the target: 1001/hires/NAME */
	"  bytes INTEGER NOT NULL,"
	"  sha256 TEXT NOT NULL,"
	"  uploaded_at TEXT NOT NULL DEFAULT " NOW ","
	"  UNIQUE (target, remote));"
	"CREATE INDEX uploads_by_session ON uploads(session_id, remote);"
	"CREATE TABLE upload_inflight ("
	"  target TEXT NOT NULL,"
	"  remote TEXT NOT NULL,"
	"  bytes INTEGER NOT NULL,"
	"  started_at TEXT NOT NULL DEFAULT " NOW ","
	"  PRIMARY KEY (target, remote)) WITHOUT ROWID;"
	/* The running upload's transfer, for the Control Center: bytes in
	 * this run, unix seconds, the last transient problem. */
	"CREATE TABLE upload_runs ("
	"  job_id INTEGER PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,"
	"  bytes_done INTEGER NOT NULL, bytes_total INTEGER NOT NULL,"
	"  started REAL NOT NULL, updated REAL NOT NULL, problem TEXT);",

	/* 7: production (stage 8): an image's crop as a normalised rectangle
	 * (0-1 of the upright picture, NULL: centred), the lab-safe file name
	 * of each print of an order, and when an order shipped. */
	"ALTER TABLE images ADD COLUMN crop_x REAL;"
	"ALTER TABLE images ADD COLUMN crop_y REAL;"
	"ALTER TABLE images ADD COLUMN crop_w REAL;"
	"ALTER TABLE images ADD COLUMN crop_h REAL;"
	"ALTER TABLE production_items ADD COLUMN file TEXT;"
	"ALTER TABLE production_orders ADD COLUMN shipped_at TEXT;"
	"CREATE INDEX production_items_by_order ON production_items(order_id);",

	/* 8: digital delivery (stage 9): a session's publishing token (kept
	 * until a new one is asked for) and the URL it was published at. */
	"ALTER TABLE sessions ADD COLUMN delivery_token TEXT;"
	"ALTER TABLE sessions ADD COLUMN delivery_url TEXT;"
	"CREATE UNIQUE INDEX sessions_by_delivery_token ON"
	"  sessions(delivery_token) WHERE delivery_token IS NOT NULL;",

	/* 9: teachers and staff are clients too (issue 12): role NULL is a
	 * student; a title ("Principal", "Grade 3 Teacher") and a priority
	 * (1 first) order them on the yearbook volume and the composites. */
	"ALTER TABLE clients ADD COLUMN role TEXT"
	"  CHECK (role IN ('teacher', 'staff'));"
	"ALTER TABLE clients ADD COLUMN title TEXT;"
	"ALTER TABLE clients ADD COLUMN priority INTEGER"
	"  CHECK (priority BETWEEN 1 AND 999);",

	/* 10: production: the crop editor turns a picture by quarter turns
	 * (degrees clockwise, 0 90 180 270) before its crop rectangle, which
	 * is then of the turned picture. */
	"ALTER TABLE images ADD COLUMN crop_rot INTEGER NOT NULL DEFAULT 0;",

	/* 11: the running upload per session, in words, for the Control
	 * Center ("1001: 12 of 25 files, 40.1 of 108.0 MB; ..."). */
	"ALTER TABLE upload_runs ADD COLUMN sessions TEXT;",

	/* 12: production: the folder an order was last rendered to (absolute),
	 * for the Production hub and `production list`. */
	"ALTER TABLE production_orders ADD COLUMN render_dir TEXT;",
};

#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int
store_schema_version(void)
{
	return NMIGRATIONS;
}

static int
schema_user_version(sqlite3 *db)
{
	sqlite3_stmt *s;
	int v = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) !=
	    SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

static int
schema_exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static void
schema_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		(void)schema_exec(db, "ROLLBACK");
}

int
store_migrate(sqlite3 *db, char **cause)
{
	int v;

	for (;;) {
		char *sql;

		if (schema_exec(db, "BEGIN IMMEDIATE") != 0) {
			*cause = xasprintf(_("studio database is locked: %s"),
			    sqlite3_errmsg(db));
			return -1;
		}
		v = schema_user_version(db);
		if (v < 0 || v > NMIGRATIONS) {
			schema_rollback(db);
			*cause = v < 0 ? xasprintf(_("not a picday studio "
			    "database: %s"), sqlite3_errmsg(db)) :
			    xasprintf(_("studio database is version %d, newer "
			    "than this picday (%d): upgrade picday"), v,
			    NMIGRATIONS);
			return -1;
		}
		if (v == NMIGRATIONS) {
			schema_rollback(db);
			return 0;
		}
		sql = xasprintf("%s; PRAGMA user_version = %d;", migrations[v],
		    v + 1);
		if (schema_exec(db, sql) != 0 || schema_exec(db, "COMMIT") != 0) {
			*cause = xasprintf(_("cannot migrate studio database "
			    "to version %d: %s"), v + 1, sqlite3_errmsg(db));
			free(sql);
			schema_rollback(db);
			return -1;
		}
		free(sql);
	}
}

# tests/tui/studio.sh: sourced by the TUI tests after tests/lib.sh.
# make_studio: creates $STUDIO (its database made by picday itself), then
# fills it with sqlite3: two organizations, clients with UTF-8 names, one
# session each, and jobs in several states.
need sqlite3 tmux

make_studio() {
	pd jobs list >/dev/null 2>&1 || true
	if [ ! -f "$STUDIO/picday.db" ]; then
		# No command made it: let the TUI create it, then quit.
		tui_start
		wait_for 'Clients' || return 1
		keys q
		tui_stop
	fi
	sqlite3 "$STUDIO/picday.db" <<'SQL'
PRAGMA foreign_keys = ON;
BEGIN;
INSERT INTO organizations(id, name, code) VALUES
  (1, 'Lincoln High', 'LHS'), (2, 'Escuela Núñez', 'EN');
INSERT INTO clients(id, org_id, first_name, last_name, student_id, grade,
  teacher, email) VALUES
  (1, 1, 'Zoë', 'Ågren-Þórsdóttir', 'S001', '10', 'Okafor', 'zoe@example.org'),
  (2, 1, 'Bruce', '李小龍', 'S002', '11', 'Okafor', NULL),
  (3, 2, 'Ana', 'Abbott', 'S003', '9', 'García', NULL);
WITH RECURSIVE n(i) AS (SELECT 4 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
INSERT INTO clients(id, org_id, first_name, last_name, student_id, grade,
  teacher)
SELECT i, 1 + i % 2, 'Kid' || i, 'Student' || printf('%02d', i),
  printf('S%03d', i), 9 + i % 4, 'Teacher' || (i % 3) FROM n;
INSERT INTO sessions(number, client_id, org_id, type_id, starts_at, minutes,
  status_id)
SELECT 1000 + id, id, org_id, 1,
  printf('2025-09-15 %02d:%02d', 8 + id / 20, (id * 3) % 60), 3,
  CASE WHEN id % 4 = 0 THEN 2 ELSE 1 END FROM clients;
UPDATE counters SET value = 1041 WHERE name = 'session_number';
INSERT INTO jobs(id, kind, title, state, done, total, attempts, last_error)
VALUES (1, 'preview', 'Previews for Lincoln', 'failed', 3, 10, 3,
  'disk full while writing previews');
INSERT INTO jobs(id, kind, title, state, done, total, attempts, lease_owner,
  lease_expires) VALUES (2, 'mail', 'Schedule mails', 'running', 40, 100, 1,
  'elsewhere:1:1', 4102444800);
COMMIT;
SQL
}

# db SQL: one value from the test studio.
db() { sqlite3 "$STUDIO/picday.db" "$1"; }

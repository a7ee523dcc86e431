#!/bin/sh
# gongkai verify: the audit chain is intact after normal work, the database
# refuses UPDATE/DELETE of events, and a hand edit made after dropping that
# guard is found: exit 1 naming the first broken event.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
G() { "$GONGKAI" "$@" --db "$T/g.db"; }
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 CLI not installed"; exit 0; }

"$GONGKAI" init --db "$T/g.db" >/dev/null || fail init
G agency add GOV 某市人民政府 >/dev/null || fail agency
for n in 1 2 3; do
    C=$(G case add --applicant "申请人$n" --received 2025-03-0$n) || fail "case $n"
done
G case event "$C" ACCEPT --date 2025-03-04 >/dev/null || fail accept
G case event "$C" ANSWER --date 2025-03-05 --outcome R_GRANT >/dev/null || fail answer
out=$(G verify) || fail "verify before: $out"
echo "$out" | grep -q '6 个事件' || fail "event count: $out"

sqlite3 "$T/g.db" "UPDATE events SET actor = 'x' WHERE id = 2" 2>/dev/null && fail "UPDATE of an event allowed"
sqlite3 "$T/g.db" "DELETE FROM events WHERE id = 6" 2>/dev/null && fail "DELETE of an event allowed"

sqlite3 "$T/g.db" "DROP TRIGGER events_no_update;
  UPDATE events SET after = replace(after, 'R_GRANT', 'R_DENY_SECRET') WHERE id = 6;
  UPDATE events SET after = replace(after, '申请人2', '申请人X') WHERE id = 3;" || fail "sqlite3 edit"
out=$(G verify); rc=$?
[ $rc -eq 1 ] || fail "verify after edit: exit $rc ($out)"
echo "$out" | grep -q '第 3 个事件' || fail "first broken event: $out"

# Deleting the last event (after dropping the guard) is not caught by the
# chain itself (a truncated chain is still a chain), but a gap is:
sqlite3 "$T/g.db" "DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = 2" || fail delete
out=$(G verify); rc=$?
[ $rc -eq 1 ] && echo "$out" | grep -q '第 3 个事件' || fail "gap not found: $out"
echo ok

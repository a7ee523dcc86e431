#!/bin/sh
# gongkai render: every text format equals its golden file, to stdout and
# with -o; the binary formats are written with -o, piped when stdout is not a
# terminal, and refused on a terminal.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
G="$GK_SOURCE_DIR/tests/golden"
R="$GK_SOURCE_DIR/tests/resources"

for c in seed-2024:seed-2024.json report-2019:render/report-2019.json \
         report-collapsed:render/report-collapsed.json; do
    name=${c%%:*} in=$R/${c#*:}
    for ext in html md txt json; do
        # report JSON records the input file as "source"; the goldens have none
        "$GONGKAI" render "$in" --to "$ext" | grep -v '^  "source": ' > "$T/out.$ext"
        cmp -s "$T/out.$ext" "$G/$name.$ext" || { echo "$name.$ext (stdout) differs"; diff "$G/$name.$ext" "$T/out.$ext" | head; exit 1; }
        "$GONGKAI" render "$in" --to "$ext" -o "$T/file.$ext"
        grep -v '^  "source": ' "$T/file.$ext" | cmp -s - "$G/$name.$ext" || { echo "$name.$ext (-o) differs"; exit 1; }
    done
done
# aliases of the format names
"$GONGKAI" render "$R/seed-2024.json" --to markdown | cmp -s - "$G/seed-2024.md" || { echo "--to markdown"; exit 1; }
"$GONGKAI" render "$R/seed-2024.json" -t text | cmp -s - "$G/seed-2024.txt" || { echo "-t text"; exit 1; }
# stdin
"$GONGKAI" render - --to html < "$R/seed-2024.json" | cmp -s - "$G/seed-2024.html" || { echo "stdin"; exit 1; }

# binary formats: -o writes a zip; a pipe is fine
for ext in xlsx docx; do
    "$GONGKAI" render "$R/seed-2024.json" --to $ext -o "$T/r.$ext"
    [ "$(head -c 2 "$T/r.$ext")" = PK ] || { echo "$ext: not a zip"; exit 1; }
    "$GONGKAI" render "$R/seed-2024.json" --to $ext | cmp -s - "$T/r.$ext" || { echo "$ext: pipe differs"; exit 1; }
done
# ... and a terminal is refused (needs a pseudo-terminal: python3's pty)
if command -v python3 >/dev/null 2>&1; then
    python3 - "$GONGKAI" "$R/seed-2024.json" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], "render", sys.argv[2], "--to", "xlsx"])
out = b""
while True:
    try:
        b = os.read(fd, 4096)
    except OSError:
        break
    if not b:
        break
    out += b
_, st = os.waitpid(pid, 0)
if os.WEXITSTATUS(st) != 2 or b"PK" in out or "-o".encode() not in out:
    print("xlsx to a terminal: exit", os.WEXITSTATUS(st), out[:200])
    sys.exit(1)
PY
fi
ls -A "$T" | grep -v -e '^out\.' -e '^file\.' -e '^r\.' && { echo "stray files"; exit 1; }
echo "t0200 ok"

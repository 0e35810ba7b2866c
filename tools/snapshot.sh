#!/usr/bin/env bash
# Behaviour snapshot for refactoring work (issue 12): runs the main job on sample-data with a fixed
# --generated-at and writes, into DIR,
#   tables/<schema>.<table>.csv   every mart and ref table, all columns, rows sorted
#   charts.sha256                 a hash of every chart file of the report
#   report.txt                    pdftotext -layout of the PDF, run id and clock times masked
# Compare two snapshots with `diff -r A B` (a refactoring may add columns: compare with tools/snapshot-diff.py).
# Usage: tools/snapshot.sh DIR [monitor-dll]
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$(realpath -m "$1")
rm -rf "$DIR"; mkdir -p "$DIR/tables"
OUT=$(mktemp -d)
if [ -n "${2:-}" ]; then MON=(dotnet "$2"); else
  dotnet build src/Monitor.Cli -c Release -v quiet -nologo >/dev/null
  MON=(dotnet run --no-build -c Release --project src/Monitor.Cli --)
fi
"${MON[@]}" run --data sample-data --out "$OUT" --generated-at 2026-11-23T06:00:00Z >"$DIR/run.log" 2>&1
tables=$("${MON[@]}" query --out "$OUT" --format csv "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('mart','ref') AND table_type = 'BASE TABLE' ORDER BY 1" | tail -n +2)
for t in $tables; do
  "${MON[@]}" query --out "$OUT" --format csv "SELECT * FROM $t ORDER BY ALL" >"$DIR/tables/$t.csv"
done
(cd "$OUT/reports" && find . -type f \( -name '*.png' -o -name '*.svg' \) | sort | xargs sha256sum) >"$DIR/charts.sha256"
pdf=$(ls "$OUT"/reports/*.pdf | head -n 1)
pdftotext -layout "$pdf" - \
  | sed -E 's/[0-9]{8}T[0-9]{6}Z?-[0-9a-f]+/<run-id>/g; s/[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?/<time>/g; s/gestart [0-9]{4}-[0-9]{2}-[0-9]{2}/gestart <date>/g' >"$DIR/report.txt"
rm -rf "$OUT"
echo "snapshot in $DIR: $(ls "$DIR/tables" | wc -l) tables, $(wc -l <"$DIR/charts.sha256") charts, $(wc -l <"$DIR/report.txt") report lines"

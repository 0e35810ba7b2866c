#!/usr/bin/env bash
# The detail-data benchmark, in one go on one machine (docs/performance.md):
#   1. builds the monitor and the harness (Release),
#   2. generates N vacancy-level rows (default 10 million) next to a copy of sample-data,
#   3. times DuckDB's native read_csv of that file into a table of the same types (the baseline)
#      and the monitor's load of the same file (validation, lineage, quarantine), side by side,
#   4. times a full `monitor run` over the data (all steps, the detail file included) and a rerun
#      with unchanged input,
#   5. prints each figure, peak memory and the ratio load / baseline.
# Needs only the .NET SDK and /usr/bin/time (GNU time); uses hyperfine for the rerun when installed.
# Usage: bench/run.sh [--rows N]      Scratch files go to bench/work/ (git-ignored; about 1.5 GB at 10M rows).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=10000000
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    *) echo "usage: bench/run.sh [--rows N]" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "bench/run.sh needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

WORK=bench/work
rm -rf "$WORK/run"
mkdir -p "$WORK/run"
RUN="$WORK/run"

echo "== building (Release)"
dotnet build src/Monitor.Cli -c Release -o "$WORK/monitor" -v quiet -nologo >/dev/null
dotnet build bench/Harness -c Release -o "$WORK/harness" -v quiet -nologo >/dev/null
MONITOR="dotnet $WORK/monitor/monitor.dll"
HARNESS="$WORK/harness/bench-harness"

echo "== generating $ROWS detail rows"
cp -r sample-data "$RUN/data"
$MONITOR generate uwv-detail --rows "$ROWS" --out "$RUN/data/uwv" >/dev/null
FILE=$(ls "$RUN"/data/uwv/uwv_vacatures_detail_*.csv)
BYTES=$(stat -c %s "$FILE")

calc() { awk "BEGIN { printf \"%.4f\", $* }"; }

# measure <name> <command...>: runs the command under /usr/bin/time -v, keeps its output in $RUN/<name>.log,
# sets SECONDS_<name> (wall clock) and KB_<name> (peak resident set).
measure() {
  local name=$1; shift
  /usr/bin/time -v -o "$RUN/$name.time" "$@" >"$RUN/$name.log" 2>&1 || { echo "$name failed:"; cat "$RUN/$name.log"; exit 1; }
  local wall kb
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$RUN/$name.time")
  kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$RUN/$name.time")
  printf -v "SECONDS_$name" '%s' "$wall"
  printf -v "KB_$name" '%s' "$kb"
  printf '%-28s %8.2f s   peak %7.0f MB\n' "$name" "$wall" "$(calc "$kb / 1024")"
}

sync
echo "== loads of $(basename "$FILE") ($ROWS rows, $((BYTES / 1048576)) MB), side by side"
# Read once so that both loads find the file in the page cache.
cat "$FILE" >/dev/null
measure baseline "$HARNESS" baseline "$FILE" "$RUN/baseline.duckdb"
measure load "$HARNESS" load "$FILE" "$RUN/load.duckdb"
# And once more in the other order, so neither profits from going second.
measure load_2 "$HARNESS" load "$FILE" "$RUN/load.duckdb"
measure baseline_2 "$HARNESS" baseline "$FILE" "$RUN/baseline.duckdb"
sed -n '1,20p' "$RUN/baseline.log" "$RUN/load_2.log" | sed 's/^/    /'

echo "== full run (all steps; the detail file is loaded as part of it) and a rerun with unchanged input"
measure full_run $MONITOR run --data "$RUN/data" --out "$RUN/out"
measure rerun $MONITOR run --data "$RUN/data" --out "$RUN/out"
grep -q skipped_unchanged "$RUN/rerun.log" || { echo "the rerun was not skipped:"; cat "$RUN/rerun.log"; exit 1; }
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs 5 "$MONITOR run --data $RUN/data --out $RUN/out"
fi

baseline=$(calc "($SECONDS_baseline + $SECONDS_baseline_2) / 2")
load=$(calc "($SECONDS_load + $SECONDS_load_2) / 2")
echo
echo "== results ($ROWS rows; $(nproc) cores: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); $(awk '/MemTotal/ { printf "%.0f GB RAM", $2 / 1048576 }' /proc/meminfo))"
printf 'baseline (DuckDB read_csv)   %8.2f s   (mean of 2)\n' "$baseline"
printf 'monitor load                 %8.2f s   (mean of 2)   ratio load/baseline %.2f   (target <= 1.3)\n' "$load" "$(calc "$load / $baseline")"
printf 'peak memory of the load      %8.0f MB   (target < 1536 MB)\n' "$(calc "($KB_load > $KB_load_2 ? $KB_load : $KB_load_2) / 1024")"
printf 'full run                     %8.2f s\n' "$SECONDS_full_run"
printf 'rerun, unchanged input       %8.2f s   (target < 2 s)\n' "$SECONDS_rerun"

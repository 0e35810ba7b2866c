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
# Usage: bench/run.sh [--rows N] [--rounds R]
#   --rows N     detail rows to generate (default 10,000,000)
#   --rounds R   baseline/load pairs, in alternating order (default 3); the means of all rounds are compared
# Scratch files go to bench/work/ (git-ignored; about 1.5 GB at 10M rows).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=10000000
ROUNDS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    *) echo "usage: bench/run.sh [--rows N] [--rounds R]" >&2; exit 2 ;;
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
# Rounds in alternating order (baseline first, then load first, ...), so neither profits from going second.
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then order="baseline load"; else order="load baseline"; fi
  for what in $order; do
    measure "${what}_$round" "$HARNESS" "$what" "$FILE" "$RUN/$what.duckdb"
  done
done
sed -n '1,20p' "$RUN/baseline_1.log" "$RUN/load_1.log" | sed 's/^/    /'

echo "== full run (all steps; the detail file is loaded as part of it) and a rerun with unchanged input"
measure full_run $MONITOR run --data "$RUN/data" --out "$RUN/out"
measure rerun $MONITOR run --data "$RUN/data" --out "$RUN/out"
grep -q skipped_unchanged "$RUN/rerun.log" || { echo "the rerun was not skipped:"; cat "$RUN/rerun.log"; exit 1; }
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs 5 "$MONITOR run --data $RUN/data --out $RUN/out"
fi

sum_of() { local total=0 v; for round in $(seq 1 "$ROUNDS"); do v="SECONDS_$1_$round"; total=$(calc "$total + ${!v}"); done; echo "$total"; }
max_kb() { local top=0 v; for round in $(seq 1 "$ROUNDS"); do v="KB_$1_$round"; [ "${!v}" -gt "$top" ] && top=${!v}; done; echo "$top"; }
baseline=$(calc "$(sum_of baseline) / $ROUNDS")
load=$(calc "$(sum_of load) / $ROUNDS")
echo
echo "== results ($ROWS rows; $(nproc) cores: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); $(awk '/MemTotal/ { printf "%.0f GB RAM", $2 / 1048576 }' /proc/meminfo))"
printf 'baseline (DuckDB read_csv)   %8.2f s   (mean of %d)\n' "$baseline" "$ROUNDS"
printf 'monitor load                 %8.2f s   (mean of %d)   ratio load/baseline %.2f   (target <= 1.3)\n' "$load" "$ROUNDS" "$(calc "$load / $baseline")"
ratios=""
for round in $(seq 1 "$ROUNDS"); do b="SECONDS_baseline_$round"; l="SECONDS_load_$round"; ratios="$ratios $(awk "BEGIN { printf \"%.2f\", ${!l} / ${!b} }")"; done
printf 'ratio per round             %s\n' "$ratios"
printf 'peak memory of the load      %8.0f MB   (target < 1536 MB)\n' "$(calc "$(max_kb load) / 1024")"
printf 'full run                     %8.2f s\n' "$SECONDS_full_run"
printf 'rerun, unchanged input       %8.2f s   (target < 2 s)\n' "$SECONDS_rerun"

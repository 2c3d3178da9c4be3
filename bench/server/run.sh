#!/usr/bin/env bash
# Load benchmark of the FHIR endpoint: starts `fhirtrials serve` (Release) on loopback over a fresh
# SQLite file, loads 10,000 generated studies through transaction Bundles, then measures with wrk
# (reads by id; searches by condition with two _includes) and prints a markdown table.
#
#   bench/server/run.sh [--studies 10000] [--duration 20s] [--connections 16] [--threads 2] [--keep DIR] [--postgres]
#
# Needs wrk (apt-get install -y wrk). --keep DIR reuses (or creates) the SQLite database in DIR, so a
# second run skips loading. --postgres runs against a throwaway PostgreSQL (.ci/postgres.sh: fsync off,
# same machine) instead, loaded afresh every time; --keep DIR then only keeps the server log.
# Numbers depend on the machine and on whatever else runs on it: the table says both.
set -euo pipefail
cd "$(dirname "$0")/../.."

studies=10000
duration=20s
connections=16
threads=2
keep=""
postgres=0
while [ $# -gt 0 ]; do
  case "$1" in
    --studies) studies="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --postgres) postgres=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

echo "== building (Release)" >&2
dotnet build src/FhirTrials.Cli -c Release -v q -nologo >/dev/null
dotnet build bench/server/Loader -c Release -v q -nologo >/dev/null

work="${keep:-$(mktemp -d /tmp/fhirtrials-bench.XXXXXX)}"
mkdir -p "$work"
port=$(for p in $(seq 18300 18399); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; break; }; done)
key="bench-$RANDOM$RANDOM"
base="http://127.0.0.1:$port"
fresh=0
[ -f "$work/fhirtrials.db" ] || fresh=1
store_args=()
store_name=SQLite
if [ "$postgres" = 1 ]; then
  # shellcheck source=../../.ci/postgres.sh
  . .ci/postgres.sh >&2
  store_args=(--postgres "$FHIRTRIALS_TEST_POSTGRES")
  store_name="PostgreSQL $("$FHIRTRIALS_PG_BIN/postgres" --version | awk '{print $3}')"
  fresh=1
fi

echo "== server on $base (data in $work)" >&2
(cd "$work" && FHIRTRIALS_API_KEY="$key" Logging__LogLevel__Default=Warning \
  exec dotnet "$OLDPWD/src/FhirTrials.Cli/bin/Release/net10.0/fhirtrials.dll" serve --urls "$base" "${store_args[@]}" >"$work/server.log" 2>&1) &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  [ -n "$keep" ] || rm -rf "$work"
  if declare -F fhirtrials_postgres_stop >/dev/null; then fhirtrials_postgres_stop; fi
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -sf "$base/fhir/metadata" -o /dev/null && break
  sleep 0.2
done

if [ "$fresh" = 1 ]; then
  echo "== loading $studies studies" >&2
  load_start=$(date +%s.%N)
  dotnet bench/server/Loader/bin/Release/net10.0/FhirTrials.Server.Loader.dll --base "$base/fhir" --api-key "$key" --studies "$studies" --records examples/records >&2
  load_seconds=$(awk -v a="$load_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
else
  load_seconds="(reused)"
fi

if [ "$postgres" = 1 ]; then
  # What autovacuum does within a minute of a bulk load: planner statistics for the loaded tables.
  echo "== ANALYZE" >&2
  eval "$(echo "$FHIRTRIALS_TEST_POSTGRES" | tr ';' '\n' | sed -n 's/^Host=/PGHOST=/p;s/^Port=/PGPORT=/p;s/^Username=/PGUSER=/p;s/^Password=/PGPASSWORD=/p;s/^Database=/PGDATABASE=/p' | sed 's/^/export /')"
  "$FHIRTRIALS_PG_BIN/psql" -q -c "SET client_min_messages = error" -c ANALYZE
fi

echo "== warming up" >&2
wrk -t"$threads" -c"$connections" -d5s -s bench/server/read.lua "$base" -- "$studies" >/dev/null
wrk -t"$threads" -c"$connections" -d5s -s bench/server/search.lua "$base" -- 1000 >/dev/null

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
read_result=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/server/read.lua "$base" -- "$studies" | grep '^RESULT')
search_result=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/server/search.lua "$base" -- 1000 | grep '^RESULT')
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
cat <<EOF

| scenario ($studies studies, $store_name, wrk -t$threads -c$connections -d$duration) | req/s | p50 ms | p90 ms | p99 ms | errors | goal |
|---|---:|---:|---:|---:|---:|---|
| read \`ResearchStudy/[id]\` | $(field "$read_result" rps) | $(field "$read_result" p50_ms) | $(field "$read_result" p90_ms) | $(field "$read_result" p99_ms) | $(field "$read_result" errors) | ≥ 5,000/s, p99 < 50 ms |
| search \`ResearchStudy?condition=…&_include=ResearchStudy:sponsor&_include=ResearchStudy:enrollment\` (≈10 matches + includes) | $(field "$search_result" rps) | $(field "$search_result" p50_ms) | $(field "$search_result" p90_ms) | $(field "$search_result" p99_ms) | $(field "$search_result" errors) | ≥ 1,000/s, p99 < 50 ms |

Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GB; server and wrk on the same cores over loopback;
load average $load_before before and $load_after after (other work shares the machine). Loading: $load_seconds s.
EOF

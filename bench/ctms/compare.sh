#!/usr/bin/env bash
# Whole process, side by side, on the same CT.gov API v2 records: read each study file, map it, write one
# JSON file per trial. FhirTrials is the `fhirtrials map` command (full transaction Bundle, all cores;
# indented by default, and with --compact as the peer writes: JSON.stringify without indentation); the
# peer is clinical-trial-matching-service's createResearchStudyFromClinicalStudy (one thin ResearchStudy,
# node is single-threaded). /usr/bin/time gives wall time, CPU time and peak RSS of each
# process, startup included. FhirTrials runs from `dotnet publish` output (precompiled), as users install it.
#
#   bench/ctms/compare.sh [passes over tests/fixtures/ctgov-v2, default 5]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
passes="${1:-5}"
input="$repo/tests/fixtures/ctgov-v2"
# Output goes to memory (/dev/shm) when there is one: on a disk, the write-back of one tool's ~300 MB of
# Bundles slows whichever process runs next, which is the disk's cost, not the tool's.
out="$(mktemp -d -p "$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")")"
trap 'rm -rf "$out"' EXIT

(cd "$here" && npm ci --silent --no-audit --no-fund >/dev/null)
# FhirTrials as it ships: `dotnet publish` (framework-dependent, ReadyToRun; see README "Install").
dotnet publish -c Release "$repo/src/FhirTrials.Cli" -o "$out/publish" -v q -nologo >/dev/null
cli="$out/publish/fhirtrials.dll"
records=$(( $(ls "$input"/*.json | wc -l) * passes ))
inputs=(); for _ in $(seq "$passes"); do inputs+=("$input"); done

measure() { # label, command...
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$@" >/dev/null 2>"$out/stderr" || { cat "$out/stderr"; exit 1; }
  read -r wall user sys rss < "$out/time"
  awk -v l="$label" -v n="$records" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { printf "| %s | %d | %.1f | %.1f | %.0f | %.0f | %.0f |\n", l, n, w, u + s, n / w, n / (u + s), r / 1024 }'
}

echo "| tool | records | wall s | CPU s | records/s (wall) | records/s per CPU-second | peak RSS MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
measure "fhirtrials map (full Bundle, $(nproc) jobs)" dotnet "$cli" map "${inputs[@]}" --from ctgov --out "$out/fhirtrials"
measure "fhirtrials map --compact (full Bundle, $(nproc) jobs)" dotnet "$cli" map "${inputs[@]}" --from ctgov --out "$out/fhirtrials-compact" --compact
measure "fhirtrials map (full Bundle, 1 job)" dotnet "$cli" map "${inputs[@]}" --from ctgov --out "$out/fhirtrials1" --jobs 1
measure "clinical-trial-matching-service 0.1.2 (ResearchStudy only)" node "$here/run.mjs" --input "$input" --out "$out/ctms" --repeat "$passes"

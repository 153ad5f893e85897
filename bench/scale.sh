#!/usr/bin/env bash
# The scale benchmarks of issue 7 on a fresh Debian machine with the .NET 10 SDK: installs wrk and PostgreSQL from
# Debian when missing, generates the municipality (5,000 newcomers, 1,000,000 attendance rows) on SQLite and on a
# throwaway PostgreSQL cluster (unix socket only), then runs the dashboard and page-load benchmarks on both and writes
# bench/results/scale.json. Everything it starts it stops, and its temp folder goes.
#   bench/scale.sh [newcomers] [attendance]      e.g. bench/scale.sh 100000 20000000 for the national size
#   RUNS, DURATION (seconds per page), OUT (results file), APP_PORT and PG_PORT change the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
newcomers=${1:-5000}
attendance=${2:-1000000}
runs=${RUNS:-15}
duration=${DURATION:-30}
out=${OUT:-bench/results/scale.json}
app_port=${APP_PORT:-5180}
pg_port=${PG_PORT:-55480}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

work=$(mktemp -d /tmp/thuis-scale.XXXXXX)
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  run_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
[ "$(id -u)" -eq 0 ] && chown postgres "$work"
run_pg "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w start \
  -o "-c listen_addresses= -k $work -p $pg_port -c shared_buffers=512MB -c work_mem=32MB -c max_wal_size=4GB" >/dev/null
run_pg "$pg_bin/createdb" -h "$work" -p "$pg_port" thuis_scale

dotnet build bench/Thuis.Bench.Scale -c Release -nologo -v quiet
bench="dotnet bench/Thuis.Bench.Scale/bin/Release/net10.0/Thuis.Bench.Scale.dll"
sqlite="Data Source=$work/thuis.db"
postgres="Host=$work;Port=$pg_port;Username=postgres;Database=thuis_scale"

$bench generate --provider sqlite --connection "$sqlite" --newcomers "$newcomers" --attendance "$attendance"
$bench generate --provider postgres --connection "$postgres" --newcomers "$newcomers" --attendance "$attendance"
$bench dashboard --provider sqlite --connection "$sqlite" --runs "$runs" --out "$out"
$bench dashboard --provider postgres --connection "$postgres" --runs "$runs" --out "$out"
# A page that misses its target exits non-zero; run the other database all the same.
$bench pages --provider sqlite --connection "$sqlite" --port "$app_port" --duration "$duration" --out "$out" || true
$bench pages --provider postgres --connection "$postgres" --port "$app_port" --duration "$duration" --out "$out" || true

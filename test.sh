#!/usr/bin/env bash
# Runs every test of Thuis on a fresh Debian machine with the .NET 10 SDK:
# installs Chromium and PostgreSQL from Debian when missing, checks formatting, builds once,
# runs the web tests on SQLite and again on a throwaway PostgreSQL cluster (unix socket only),
# the matching tests and the browser journeys, then prints "N passed, M failed" as its last line.
set -uo pipefail
cd "$(dirname "$0")"
root=$PWD
results="$root/TestResults"
rm -rf "$results" && mkdir -p "$results"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# The newcomer's pages in Tigrinya (Ethiopic script) need a font with its letters, as every phone has, for the screenshots.
{ command -v fc-list >/dev/null 2>&1 && fc-list :lang=ti | grep -q .; } || missing+=(fonts-noto-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "Could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

failed_checks=0
echo "== Build"
if ! dotnet build Thuis.slnx -nologo -v quiet; then
  echo "Build failed"; echo "0 passed, 1 failed"; exit 1
fi
echo "== Format"
if dotnet format Thuis.slnx --verify-no-changes --no-restore >"$results/format.log" 2>&1; then
  echo "Format: clean"
else
  cat "$results/format.log"; echo "Format: not clean (run: dotnet format Thuis.slnx)"; failed_checks=1
fi

# A PostgreSQL cluster of our own, reachable only through a socket in its own temp folder. The suite runs several apps at
# once (and Thuis as its own process, twice), each with its own connection pool: more than PostgreSQL's default 100.
pg_dir=$(mktemp -d /tmp/thuis-pg.XXXXXX)
pg_port=55434
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pg_dir"; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust >"$results/postgres-init.log" 2>&1 \
  && run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -o "-c listen_addresses= -k $pg_dir -p $pg_port -c fsync=off -c max_connections=300" -w start >/dev/null \
  || { cat "$results/postgres-init.log"; echo "PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
trap stop_pg EXIT

passed_total=0
failed_total=$failed_checks
# Runs one test assembly with xUnit's runner and adds its counts from the XML report.
# Environment assignments come first; after "--", options for the runner.
suite() {
  local label=$1 project=$2; shift 2
  local report="$results/${label//[^A-Za-z]/}.xml"
  local environment=() options=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do environment+=("$1"); shift; done
  [ $# -gt 0 ] && shift && options=("$@")
  # A hung suite must fail, not eat the whole CI budget. The browser journeys walk every page at two widths and take
  # longest (about 25 minutes on two cores); a suite stopped by this limit shows as pages "closed" in its last tests.
  local limit=20m
  [ "$project" = Thuis.Browser.Tests ] && limit=45m
  timeout --kill-after=30s "$limit" env "${environment[@]}" dotnet "tests/$project/bin/Debug/net10.0/$project.dll" -xml "$report" -noColor "${options[@]}" >"$results/${label//[^A-Za-z]/}.log" 2>&1
  local counts
  counts=$(python3 - "$report" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    a = [e for e in ET.parse(sys.argv[1]).getroot().iter('assembly')]
    total = sum(int(x.get('total', 0)) for x in a); failed = sum(int(x.get('failed', 0)) + int(x.get('errors', 0)) for x in a)
    skipped = sum(int(x.get('skipped', 0)) + int(x.get('not-run', 0) or 0) for x in a)
    print(total - failed - skipped, failed + skipped, len(a))
except Exception:
    print(0, 1, 0)
PY
)
  read -r p f n <<<"$counts"
  [ "$n" = "0" ] && f=1
  # Each failed test by name with the first lines of its message; the full output stays in the log.
  if [ "$f" != "0" ]; then python3 - "$report" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    for t in ET.parse(sys.argv[1]).getroot().iter('test'):
        if t.get('result') in ('Fail', 'Skip', 'NotRun'):
            message = (t.findtext('failure/message') or t.findtext('reason') or '').strip().splitlines()
            print(f"  [{t.get('result').upper()}] {t.get('name')}")
            for line in message[:6]: print(f"      {line[:300]}")
except Exception as e:
    print(f"  no readable report ({e}); see the log")
PY
  fi
  echo "$label: $p passed, $f failed"
  passed_total=$((passed_total + p)); failed_total=$((failed_total + f))
}

echo "== Tests"
suite "Matching" Thuis.Matching.Tests
# Several nodes on one database need PostgreSQL: those tests run in the PostgreSQL pass.
suite "Web (SQLite)" Thuis.Web.Tests THUIS_TEST_POSTGRES= -- -trait- Database=PostgreSQL
suite "Web (PostgreSQL)" Thuis.Web.Tests "THUIS_TEST_POSTGRES=Host=$pg_dir;Port=$pg_port;Username=postgres"
suite "Browser" Thuis.Browser.Tests

echo "Total: $passed_total passed, $failed_total failed"
[ "$failed_total" -eq 0 ]

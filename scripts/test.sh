#!/usr/bin/env bash
# The test command (README): on a fresh Debian machine with the .NET SDK it installs and starts a
# private RabbitMQ on loopback, builds without warnings, runs every test, and stops the broker again.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${MLA_TEST_RABBITMQ_PORT:-5679}
export MLA_TEST_RABBITMQ_PORT=$port

# The browser tests drive Debian's Chromium; the request letter needs a font with Cyrillic (DejaVu); the OpenAPI
# document's test runs its pinned linter with npx (Node.js 18 or newer, which Debian's nodejs package is).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v npx >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${MLA_NO_INSTALL:-0}" = 1 ]; then
    echo "MLA_NO_INSTALL=1: not installing ${missing[*]}; install them, or run without MLA_NO_INSTALL" >&2
    exit 1
  fi
  echo "installing with apt-get: ${missing[*]}"
  command -v apt-get >/dev/null || { echo "apt-get not found: install ${missing[*]} by hand" >&2; exit 1; }
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A fresh broker state for every run (the tests find it through the exported MLA_BROKER_BASE): each test makes its own
# virtual host of quorum queues, and a state kept across runs grew until the broker took minutes to recover it at boot.
export MLA_BROKER_BASE=$(mktemp -d "${TMPDIR:-/tmp}/mlarequests-test-broker.XXXXXX")
scripts/broker.sh start "$port"
trap 'scripts/broker.sh stop "$port"; rm -rf "$MLA_BROKER_BASE"' EXIT

dotnet build MlaRequests.sln -c Release -warnaserror -nologo -v quiet
log=$(mktemp)
status=0
dotnet test MlaRequests.sln -c Release --no-build --nologo --blame-hang-timeout 10m --blame-hang-dump-type none 2>&1 | tee "$log" || status=$?

# One plain closing line for CI: "N passed, N failed, N skipped".
count() { grep -oE "$1: +[0-9]+," "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"

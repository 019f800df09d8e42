#!/usr/bin/env bash
# The test command (README): on a fresh Debian machine with the .NET SDK it builds without warnings and runs the three
# test tiers in order of cost, fast → integration → system (docs/testing.md). It installs what the tiers it runs need,
# saying what first (with MLA_NO_INSTALL=1 it names what is missing and stops), and for the system tier starts a private
# RabbitMQ on loopback and stops it again.
#   scripts/test.sh                      every tier
#   scripts/test.sh fast                 one tier (or several: scripts/test.sh fast integration)
# Every tier runs even when an earlier one failed; the closing line sums them all.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
tiers=("$@")
[ ${#tiers[@]} -gt 0 ] || tiers=(fast integration system)
for tier in "${tiers[@]}"; do
  case $tier in fast|integration|system) ;; *) usage_error "unknown tier '$tier': fast, integration or system" ;; esac
done
port=${MLA_TEST_RABBITMQ_PORT:-5679}
export MLA_TEST_RABBITMQ_PORT=$port

# The OpenAPI document's test (integration) runs its pinned linter with npx (Node.js 18 or newer, which Debian's nodejs
# package is); the browser tests (system) drive Debian's Chromium; the request letter needs a font with Cyrillic
# (DejaVu); the multi-node tests a RabbitMQ broker. Everything missing is named before anything runs.
needed=()
[[ " ${tiers[*]} " != *" integration "* ]] || needed+=(nodejs=/usr/bin/node npm=/usr/bin/npx)
[[ " ${tiers[*]} " != *" system "* ]] || needed+=(chromium=/usr/bin/chromium fonts-dejavu-core=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
  rabbitmq-server=/usr/lib/rabbitmq/bin/rabbitmq-server)
[ ${#needed[@]} -eq 0 ] || need_packages "${needed[@]}"

if [[ " ${tiers[*]} " == *" system "* ]]; then

  # A fresh broker state for every run (the tests find it through the exported MLA_BROKER_BASE): each test makes its own
  # virtual host of quorum queues, and a state kept across runs grew until the broker took minutes to recover it at boot.
  export MLA_BROKER_BASE=$(mktemp -d "${TMPDIR:-/tmp}/mlarequests-test-broker.XXXXXX")
  scripts/broker.sh start "$port"
  trap 'scripts/broker.sh stop "$port"; rm -rf "$MLA_BROKER_BASE"' EXIT
fi

dotnet build MlaRequests.sln -c Release -warnaserror -nologo -v quiet
log=$(mktemp)
status=0
for tier in "${tiers[@]}"; do
  echo "== $tier tier"
  case $tier in
    fast)        target=(tests/MlaRequests.FastTests) ;;
    integration) target=(tests/MlaRequests.Tests --filter Tier=Integration) ;;
    system)      target=(tests/MlaRequests.Tests --filter Tier=System) ;;
  esac
  dotnet test "${target[@]}" -c Release --no-build --nologo --blame-hang-timeout 10m --blame-hang-dump-type none 2>&1 \
    | tee -a "$log" || status=$?
done

# One plain closing line for CI: "N passed, N failed, N skipped".
count() { grep -oE "$1: +[0-9]+," "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"

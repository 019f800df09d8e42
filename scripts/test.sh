#!/usr/bin/env bash
# The test command (README): on a fresh Debian machine with the .NET SDK it installs what the tests need (saying what
# first; with MLA_NO_INSTALL=1 it names what is missing and stops), starts a private RabbitMQ on loopback, builds
# without warnings, runs every test, and stops the broker again.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
port=${MLA_TEST_RABBITMQ_PORT:-5679}
export MLA_TEST_RABBITMQ_PORT=$port

# The browser tests drive Debian's Chromium; the request letter needs a font with Cyrillic (DejaVu); the multi-node
# tests a RabbitMQ broker; the OpenAPI document's test runs its pinned linter with npx (Node.js 18 or newer, which
# Debian's nodejs package is). Everything missing is named (and, unless MLA_NO_INSTALL=1, installed) before anything runs.
need_packages chromium=/usr/bin/chromium fonts-dejavu-core=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
  rabbitmq-server=/usr/lib/rabbitmq/bin/rabbitmq-server nodejs=/usr/bin/node npm=/usr/bin/npx

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

#!/usr/bin/env bash
# The test command (README): on a fresh Debian machine with the .NET SDK it installs and starts a
# private RabbitMQ on loopback, builds without warnings, runs every test, and stops the broker again.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${MLA_TEST_RABBITMQ_PORT:-5679}
export MLA_TEST_RABBITMQ_PORT=$port

scripts/broker.sh start "$port"
trap 'scripts/broker.sh stop "$port"' EXIT

dotnet build MlaRequests.sln -c Release -warnaserror -nologo -v quiet
log=$(mktemp)
status=0
dotnet test MlaRequests.sln -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?

# One plain closing line for CI: "N passed, N failed, N skipped".
count() { grep -oE "$1: +[0-9]+," "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
rm -f "$log"
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"

#!/usr/bin/env bash
# The benchmark command (benchmarks/README.md): starts a private RabbitMQ on 127.0.0.1:5690 (its own
# port, so it never meets the test broker), builds Release, runs every measure against node
# processes, writes benchmarks/results/latest.md and latest.json, and stops the broker.
#   scripts/bench.sh                         all measures (about 5 minutes on two cores, at most ~10 on a busy box)
#   scripts/bench.sh --only transitions,api  some of them (transitions, propagation, drain, api)
#   MLA_BENCH_RABBITMQ_PORT moves the broker; MLA_NO_INSTALL=1 installs nothing (names what is missing and stops).
# What each measure means and what they found: benchmarks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
case "${1:-}" in -h|--help) print_usage "$0"; exit 0 ;; esac
port=${MLA_BENCH_RABBITMQ_PORT:-5690}
data=$(mktemp -d "${TMPDIR:-/tmp}/mla-bench.XXXXXX")

scripts/broker.sh start "$port"
trap 'scripts/broker.sh stop "$port"; rm -rf "$data"' EXIT

dotnet build MlaRequests.sln -c Release -warnaserror -nologo -v quiet
dotnet benchmarks/MlaRequests.Benchmarks/bin/Release/net10.0/MlaRequests.Benchmarks.dll \
  --broker-port "$port" --data "$data" --out benchmarks/results "$@"

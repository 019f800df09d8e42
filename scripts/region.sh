#!/usr/bin/env bash
# A demo region on this machine: a private RabbitMQ on loopback and one national node per country.
#   scripts/region.sh [CODE ...]        default: KZ KG TJ  (any of KZ KG TJ TM UZ)
# Environment: MLA_CLOCK_SPEED (default 1; e.g. 3600 makes an hour pass each second so reminders and
# escalations show within minutes), MLA_BROKER_PORT (default 5680), MLA_FIRST_PORT (default 5101).
# Nodes keep their databases under data/region/; demo accounts (password Demo!2026) are seeded.
# Ctrl-C stops every node and the broker this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
codes=("$@"); [ ${#codes[@]} -gt 0 ] || codes=(KZ KG TJ)
broker_port=${MLA_BROKER_PORT:-5680}
first_port=${MLA_FIRST_PORT:-5101}
speed=${MLA_CLOCK_SPEED:-1}
data=data/region
mkdir -p "$data"

echo "[1/3] starting the broker on 127.0.0.1:$broker_port"
scripts/broker.sh start "$broker_port"
pids=()
cleanup() {
  trap - EXIT INT TERM
  echo; echo "stopping the region..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  scripts/broker.sh stop "$broker_port"
}
trap cleanup EXIT INT TERM

echo "[2/3] building the node"
dotnet build src/MlaRequests.Node -c Release -nologo -v quiet

echo "[3/3] starting ${codes[*]}"
# Each node signs what it sends; every node trusts the others' public keys. Keys are made once and kept.
mkdir -p "$data/keys"
trust=()
for code in "${codes[@]}"; do
  [ -s "$data/keys/$code" ] || dotnet src/MlaRequests.Node/bin/Release/net10.0/MlaRequests.Node.dll keygen > "$data/keys/$code"
  trust+=("--CrossBorder:TrustedKeys:$code=$(sed -n 's/^PublicKey=//p' "$data/keys/$code")")
done
for i in "${!codes[@]}"; do
  code=${codes[$i]}; port=$((first_port + i))
  ASPNETCORE_ENVIRONMENT=Development dotnet src/MlaRequests.Node/bin/Release/net10.0/MlaRequests.Node.dll \
    --urls "http://127.0.0.1:$port" --Node:Code="$code" --Node:DataDirectory="$data/$code" \
    --RabbitMq:Host=127.0.0.1 --RabbitMq:Port="$broker_port" --Demo:SeedAccounts=true --Demo:ClockSpeed="$speed" \
    --CrossBorder:SigningKey="$(sed -n 's/^CrossBorder__SigningKey=//p' "$data/keys/$code")" "${trust[@]}" \
    > "$data/$code.log" 2>&1 &
  pids+=($!)
done
for i in "${!codes[@]}"; do
  port=$((first_port + i))
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; kill -0 "${pids[$i]}" 2>/dev/null || { echo "${codes[$i]} failed; see $data/${codes[$i]}.log"; exit 1; }; sleep 0.5; done
done

echo
printf '%-4s %-24s %s\n' node url "demo accounts (password Demo!2026)"
for i in "${!codes[@]}"; do
  code=${codes[$i]}; c=${code,,}
  printf '%-4s %-24s %s\n' "$code" "http://127.0.0.1:$((first_port + i))" "$c.prosecutor $c.prosecutor2 $c.liaison $c.supervisor $c.admin"
done
echo; echo "clock speed: ${speed}x. Logs in $data/. Ctrl-C stops everything."
wait

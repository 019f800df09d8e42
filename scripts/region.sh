#!/usr/bin/env bash
# A demo region on this machine: a RabbitMQ broker on loopback and one national node per country,
# keys exchanged, demo accounts and demo requests seeded. Ctrl-C stops everything it started.
#   scripts/region.sh [CODE ...]        default: KZ KG TJ TM UZ
# Environment (all optional):
#   MLA_CLOCK_SPEED    demo clock speed (default 1; 3600 makes an hour pass each second)
#   MLA_BROKER_PORT    port of the private broker this script starts (default 5680)
#   MLA_RABBITMQ_URL   use this broker instead (amqp[s]://user:password@host:port/vhost, one account for all); none is started
#   MLA_FIRST_PORT     HTTP port of the first node; the others follow (default 5101)
#   MLA_REGION_DATA    where databases, keys and logs live (default data/region)
#   MLA_READY_TIMEOUT  seconds each node may take to answer /health/ready (default 300)
#   MLA_SEED           1 (default) seeds demo requests through the nodes' API; 0 skips it
#   MLA_CONFIGURATION  build configuration (default Release); MLA_BUILD=0 uses the existing build
#   MLA_NO_INSTALL     1: install nothing (the broker's rabbitmq-server); name what is missing and stop
# Every setting of a node: docs/configuration.md; the region in depth: docs/operations.md.
set -euo pipefail
umask 077 # logs, databases and keys are for this user only
cd "$(dirname "$0")/.."
. scripts/lib.sh
case "${1:-}" in -h|--help) print_usage "$0"; exit 0 ;; esac
codes=("$@"); [ ${#codes[@]} -gt 0 ] || codes=(KZ KG TJ TM UZ)
broker_port=${MLA_BROKER_PORT:-5680}
broker_url=${MLA_RABBITMQ_URL:-}
first_port=${MLA_FIRST_PORT:-5101}
speed=${MLA_CLOCK_SPEED:-1}
data=${MLA_REGION_DATA:-data/region}
configuration=${MLA_CONFIGURATION:-Release}
ready_timeout=${MLA_READY_TIMEOUT:-300}
dll=src/MlaRequests.Node/bin/$configuration/net10.0/MlaRequests.Node.dll
# The private broker keeps its state beside the nodes' databases, so the region's whole state is one
# directory: a second run finds its messages, and removing the directory starts afresh.
mkdir -p "$data"
export MLA_BROKER_BASE="${MLA_BROKER_BASE:-$(cd "$data" && pwd)/broker}"
for code in "${codes[@]}"; do
  case "$code" in KZ|KG|TJ|TM|UZ) ;; *) usage_error "unknown country code '$code' (use KZ KG TJ TM UZ; --help for more)" ;; esac
done
# Nodes an earlier run started and could not stop (the script was killed): stop them first. Only
# processes of this node build on this data directory, whose ids that run recorded, are touched.
if [ -f "$data/nodes.pids" ]; then
  while read -r pid; do
    if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "MlaRequests.Node.dll.*--Node:DataDirectory=$data/"; then
      echo "stopping node process $pid left by an earlier run"; kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
  done < "$data/nodes.pids"
  rm -f "$data/nodes.pids"
fi
for i in "${!codes[@]}"; do
  port=$((first_port + i))
  if port_in_use "$port"; then
    fail "port $port is already in use (a node from an earlier run still running?); stop it or set MLA_FIRST_PORT"
  fi
done
mkdir -p "$data/keys"

pids=()
started_broker=
cleanup() {
  trap - EXIT
  echo; echo "stopping the region..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -f "$data/nodes.pids"
  if [ -n "$started_broker" ]; then scripts/broker.sh stop "$broker_port" && rm -f "$data/broker.port"; fi
  echo "stopped."
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$broker_url" ]; then
  echo "[1/5] using the broker $(echo "$broker_url" | sed 's#//[^@]*@#//#')"
  export RabbitMq__Url="$broker_url" # through the environment: the URL holds a password
else
  # TLS only (amqps://), certificates by a local authority made here; an account per node, each with a virtual host of
  # its own and the right to write only to the others' inbound exchanges on the shared one, mla-border (docs/broker.md).
  export MLA_BROKER_TLS="$(cd "$data" && pwd)/broker-tls"
  echo "[1/5] starting a private RabbitMQ on 127.0.0.1:$broker_port over TLS (installs Debian's rabbitmq-server if missing, unless MLA_NO_INSTALL=1)"
  if ! scripts/broker.sh ctl "$broker_port" status >/dev/null 2>&1; then
    started_broker=1
    scripts/broker.sh start "$broker_port"
    echo "$broker_port" > "$data/broker.port"
  elif [ "$(cat "$data/broker.port" 2>/dev/null)" = "$broker_port" ]; then
    started_broker=1
    echo "      the broker an earlier run started is still running: using it (stopped at exit)"
  else
    echo "      a broker is already running on $broker_port, not started by this command: using it, and leaving it running"
  fi
  scripts/broker.sh accounts "$broker_port" mla "$data/keys" "${codes[@]}"
  echo "      accounts mla-<code>, passwords in $data/keys/<CODE>.broker-password; certificate authority $MLA_BROKER_TLS/ca.pem"
fi
# A node's broker settings: its own account, virtual host and password (through the environment, never the command line).
broker_settings() {
  if [ -n "$broker_url" ]; then return; fi
  local c=${1,,}
  broker=(--RabbitMq:Host=127.0.0.1 --RabbitMq:Port="$broker_port" --RabbitMq:Tls=true --RabbitMq:CaCertificate="$MLA_BROKER_TLS/ca.pem"
          --RabbitMq:VirtualHost="mla-$c" --RabbitMq:BorderVirtualHost=mla-border --RabbitMq:Username="mla-$c")
}
broker=()

if [ "${MLA_BUILD:-1}" = 1 ]; then
  echo "[2/5] building the node ($configuration; the first build takes a minute or two)"
  dotnet build src/MlaRequests.Node -c "$configuration" -nologo -v quiet -clp:ErrorsOnly
else
  echo "[2/5] using the existing $configuration build (MLA_BUILD=0)"
  [ -f "$dll" ] || fail "$dll not found: build first or drop MLA_BUILD=0"
fi

echo "[3/5] keys: each node seals what it sends for the recipient, signs it, and trusts the others' public keys (kept in $data/keys)"
# Private keys stay in files only their owner reads (keygen writes them 0600); the nodes get the file's path, never a key.
chmod 700 "$data/keys"
trust=()
for code in "${codes[@]}"; do
  rm -f "$data/keys/$code"   # an earlier run's private key, world-readable
  if [ ! -s "$data/keys/$code.keys" ] || [ ! -s "$data/keys/$code.public" ]; then
    rm -f "$data/keys/$code.keys"
    dotnet "$dll" keygen "$data/keys/$code.keys" > "$data/keys/$code.public"
  fi
  trust+=("--CrossBorder:TrustedKeys:$code=$(sed -n 's/^PublicKey=//p' "$data/keys/$code.public")")
done

echo "[4/5] starting ${codes[*]} (logs in $data/<code>.log)"
for i in "${!codes[@]}"; do
  code=${codes[$i]}; port=$((first_port + i))
  broker_settings "$code"
  RabbitMq__Password="$(cat "$data/keys/$code.broker-password" 2>/dev/null || true)" \
  ASPNETCORE_ENVIRONMENT=Production dotnet "$dll" \
    --urls "http://127.0.0.1:$port" --Node:Code="$code" --Node:DataDirectory="$data/$code" "${broker[@]}" \
    --Demo:SeedAccounts=true --Demo:ClockSpeed="$speed" --Telemetry:Console=false \
    --CrossBorder:KeyFile="$data/keys/$code.keys" "${trust[@]}" \
    >> "$data/$code.log" 2>&1 &
  pids+=($!)
  echo "$!" >> "$data/nodes.pids"
done
for i in "${!codes[@]}"; do
  code=${codes[$i]}; port=$((first_port + i))
  printf '      %s ' "$code"
  for attempt in $(seq 1 "$((ready_timeout * 2))"); do
    if curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; then echo " ready"; break; fi
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then echo " failed:"; tail -n 20 "$data/$code.log" >&2; exit 1; fi
    if [ "$attempt" -eq "$((ready_timeout * 2))" ]; then
      echo " not ready after $ready_timeout s: $(curl -s "http://127.0.0.1:$port/health/ready")" >&2
      tail -n 30 "$data/$code.log" >&2; exit 1
    fi
    [ $((attempt % 4)) -ne 0 ] || printf '.'
    sleep 0.5
  done
done

urls=()
for i in "${!codes[@]}"; do urls+=("${codes[$i]}=http://127.0.0.1:$((first_port + i))"); done
if [ "${MLA_SEED:-1}" = 1 ]; then
  echo "[5/5] demo requests, through the nodes' API (running again finds them already there)"
  scripts/seed-demo.sh "${urls[@]}"
else
  echo "[5/5] demo requests skipped (MLA_SEED=0)"
fi

echo
printf '%-4s %-24s %s\n' node url "demo accounts (password Demo!2026)"
for i in "${!codes[@]}"; do
  code=${codes[$i]}; c=${code,,}
  printf '%-4s %-24s %s\n' "$code" "http://127.0.0.1:$((first_port + i))" "$c.prosecutor $c.prosecutor2 $c.liaison $c.supervisor $c.executor $c.executor2 $c.admin"
done
echo
echo "Open a node in a browser and sign in, or send a request from one country to another:"
echo "  scripts/walkthrough.sh http://127.0.0.1:$first_port http://127.0.0.1:$((first_port + 1))"
echo "clock speed: ${speed}x. Ctrl-C stops everything."
echo "region ready"
wait

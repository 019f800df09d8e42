#!/usr/bin/env bash
# A private RabbitMQ broker on loopback for tests and the demo region.
#   scripts/broker.sh start [PORT]   install rabbitmq-server from apt if missing, start on 127.0.0.1:PORT
#   scripts/broker.sh stop  [PORT]   stop the instance this script started on PORT
#   scripts/broker.sh ctl   [PORT] ARGS...   rabbitmqctl against that instance
# Each port gets its own node name, data directory and Erlang distribution port, so it never
# touches a system-wide RabbitMQ and two instances can run side by side.
set -euo pipefail
cmd=${1:?start|stop|ctl}; shift
port=${1:-5679}; shift || true
name="mlarequests-$port"
base="${MLA_BROKER_BASE:-${TMPDIR:-/tmp}/mlarequests-broker}/$port"
bin=/usr/lib/rabbitmq/bin

export RABBITMQ_NODENAME="$name@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$port" \
       RABBITMQ_DIST_PORT=$((port + 20000)) ERL_EPMD_ADDRESS=127.0.0.1 \
       RABBITMQ_MNESIA_BASE="$base/mnesia" RABBITMQ_LOG_BASE="$base/log" \
       RABBITMQ_CONFIG_FILE="$base/rabbitmq" RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" \
       RABBITMQ_PID_FILE="$base/rabbit.pid" HOME="${HOME:-/root}"

ctl() { "$bin/rabbitmqctl" -n "$RABBITMQ_NODENAME" "$@"; }

case "$cmd" in
  start)
    if [ ! -x "$bin/rabbitmq-server" ]; then
      echo "installing rabbitmq-server from apt (a minute or two)..."
      command -v apt-get >/dev/null || { echo "apt-get not found: install rabbitmq-server by hand" >&2; exit 1; }
      [ "$(id -u)" = 0 ] && sudo= || sudo=sudo
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq rabbitmq-server >/dev/null
    fi
    if ctl status >/dev/null 2>&1; then echo "broker $name already running on 127.0.0.1:$port"; exit 0; fi
    mkdir -p "$base/mnesia" "$base/log"
    printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users.guest = true\nlog.console = false\ndisk_free_limit.absolute = 50MB\n' "$port" > "$base/rabbitmq.conf"
    echo '[].' > "$base/enabled_plugins"
    "$bin/rabbitmq-server" > "$base/log/stdout.log" 2>&1 &
    echo $! > "$base/launcher.pid"
    [ -t 1 ] && printf 'starting broker %s ' "$name"
    for _ in $(seq 1 120); do
      if ctl await_startup >/dev/null 2>&1; then [ -t 1 ] && echo; echo "broker $name running on 127.0.0.1:$port"; exit 0; fi
      [ -t 1 ] && printf '.'
      kill -0 "$(cat "$base/launcher.pid")" 2>/dev/null || { echo "broker failed to start; see $base/log" >&2; tail -20 "$base/log/stdout.log" >&2; exit 1; }
      sleep 1
    done
    echo "broker did not start within 120 s; see $base/log" >&2; exit 1 ;;
  stop)
    if ctl status >/dev/null 2>&1; then ctl stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1 || true; fi
    if [ -f "$base/launcher.pid" ]; then kill "$(cat "$base/launcher.pid")" 2>/dev/null || true; rm -f "$base/launcher.pid"; fi
    # epmd outlives the broker; stop it too when no other Erlang node still uses it.
    if command -v epmd >/dev/null && ! epmd -names 2>/dev/null | grep -q '^name '; then epmd -kill >/dev/null 2>&1 || true; fi
    echo "broker $name stopped" ;;
  ctl) ctl "$@" ;;
  *) echo "usage: $0 start|stop|ctl [PORT]" >&2; exit 2 ;;
esac

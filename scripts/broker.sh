#!/usr/bin/env bash
# A private RabbitMQ broker on loopback for tests and the demo region.
#   scripts/broker.sh start [PORT]   install rabbitmq-server from apt if missing (not with MLA_NO_INSTALL=1), start on 127.0.0.1:PORT
#   scripts/broker.sh stop  [PORT]   stop the instance this script started on PORT
#   scripts/broker.sh ctl   [PORT] ARGS...   rabbitmqctl against that instance
#   scripts/broker.sh accounts PORT PREFIX SECRETS CODE...   one account per node (see below)
#   scripts/broker.sh definitions PREFIX SECRETS CODE...      the same as RabbitMQ definitions, printed (docker/keys.sh)
# Each port gets its own node name, data directory and Erlang distribution port, so it never
# touches a system-wide RabbitMQ and two instances can run side by side. The default account
# `guest` is deleted at start: every client has an account of its own (docs/broker.md).
# With MLA_BROKER_TLS=DIR the broker listens on PORT with TLS only (amqps://); DIR keeps a local
# certificate authority (ca.pem) and the broker's certificate for 127.0.0.1 and localhost, made
# with openssl at the first start (keys 0600, DIR 0700). rabbitmqctl does not use AMQP, so no
# plain listener is needed at all.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cmd=${1:?start|stop|ctl|accounts|definitions}; shift
case "$cmd" in -h|--help|help) print_usage "$0"; exit 0 ;; esac
if [ "$cmd" = definitions ]; then prefix=${1:?usage: $0 definitions PREFIX SECRETS CODE...}; shift; port=0
else port=${1:-5679}; shift || true; fi
name="mlarequests-$port"
base="${MLA_BROKER_BASE:-${TMPDIR:-/tmp}/mlarequests-broker}/$port"
bin=/usr/lib/rabbitmq/bin

export RABBITMQ_NODENAME="$name@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$port" \
       RABBITMQ_DIST_PORT=$((port + 20000)) ERL_EPMD_ADDRESS=127.0.0.1 \
       RABBITMQ_MNESIA_BASE="$base/mnesia" RABBITMQ_LOG_BASE="$base/log" \
       RABBITMQ_CONFIG_FILE="$base/rabbitmq" RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" \
       RABBITMQ_PID_FILE="$base/rabbit.pid" HOME="${HOME:-/root}"

ctl() { "$bin/rabbitmqctl" -n "$RABBITMQ_NODENAME" "$@"; }

# A local certificate authority and a server certificate for loopback, made once in $1.
make_certificates() {
  local dir=$1
  mkdir -p "$dir"; chmod 700 "$dir"
  [ -s "$dir/server.pem" ] && [ -s "$dir/ca.pem" ] && return 0
  ( umask 077
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 -subj "/CN=MlaRequests local broker CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
      -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' > "$dir/server.ext"
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 825 \
      -extfile "$dir/server.ext" -out "$dir/server.pem" 2>/dev/null
    rm -f "$dir/server.csr" "$dir/server.ext" "$dir/ca.srl" )
  chmod 600 "$dir"/*.key; chmod 644 "$dir/ca.pem" "$dir/server.pem"
}

# RabbitMQ's password hash (rabbit_password_hashing_sha256): base64(salt + sha256(salt + password)), 4-byte salt.
# The password goes through bash's printf builtin only, never a command line.
password_hash() {
  local tmp; tmp=$(mktemp -d); chmod 700 "$tmp"
  openssl rand 4 > "$tmp/salt"
  { cat "$tmp/salt"; printf '%s' "$1"; } | openssl dgst -sha256 -binary > "$tmp/digest"
  cat "$tmp/salt" "$tmp/digest" | base64 -w0
  rm -rf "$tmp"
}

# One account per node: user PREFIX-code with its own virtual host PREFIX-code (every right there, its internal traffic),
# and on the shared border virtual host PREFIX-border the right to configure and read only its own inbound queue and
# exchanges (code-inbound…) and to write only to its own and the other nodes' inbound exchanges. Printed as RabbitMQ
# definitions (JSON). Passwords are read from SECRETS/<CODE>.broker-password, made (0600) when missing. With
# MLA_BROKER_ADMIN=NAME an administrator NAME (password SECRETS/admin.broker-password) is added, for the management UI.
definitions() {
  local prefix=$1 secrets=$2; shift 2
  local codes=("$@") users="" vhosts="{\"name\":\"$prefix-border\"}" permissions="" code c others peers
  mkdir -p "$secrets"; chmod 700 "$secrets"
  for code in "${codes[@]}" ${MLA_BROKER_ADMIN:+admin}; do
    if [ ! -s "$secrets/$code.broker-password" ]; then
      ( umask 077; openssl rand -hex 24 > "$secrets/$code.broker-password" )
    fi
  done
  for code in "${codes[@]}"; do
    c=${code,,}
    others=()
    for peer in "${codes[@]}"; do [ "$peer" = "$code" ] || others+=("${peer,,}"); done
    peers=$(IFS='|'; echo "${others[*]}")
    users+="${users:+,}{\"name\":\"$prefix-$c\",\"password_hash\":\"$(password_hash "$(cat "$secrets/$code.broker-password")")\",\"hashing_algorithm\":\"rabbit_password_hashing_sha256\",\"tags\":\"\"}"
    vhosts+=",{\"name\":\"$prefix-$c\"}"
    permissions+="${permissions:+,}{\"user\":\"$prefix-$c\",\"vhost\":\"$prefix-$c\",\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"
    permissions+=",{\"user\":\"$prefix-$c\",\"vhost\":\"$prefix-border\",\"configure\":\"^$c-inbound.*\",\"write\":\"^($c-inbound.*${peers:+|($peers)-inbound})\$\",\"read\":\"^$c-inbound.*\"}"
  done
  if [ -n "${MLA_BROKER_ADMIN:-}" ]; then
    users+=",{\"name\":\"$MLA_BROKER_ADMIN\",\"password_hash\":\"$(password_hash "$(cat "$secrets/admin.broker-password")")\",\"hashing_algorithm\":\"rabbit_password_hashing_sha256\",\"tags\":\"administrator\"}"
  fi
  printf '{"users":[%s],"vhosts":[%s],"permissions":[%s]}\n' "$users" "$vhosts" "$permissions"
}

# The accounts above, imported into the running broker in one rabbitmqctl call.
accounts() {
  local tmp; tmp=$(mktemp -d); chmod 700 "$tmp"
  definitions "$@" > "$tmp/accounts.json"
  ctl import_definitions "$tmp/accounts.json" >/dev/null
  rm -rf "$tmp"
}

case "$cmd" in
  start)
    need_packages rabbitmq-server="$bin/rabbitmq-server"
    if ctl status >/dev/null 2>&1; then echo "broker $name already running on 127.0.0.1:$port"; exit 0; fi
    mkdir -p "$base/mnesia" "$base/log"
    if [ -n "${MLA_BROKER_TLS:-}" ]; then
      make_certificates "$MLA_BROKER_TLS"
      tls=$(cd "$MLA_BROKER_TLS" && pwd)
      printf 'listeners.tcp = none\nlisteners.ssl.default = 127.0.0.1:%s\nssl_options.cacertfile = %s\nssl_options.certfile = %s\nssl_options.keyfile = %s\nssl_options.verify = verify_none\nssl_options.fail_if_no_peer_cert = false\nssl_options.versions.1 = tlsv1.3\nssl_options.versions.2 = tlsv1.2\n' \
        "$port" "$tls/ca.pem" "$tls/server.pem" "$tls/server.key" > "$base/rabbitmq.conf"
    else
      printf 'listeners.tcp.default = 127.0.0.1:%s\n' "$port" > "$base/rabbitmq.conf"
    fi
    printf 'loopback_users.guest = true\nlog.console = false\ndisk_free_limit.absolute = 50MB\n' >> "$base/rabbitmq.conf"
    echo '[].' > "$base/enabled_plugins"
    "$bin/rabbitmq-server" > "$base/log/stdout.log" 2>&1 &
    echo $! > "$base/launcher.pid"
    [ -t 1 ] && printf 'starting broker %s ' "$name"
    for _ in $(seq 1 120); do
      if ctl await_startup >/dev/null 2>&1; then
        ctl delete_user guest >/dev/null 2>&1 || true
        [ -t 1 ] && echo; echo "broker $name running on 127.0.0.1:$port${MLA_BROKER_TLS:+ (TLS)}"; exit 0
      fi
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
  accounts) [ $# -ge 3 ] || usage_error "usage: $0 accounts PORT PREFIX SECRETS CODE..."; accounts "$@" ;;
  definitions) [ $# -ge 1 ] || usage_error "usage: $0 definitions PREFIX SECRETS CODE..."
    definitions "$prefix" "$@" ;;
  *) usage_error "usage: $0 start|stop|ctl|accounts|definitions [PORT] (--help: more)" ;;
esac

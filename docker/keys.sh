#!/usr/bin/env bash
# Writes docker/.env with a signing key pair per country (compose reads it): each node gets its
# private key and every node trusts all five public keys. Existing keys are kept; delete docker/.env
# to make new ones. Uses the local build if there is one, otherwise the node image.
# Broker accounts: one per node (docs/broker.md), passwords in docker/secrets/<CODE>.broker-password (0600) and in
# docker/.env for compose; the broker loads them from docker/rabbitmq/accounts.json (salted hashes only).
set -euo pipefail
cd "$(dirname "$0")/.."
env=docker/.env
dll=src/MlaRequests.Node/bin/Release/net10.0/MlaRequests.Node.dll
keygen() {
  if [ -f "$dll" ]; then dotnet "$dll" keygen
  else docker run --rm mlarequests-node:local keygen; fi
}
touch "$env"; chmod 600 "$env"
for code in KZ KG TJ TM UZ; do
  grep -q "^${code}_SIGNING_KEY=" "$env" && continue
  pair=$(keygen)
  echo "${code}_SIGNING_KEY=$(echo "$pair" | sed -n 's/^CrossBorder__SigningKey=//p')" >> "$env"
  echo "${code}_PUBLIC_KEY=$(echo "$pair" | sed -n 's/^PublicKey=//p')" >> "$env"
done
MLA_BROKER_ADMIN=mla scripts/broker.sh definitions mla docker/secrets KZ KG TJ TM UZ > docker/rabbitmq/accounts.json
chmod 644 docker/rabbitmq/accounts.json # read by the broker's own user in the container
for code in KZ KG TJ TM UZ; do
  grep -q "^${code}_BROKER_PASSWORD=" "$env" || echo "${code}_BROKER_PASSWORD=$(cat "docker/secrets/$code.broker-password")" >> "$env"
done
echo "keys in $env (keep it private)"

#!/usr/bin/env bash
# Writes docker/.env with a signing key pair per country (compose reads it): each node gets its
# private key and every node trusts all five public keys. Existing keys are kept; delete docker/.env
# to make new ones. Uses the local build if there is one, otherwise the node image.
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
grep -q '^RABBITMQ_PASSWORD=' "$env" || echo "RABBITMQ_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" >> "$env"
echo "keys in $env (keep it private)"

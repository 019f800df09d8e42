#!/usr/bin/env bash
# Writes docker/.env (mode 0600) with a signing and an encryption key per country (compose hands them to the nodes in
# the environment, never as arguments): each node gets its private keys and trusts the other four public identities
# (sig:…;enc:…). Existing keys are kept; keys made before sealing keep their signing key and get an encryption key.
# Delete docker/.env to make new ones. Uses the local build if there is one, otherwise the node image.
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
  grep -q "^${code}_ENCRYPTION_KEY=" "$env" && continue
  pair=$(keygen)
  if grep -q "^${code}_SIGNING_KEY=" "$env"; then
    signing_public=$(sed -n "s/^${code}_PUBLIC_KEY=//p" "$env"); signing_public=${signing_public#sig:}
    sed -i "/^${code}_PUBLIC_KEY=/d" "$env"
  else
    echo "${code}_SIGNING_KEY=$(echo "$pair" | sed -n 's/^CrossBorder__SigningKey=//p')" >> "$env"
    signing_public=$(echo "$pair" | sed -n 's/^PublicKey=sig:\([^;]*\);.*/\1/p')
  fi
  echo "${code}_ENCRYPTION_KEY=$(echo "$pair" | sed -n 's/^CrossBorder__EncryptionKey=//p')" >> "$env"
  echo "${code}_PUBLIC_KEY=sig:${signing_public};$(echo "$pair" | sed -n 's/^PublicKey=.*;\(enc:.*\)/\1/p')" >> "$env"
done
MLA_BROKER_ADMIN=mla scripts/broker.sh definitions mla docker/secrets KZ KG TJ TM UZ > docker/rabbitmq/accounts.json
chmod 644 docker/rabbitmq/accounts.json # read by the broker's own user in the container
for code in KZ KG TJ TM UZ; do
  grep -q "^${code}_BROKER_PASSWORD=" "$env" || echo "${code}_BROKER_PASSWORD=$(cat "docker/secrets/$code.broker-password")" >> "$env"
done
echo "keys in $env (keep it private)"

#!/usr/bin/env bash
# The README's API walk-through, runnable: a request from Kazakhstan to Kyrgyzstan and Tajikistan,
# from draft to acceptance in Kyrgyzstan, against two running nodes (demo accounts seeded).
#   scripts/walkthrough.sh [KZ_URL] [KG_URL]     (defaults: http://127.0.0.1:5101 http://127.0.0.1:5102)
# Needs only bash and curl. Exits non-zero at the first step that does not answer as expected.
set -euo pipefail
KZ=${1:-http://127.0.0.1:5101}
KG=${2:-http://127.0.0.1:5102}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh" # field: a JSON string value without jq

say() { printf '\n== %s\n' "$*"; }
call() {  # call EXPECTED_STATUS METHOD URL TOKEN [BODY_FILE_OR_JSON]
  local expected=$1 method=$2 url=$3 token=$4 body=${5:-} out status
  out=$(mktemp)
  local args=(-s -o "$out" -w '%{http_code}' -X "$method" "$url" -H "Authorization: Bearer $token" -H 'Content-Type: application/json')
  [ "$method" = GET ] || args+=(-H "Idempotency-Key: $(date +%s%N)-$RANDOM")
  if [ -n "$body" ]; then if [ -f "$body" ]; then args+=(--data-binary "@$body"); else args+=(-d "$body"); fi; fi
  status=$(curl "${args[@]}")
  cat "$out"; rm -f "$out"; echo
  [ "$status" = "$expected" ] || { echo "!! $method $url answered $status, expected $expected" >&2; exit 1; }
}
login() { curl -sf -X POST "$1/api/auth/login" -H 'Content-Type: application/json' -d "{\"userName\":\"$2\",\"password\":\"Demo!2026\"}" | field accessToken; }
until_has() {  # until_has URL TOKEN TEXT: poll (up to 30 s) until the answer contains TEXT
  for _ in $(seq 1 150); do curl -sf "$1" -H "Authorization: Bearer $2" | grep -q "$3" && return 0; sleep 0.2; done
  echo "!! $1 never showed $3" >&2; exit 1
}

say "Sign in (bearer tokens)"
PROSECUTOR=$(login "$KZ" kz.prosecutor); LIAISON=$(login "$KZ" kz.liaison); SUPERVISOR=$(login "$KZ" kz.supervisor); KG_LIAISON=$(login "$KG" kg.liaison)
echo "signed in as kz.prosecutor, kz.liaison, kz.supervisor and kg.liaison"

say "A prosecutor opens a draft to Kyrgyzstan and Tajikistan"
ID=$(call 201 POST "$KZ/api/requests" "$PROSECUTOR" "$here/examples/draft.json" | tee /dev/stderr | field id)

say "Submitting it is refused while required content is missing (every missing field is named)"
call 400 POST "$KZ/api/requests/$ID/submit" "$PROSECUTOR"

say "The prosecutor completes the draft and submits it for review"
call 200 PUT "$KZ/api/requests/$ID" "$PROSECUTOR" "$here/examples/request.json"
until_has "$KZ/api/requests/$ID" "$PROSECUTOR" '"status":"Draft"'
call 202 POST "$KZ/api/requests/$ID/submit" "$PROSECUTOR"
until_has "$KZ/api/requests/$ID" "$PROSECUTOR" '"status":"InReview"'

say "The liaison officer finds it in the inbox and approves it: one branch per country is transmitted"
call 200 GET "$KZ/api/inbox" "$LIAISON"
call 202 POST "$KZ/api/requests/$ID/approve" "$LIAISON"
until_has "$KZ/api/requests/$ID" "$PROSECUTOR" '"status":"Approved"'

say "In Kyrgyzstan it arrives as an incoming case; the liaison officer registers, assigns and accepts it"
until_has "$KG/api/incoming" "$KG_LIAISON" '"requestingNode":"KZ"'
CASE=$(curl -sf "$KG/api/incoming" -H "Authorization: Bearer $KG_LIAISON" | field id)
call 202 POST "$KG/api/incoming/$CASE/register" "$KG_LIAISON" '{"fileNumber":"03-12/417"}'
until_has "$KG/api/incoming/$CASE" "$KG_LIAISON" '"status":"Registered"'
call 202 POST "$KG/api/incoming/$CASE/assign" "$KG_LIAISON" '{"assignee":"kg.liaison"}'
until_has "$KG/api/incoming/$CASE" "$KG_LIAISON" '"status":"Assigned"'
call 202 POST "$KG/api/incoming/$CASE/accept" "$KG_LIAISON"

say "Back in Kazakhstan: each country's status, the deadline clocks and the timeline"
until_has "$KZ/api/requests/$ID" "$PROSECUTOR" '"country":"KG","branchId":"[^"]*","status":"InExecution"'
call 200 GET "$KZ/api/requests/$ID" "$PROSECUTOR"

say "The workflow diagram with the current states (Mermaid)"
call 200 GET "$KZ/api/requests/$ID/diagram" "$PROSECUTOR"

say "The supervisor's view of clocks past their 50 % reminder"
call 200 GET "$KZ/api/deadlines?state=due" "$SUPERVISOR"

say "Done: request $ID is in execution in Kyrgyzstan and awaiting registration in Tajikistan"

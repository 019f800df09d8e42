#!/usr/bin/env bash
# Demo requests in different statuses, made through the nodes' real API (so workflows, timelines,
# clocks and cross-border messages are genuine). Idempotent: every command carries a fixed
# Idempotency-Key, so running it again replays the first answers and creates nothing twice.
#   scripts/seed-demo.sh KZ=http://127.0.0.1:5101 KG=http://127.0.0.1:5102 ...
# A scenario is seeded only when every country it involves is given:
#   KZ → KG  draft                          (kz.prosecutor's draft)
#   KZ → TJ  awaiting approval              (in kz.liaison's inbox)
#   KG → UZ  sent; registered in Uzbekistan (acknowledged by the receiver)
#   UZ → KZ  executed in Kazakhstan         (registered, assigned, accepted, execution recorded)
#   TM → TJ  sent; awaiting registration in Tajikistan
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh" # field
declare -A url
for pair in "$@"; do url[${pair%%=*}]=${pair#*=}; done

login() { curl -sf -X POST "${url[$1]}/api/auth/login" -H 'Content-Type: application/json' \
            -d "{\"userName\":\"${1,,}.$2\",\"password\":\"Demo!2026\"}" | field accessToken; }
has() { for c in "$@"; do [ -n "${url[$c]:-}" ] || return 1; done; }
call() {  # call KEY METHOD URL TOKEN [JSON]: a command with a fixed Idempotency-Key; prints the answer
  local key=$1 method=$2 target=$3 token=$4 body=${5:-} out status
  [ -n "$body" ] || body='{}'
  out=$(mktemp)
  status=$(curl -s -o "$out" -w '%{http_code}' -X "$method" "$target" -H "Authorization: Bearer $token" \
           -H 'Content-Type: application/json' -H "Idempotency-Key: demo-seed-$key" -d "$body")
  cat "$out"; rm -f "$out"
  case "$status" in 2*) ;; *) echo "!! $method $target answered $status" >&2; return 1 ;; esac
}
until_has() {  # until_has URL TOKEN TEXT: poll (up to 60 s) until the answer contains TEXT
  for _ in $(seq 1 300); do curl -sf "$1" -H "Authorization: Bearer $2" | grep -q "$3" && return 0; sleep 0.2; done
  echo "!! $1 never showed $3" >&2; return 1
}
content() {  # content FROM TO CASE_REFERENCE: a complete request (fictional people, initials only)
  local from=$1 to=$2 ref=$3
  local -A city=([KZ]=Almaty [KG]=Bishkek [TJ]=Dushanbe [TM]=Ashgabat [UZ]=Tashkent)
  # Uzbekistan and Turkmenistan are not parties to the Chisinau Convention: the Minsk Convention applies towards them.
  local basis=Chisinau2002
  case "$from$to" in *UZ*|*TM*) basis=Minsk1993 ;; esac
  cat <<JSON
{ "kind": "ClassicMla", "legalBasis": "$basis", "targets": ["$to"],
  "requestingAuthority": { "name": "Prosecutor's Office of ${city[$from]}", "function": "Department for combating human trafficking" },
  "conductingAuthority": { "name": "${city[$from]} City Police Department", "function": "Senior investigator" },
  "requestedAuthority": "General Prosecutor's Office (central authority)",
  "caseReference": "$ref", "stage": "Investigation",
  "facts": "A recruitment network moved victims from ${city[$from]} to ${city[$to]} under false job offers.",
  "offenceQualification": "Trafficking in persons (criminal code of the requesting state)",
  "lawText": "Trafficking in persons: the purchase and sale of a person or other transactions in respect of a person ...",
  "measures": [ { "type": "Hearing", "description": "Hear the witness on how the recruitment worked" } ],
  "persons": [
    { "role": "Suspect", "kind": "Natural", "name": "A. B.", "citizenship": "$from", "dateOfBirth": "1985-04-02", "placeOfBirth": "${city[$from]}", "residence": "${city[$from]}", "occupation": "driver" },
    { "role": "Witness", "kind": "Natural", "name": "E. F.", "citizenship": "$to", "dateOfBirth": "1990-01-15", "placeOfBirth": "${city[$to]}", "residence": "${city[$to]}", "occupation": "cashier" } ],
  "evidencePurpose": "Prove the recruitment scheme and identify the organisers", "originalLanguage": "ru" }
JSON
}
open_request() {  # open_request N FROM TO: creates (or finds again) demo request N; prints its id
  local n=$1 from=$2 to=$3
  call "$n-create" POST "${url[$from]}/api/requests" "$(login "$from" prosecutor)" "$(content "$from" "$to" "DEMO-$from-$n")" | field id
}
approve() {  # approve N FROM TO ID: submit and approve; waits until it reached the receiving node; prints the branch id
  local n=$1 from=$2 to=$3 id=$4 prosecutor liaison
  prosecutor=$(login "$from" prosecutor); liaison=$(login "$from" liaison)
  call "$n-submit" POST "${url[$from]}/api/requests/$id/submit" "$prosecutor" >/dev/null
  until_has "${url[$from]}/api/requests/$id" "$prosecutor" '"status":"\(InReview\|Approved\|Completed\)"'
  call "$n-approve" POST "${url[$from]}/api/requests/$id/approve" "$liaison" >/dev/null
  until_has "${url[$from]}/api/requests/$id" "$prosecutor" "\"country\":\"$to\",\"branchId\":\"[^\"]*\""
  local branch
  branch=$(curl -sf "${url[$from]}/api/requests/$id" -H "Authorization: Bearer $prosecutor" | sed -n "s/.*\"country\":\"$to\",\"branchId\":\"\([^\"]*\)\".*/\1/p")
  until_has "${url[$to]}/api/incoming/$branch" "$(login "$to" liaison)" '"status"'
  echo "$branch"
}
step() {  # step N CODE CASE STEP STATUS [JSON]: an incoming-case step on CODE, then wait for STATUS
  local token body=${6:-}; token=$(login "$2" liaison)
  call "$1-$4" POST "${url[$2]}/api/incoming/$3/$4" "$token" "$body" >/dev/null
  until_has "${url[$2]}/api/incoming/$3" "$token" "\"status\":\"$5\""
}
done_msg() { printf '      %-8s %s\n' "$1" "$2"; }

if has KZ KG; then
  id=$(open_request 1 KZ KG); done_msg "KZ → KG" "draft ($id)"
fi
if has KZ TJ; then
  id=$(open_request 2 KZ TJ)
  call 2-submit POST "${url[KZ]}/api/requests/$id/submit" "$(login KZ prosecutor)" >/dev/null
  done_msg "KZ → TJ" "awaiting the liaison officer's approval ($id)"
fi
if has KG UZ; then
  id=$(open_request 3 KG UZ); branch=$(approve 3 KG UZ "$id")
  step 3 UZ "$branch" register "\(Registered\|Assigned\|InExecution\)" '{"fileNumber":"4-117/2026"}'
  done_msg "KG → UZ" "sent and registered in Uzbekistan ($id)"
fi
if has UZ KZ; then
  id=$(open_request 4 UZ KZ); branch=$(approve 4 UZ KZ "$id")
  step 4 KZ "$branch" register "\(Registered\|Assigned\|InExecution\|Executed\)" '{"fileNumber":"2-341/2026"}'
  step 4 KZ "$branch" assign "\(Assigned\|InExecution\|Executed\)" '{"assignee":"kz.liaison"}'
  step 4 KZ "$branch" accept "\(InExecution\|Executed\)"
  step 4 KZ "$branch" record-execution "Executed" '{"complete":true,"summary":"The witness was heard; the record is ready to transfer."}'
  done_msg "UZ → KZ" "executed in Kazakhstan ($id)"
fi
if has TM TJ; then
  id=$(open_request 5 TM TJ); approve 5 TM TJ "$id" >/dev/null
  done_msg "TM → TJ" "sent; awaiting registration in Tajikistan ($id)"
fi

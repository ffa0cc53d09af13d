#!/bin/bash
# Shows that each rule of .dependency-cruiser.cjs fails on a planted violation: writes one small
# file that breaks it, runs the same check as `npm run deps`, looks for the rule's name, removes
# the file. Exits 1 if a rule did not fire. Run from the repository root:
#   bash scripts/check-dependency-rules.sh
set -u
cd "$(dirname "$0")/.."
planted=()
trap 'rm -f "${planted[@]}"' EXIT
missed=0
check() { # rule, then file=content pairs
  local rule=$1; shift
  local files=()
  for pair in "$@"; do files+=("${pair%%=*}"); printf '%s\n' "${pair#*=}" > "${pair%%=*}"; planted+=("${pair%%=*}"); done
  local out; out=$(npx depcruise --config .dependency-cruiser.cjs src web/src bench 2>&1)
  rm -f "${files[@]}"
  if grep -q "error $rule:" <<<"$out"; then echo "fires   $rule"; else echo "MISSED  $rule"; missed=1; fi
}
check domain-is-pure "src/domain/planted.ts=import '../store/reader.ts';"
check contract-on-domain-only "src/contract/planted.ts=import '../store/reader.ts';"
check scenario-on-domain "src/scenario/planted.ts=import '../store/reader.ts';"
check ingest-on-domain "src/ingest/planted.ts=import '../app/caller.ts';"
check store-below-app "src/store/planted.ts=import '../app/caller.ts';"
check app-below-adapters "src/app/planted.ts=import '../adapters/pg-event-bus.ts';"
check app-no-drivers "src/app/planted.ts=import 'pg';"
check app-no-file-io "src/app/planted.ts=import { readFileSync } from 'node:fs'; export const f = readFileSync;"
check adapters-below-entrypoints "src/adapters/planted.ts=import '../http/server.ts';"
check http-through-use-cases "src/http/planted.ts=import '../store/reader.ts';"
check cli-through-use-cases "src/cli/planted.ts=import '../store/audit.repository.ts';"
check no-one-imports-the-cli "src/http/planted.ts=import '../cli/io.ts';"
check server-not-on-web "src/app/planted.ts=import '../../web/src/api/permissions.ts';"
check web-on-contract-only "web/src/planted.ts=import '../../src/app/caller.ts';"
check not-to-unresolvable "src/app/planted.ts=import './no-such-file.ts';"
check no-circular "src/domain/planted-a.ts=import './planted-b.ts';" "src/domain/planted-b.ts=import './planted-a.ts';"
exit $missed

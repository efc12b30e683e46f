#!/usr/bin/env bash
# The test command (npm test): the whole jest suite, once in each of two time zones far from UTC
# (UTC+14 and UTC-11) with different locales, so that no result may depend on either.
# Prints one closing line, "N passed, N failed", summed over both runs.
set -uo pipefail
cd "$(dirname "$0")/.."

out=$(mktemp -d)
status=0
run=0
for zone in "Pacific/Kiritimati en-NZ.UTF-8" "Pacific/Pago_Pago de-DE.UTF-8"; do
  set -- $zone
  run=$((run + 1))
  echo "== jest in TZ=$1 LANG=$2"
  TZ="$1" LANG="$2" npx jest --json --outputFile="$out/run$run.json" || status=1
done

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const f of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  }
  console.log(`${passed} passed, ${failed} failed`);
' "$out"
rm -rf "$out"
exit $status

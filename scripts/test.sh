#!/usr/bin/env bash
# The test command (npm test): the whole jest suite in TZ=Pacific/Kiritimati (UTC+14, en-NZ), then
# again, in TZ=Pacific/Pago_Pago (UTC-11, de-DE), the test files where a time zone or a locale could
# change a result. Prints one closing line, "N passed, N failed", summed over both runs.
#
# Which files run in the second zone, and why (grep src/ for Date, Intl, toLocale, getTimezoneOffset):
# - test/core/: the core is pure (lint bans Date there), but it owns the calendar (serial dates);
#   the second zone keeps that proved rather than assumed.
# - test/cli/: the CLI reads CSV registers (dates as text) and writes workbooks (src/export); it
#   also builds the Portfolio sheet (src/model/portfolioSheet.ts, the one `new Date()` in src/).
# - every test file that imports src/export/ (xlsx writing, LibreOffice recalculation), the
#   LibreOffice readers of test/support/xlsxValues.ts, src/cli/, src/model/portfolioSheet.ts or
#   src/taskpane/portfolioPane.ts (which builds that sheet): LibreOffice inherits TZ and LANG, and
#   the Portfolio sheet's formulas read dates and amounts typed as text (DATEVALUE, VALUE), which a
#   locale could read differently. Found by grep below, so a new such test is included unedited.
# - not repeated: test/functions/ (serials and numbers in, no Date or Intl in src/functions/),
#   test/taskpane/ other than portfolio (no Date or Intl in src/taskpane/; the Excel double uses
#   only Date.UTC), test/model/ files that neither write nor recalculate a workbook, manifest.
set -uo pipefail
cd "$(dirname "$0")/.."

second_zone=(test/core/ test/cli/)
while IFS= read -r file; do second_zone+=("$file"); done < <(
  grep -rlE 'src/(export|cli)/|src/model/portfolioSheet"|src/taskpane/portfolioPane"|support/xlsxValues"' test --include='*.test.ts' | grep -vE '^test/(core|cli)/' | sort
)

out=$(mktemp -d)
status=0

echo "== jest in TZ=Pacific/Kiritimati LANG=en-NZ.UTF-8: the whole suite"
TZ=Pacific/Kiritimati LANG=en-NZ.UTF-8 npx jest --json --outputFile="$out/run1.json" || status=1

echo "== jest in TZ=Pacific/Pago_Pago LANG=de-DE.UTF-8: ${second_zone[*]}"
TZ=Pacific/Pago_Pago LANG=de-DE.UTF-8 npx jest --json --outputFile="$out/run2.json" "${second_zone[@]}" || status=1

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

#!/usr/bin/env bash
# Proves the provider scaffold (scripts/new-package.sh --provider) still writes a working skeleton:
# in a throw-away worktree of HEAD it creates @sightline/demoai, installs it offline from the store the
# main install filled, and checks that it lints and type-checks, and that its conformance suite runs
# and fails on the stubs (every case that needs the provider mapped, each with the guide's "not written
# yet" message).
# Expects the workspace to be installed and built (scripts/test.sh does both first).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/repo" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach --quiet "$work/repo" HEAD
cd "$work/repo"
# Installed first, as in a developer's checkout: the scaffold formats what it writes with the workspace's biome.
pnpm install --offline --frozen-lockfile --reporter=silent >/dev/null
bash scripts/new-package.sh --provider demoai >/dev/null
pnpm install --offline --no-frozen-lockfile --reporter=silent >/dev/null
# The other packages' builds are the main tree's (same commit): only the skeleton is new.
for built in "$root"/packages/*/dist; do
  package=$(basename "$(dirname "$built")")
  [ -d "packages/$package" ] && cp -r "$built" "packages/$package/"
done
skeleton=(packages/demoai packages/testing/src/demoai packages/testing/src/mock-providers.ts)
if ! pnpm exec biome check --colors=off "${skeleton[@]}" >/dev/null 2>&1; then
  echo "✗ the provider skeleton does not pass biome:"
  pnpm exec biome check --colors=off "${skeleton[@]}" 2>&1 | tail -30
  exit 1
fi
if ! node scripts/sync-package-metadata.mjs --check >/dev/null 2>&1; then
  echo "✗ the provider skeleton's package metadata drifts from the root:"
  node scripts/sync-package-metadata.mjs --check 2>&1 | tail -10
  exit 1
fi
(cd packages/testing && pnpm exec tsup >/dev/null 2>&1)
(cd packages/demoai && pnpm exec tsc --noEmit -p tsconfig.json) || {
  echo "✗ the provider skeleton does not type-check"
  exit 1
}
status=0
(cd packages/demoai && pnpm exec vitest run --reporter=json --outputFile.json="$work/report.json" >/dev/null 2>&1) || status=$?
if [ "$status" = "0" ]; then
  echo "✗ the skeleton's conformance suite passed on stubs: its cases cannot fail"
  exit 1
fi
node -e '
  const report = require(process.argv[1]);
  const results = report.testResults.flatMap((file) => file.assertionResults);
  // Only a case that needs no mapping at all may pass: the kit returns a value that is not a client unchanged.
  const kitOnly = (result) => /not a client unchanged/.test(result.title);
  const failed = results.filter((result) => result.status === "failed");
  const unexplained = failed.filter((result) => !result.failureMessages.join("\n").includes("not written yet"));
  const passing = results.filter((result) => result.status !== "failed" && !kitOnly(result));
  if (results.length < 20 || passing.length > 0 || unexplained.length > 0) {
    console.error(`✗ expected every conformance case to fail on the stubs: ${failed.length} of ${results.length} failed, ${unexplained.length} for another reason`);
    for (const result of unexplained.slice(0, 5)) console.error(`  ${result.fullName}: ${result.failureMessages[0]?.split("\n")[0]}`);
    for (const result of passing.slice(0, 5)) console.error(`  not failing: ${result.fullName} (${result.status})`);
    process.exit(1);
  }
  console.log(`provider scaffold: @sightline/demoai lints, type-checks, and its conformance suite runs ${results.length} cases: ${failed.length} fail on the stubs, naming their step of the guide, as they should (the one that passes needs no mapping: a value that is not a client comes back unchanged)`);
' "$work/report.json"

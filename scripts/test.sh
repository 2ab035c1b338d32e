#!/usr/bin/env bash
# Runs every check CI runs: lint, build, type-check and all test suites, then prints one
# closing line "N passed, N failed" summed over every package. Exits non-zero when anything fails,
# a suite fails to load, or no test ran.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/ensure-toolchain.sh

# promtool proves the generated Prometheus rules; install Debian's package where we can.
if ! command -v promtool >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "› installing promtool (Debian package prometheus)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null
  else
    echo "› promtool not found and cannot be installed here: its tests will be skipped"
  fi
fi

echo "› biome ci"
pnpm exec biome ci --colors=off .

rm -f packages/*/test-results*.json examples/*/test-results*.json
status=0
pnpm exec turbo run build typecheck test --continue --concurrency=2 --output-logs=errors-only || status=$?
# The library packages again on Node 22 and 24 (the supported range is 20.19 through 24).
bash scripts/test-other-node-versions.sh || status=$?
# promtool on every rendered Prometheus file (default set and examples), beside the unit tests.
if command -v promtool >/dev/null 2>&1; then
  bash packages/alerts/scripts/check-prometheus-rules.sh || status=$?
fi
node scripts/summarize-test-results.mjs || status=$?
exit "$status"

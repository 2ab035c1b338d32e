#!/usr/bin/env bash
# Creates the skeleton of a workspace package.
#   scripts/new-package.sh --provider NAME
#     a provider package over core's provider kit: observe function, mapper stubs, the conformance
#     suite wired, a mock module in the test kit and a docs page (docs/contributing/add-a-provider.md).
#   scripts/new-package.sh <dir> <npm-name> "<description>"
#     the common skeleton only: package.json, tsconfig.json, tsup.config.ts, vitest.config.ts, src/index.ts.
set -euo pipefail
if [ "${1:-}" = "--provider" ]; then
  exec node "$(dirname "$0")/new-provider.mjs" "${2:-}"
fi
dir=$1; name=$2; desc=$3
root=$(cd "$(dirname "$0")/.." && pwd)
p="$root/packages/$dir"
mkdir -p "$p/src"
[ -f "$p/package.json" ] || cat > "$p/package.json" <<JSON
{
  "name": "$name",
  "version": "0.1.0",
  "description": "$desc",
  "license": "Apache-2.0",
  "type": "module",
  "sideEffects": false,
  "engines": { "node": ">=20.19" },
  "main": "./dist/index.cjs",
  "module": "./dist/index.js",
  "types": "./dist/index.d.ts",
  "exports": {
    ".": {
      "import": { "types": "./dist/index.d.ts", "default": "./dist/index.js" },
      "require": { "types": "./dist/index.d.cts", "default": "./dist/index.cjs" }
    },
    "./package.json": "./package.json"
  },
  "keywords": ["opentelemetry", "observability", "llm", "genai"],
  "files": ["dist", "README.md", "LICENSE"],
  "scripts": {
    "build": "tsup",
    "test": "vitest run --reporter=default --reporter=json --outputFile.json=test-results.json",
    "typecheck": "tsc --noEmit -p tsconfig.json",
    "clean": "rm -rf dist .turbo test-results.json"
  }
}
JSON
[ -f "$p/tsconfig.json" ] || cat > "$p/tsconfig.json" <<JSON
{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": { "types": ["node"] },
  "include": ["src", "*.config.ts"]
}
JSON
[ -f "$p/tsup.config.ts" ] || cat > "$p/tsup.config.ts" <<TS
import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  target: "node20",
  clean: true,
  sourcemap: true,
});
TS
[ -f "$p/vitest.config.ts" ] || cat > "$p/vitest.config.ts" <<TS
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["src/**/*.test.ts"], testTimeout: 20_000 },
});
TS
[ -f "$p/src/index.ts" ] || echo "export {};" > "$p/src/index.ts"
[ -f "$p/README.md" ] || printf '# %s\n\n%s\n\n## Install\n\n```sh\nnpm install %s\n```\n\n## Usage\n\nNot written yet.\n' "$name" "$desc" "$name" > "$p/README.md"
# Repository, homepage, bugs and LICENSE come from the root's one repository value.
node "$root/scripts/sync-package-metadata.mjs" >/dev/null
echo "created $p"

#!/usr/bin/env bash
# The offline demo: builds the workspace, then runs examples/quickstart, which makes real openai
# SDK calls through Sightline against a local mock LLM server and prints every span.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/ensure-toolchain.sh
pnpm exec turbo run build --filter=@example/quickstart... --output-logs=errors-only
node examples/quickstart/dist/main.js

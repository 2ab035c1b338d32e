#!/usr/bin/env bash
# The offline demo: builds the workspace, then runs examples/demo. It starts `sightline dev` and a
# local mock LLM server in one process, and an app whose wrapped openai client makes real SDK calls
# (chat, stream, tools, embeddings, an error, a model that changes behaviour); the traces appear as
# trees with tokens, cost and drift events, then a summary per model. Ends by itself.
# OPENAI_API_KEY=… calls OpenAI instead of the mock; OTEL_EXPORTER_OTLP_ENDPOINT=… exports there instead.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/ensure-toolchain.sh
pnpm exec turbo run build --filter=@example/demo... --output-logs=errors-only
node examples/demo/dist/main.js

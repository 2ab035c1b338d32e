#!/usr/bin/env bash
# The offline demo: builds the workspace, then runs examples/demo. It starts `sightline dev` and a
# local mock LLM server in one process, and an app whose wrapped openai client makes real SDK calls
# (chat, stream, tools, embeddings, an error, a model that changes behaviour); the traces appear as
# trees with tokens, cost and drift events, then a summary per model. Ends by itself.
# The traces are also kept in sightline dev's store (SIGHTLINE_DEV_STORE picks the file) for its web UI
# (Node 22.13+); `--ui` (or SIGHTLINE_DEMO_STAY=1) keeps the UI served after the story until Ctrl-C.
# OPENAI_API_KEY=… calls OpenAI instead of the mock; OTEL_EXPORTER_OTLP_ENDPOINT=… exports there instead.
# A first build takes a minute or more on a small machine, so each stage is named as it starts, each
# package as its build starts, and each stage's time is printed when it ends: a new user sees it working.
set -euo pipefail
cd "$(dirname "$0")/.."
for argument in "$@"; do
  case "$argument" in
    --ui) export SIGHTLINE_DEMO_STAY=1 ;;
    *)
      echo "usage: bash scripts/demo.sh [--ui]   (--ui keeps the web UI served after the story, until Ctrl-C)" >&2
      exit 2
      ;;
  esac
done
export TURBO_TELEMETRY_DISABLED=1
demo_started=$SECONDS
stage_started=$SECONDS
# Names the stage that starts now.
stage_start() {
  echo "▶ $1"
  stage_started=$SECONDS
}
# Prints how long the stage that just ended took.
stage_done() {
  echo "  ⏱ $1: $((SECONDS - stage_started)) s"
}

stage_start "1/3 installing pnpm and the workspace's packages (from the lockfile)"
# Sourced, so the project-local pnpm it may install stays on PATH here.
source scripts/ensure-toolchain.sh
stage_done "install"

filter=--filter=@example/demo...
task_count=$(pnpm exec turbo run build "$filter" --dry=json 2>/dev/null |
  node -e 'let text = ""; process.stdin.on("data", (d) => (text += d)).on("end", () => console.log(JSON.parse(text).tasks.length))' ||
  echo "?")
stage_start "2/3 building the demo and the $task_count packages it uses (cached builds are instant)"
started_tasks=0
# turbo prints one "<package>:build: cache miss, executing …" line ("cache hit, …", "cache bypass, …" with
# TURBO_FORCE) as each task starts.
if ! pnpm exec turbo run build "$filter" --output-logs=hash-only 2>&1 |
  while IFS= read -r line; do
    if [[ $line =~ ^([^[:space:]]+):build:\ cache\ ([a-z]+) ]]; then
      started_tasks=$((started_tasks + 1))
      state=$([ "${BASH_REMATCH[2]}" = hit ] && echo "cached" || echo "building")
      echo "  [$started_tasks/$task_count] ${BASH_REMATCH[1]}: $state ($((SECONDS - stage_started)) s)"
    fi
  done; then
  echo "✗ the build failed; its errors (the packages that built are cached, so this is quick):"
  pnpm exec turbo run build "$filter" --output-logs=errors-only
  exit 1
fi
stage_done "build"

stage_start "3/3 running the demo"
demo_node=node
# The web UI's store needs node:sqlite (Node 22.13+). On an older Node the demo runs on the Node 22 binary
# the test script uses (fetched once from the npm registry into .cache/), so it leaves data for the UI;
# where that fetch fails, it runs here with the terminal view only.
if ! node -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major > 22 || (major === 22 && minor >= 13) ? 0 : 1)'; then
  echo "  the web UI needs Node 22.13+ (node:sqlite); Node $(node --version) has none, so the demo runs on Node 22"
  if node22=$(node --input-type=module -e 'import { getNodeBinary } from "./scripts/get-node-binary.mjs"; console.log(getNodeBinary("22.23.5"))' | tail -n 1) &&
    [ -x "$node22" ]; then
    demo_node=$node22
    # The demo's closing line names this Node in the command that shows its traces again.
    SIGHTLINE_DEMO_NODE=$(realpath --relative-to=. "$node22" 2>/dev/null || echo "$node22")
    export SIGHTLINE_DEMO_NODE
  else
    echo "  could not fetch Node 22: the demo runs on Node $(node --version), terminal view only"
  fi
fi
"$demo_node" examples/demo/dist/main.js
stage_done "demo"
echo "  ⏱ whole demo: $((SECONDS - demo_started)) s"

#!/usr/bin/env bash
# Renders the default alert rules and the examples/alerts rule files (both naming modes) into a temporary
# folder, then runs `promtool check rules --lint-fatal` and `promtool test rules` on each. Exits non-zero on
# the first failure. Needs promtool (Debian: apt-get install -y prometheus) and Node 20.
set -euo pipefail

package_folder="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v promtool >/dev/null 2>&1; then
  echo "promtool not found; install it with: apt-get install -y prometheus" >&2
  exit 1
fi
promtool --version | head -n 1

out_folder="$(mktemp -d)"
trap 'rm -rf "$out_folder"' EXIT

cd "$package_folder"
pnpm exec tsup >/dev/null
node scripts/render-for-promtool.mjs "$out_folder" >/dev/null

status=0
for folder in "$out_folder"/*/; do
  name="$(basename "$folder")"
  echo "== $name"
  if ! promtool check rules --lint-fatal "$folder/sightline.rules.yml"; then status=1; continue; fi
  if ! promtool test rules "$folder/sightline.rules.test.yml"; then status=1; fi
done
if [ "$status" -ne 0 ]; then echo "promtool found problems in the rendered rules" >&2; fi
exit "$status"

#!/usr/bin/env bash
# Installs what the workspace needs on a machine that has only Node and npm: pnpm at the pinned
# version (corepack can't verify signatures on this registry, and other pnpm versions refuse the
# lockfile), then the workspace's packages from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION=12.4.2
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "› installing pnpm@$PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" --no-fund --no-audit --loglevel=error
fi
echo "› pnpm install --frozen-lockfile"
pnpm install --frozen-lockfile

#!/usr/bin/env bash
# Installs what the workspace needs on a machine that has only Node and npm: pnpm at the pinned
# version (corepack can't verify signatures on this registry, and other pnpm versions refuse the
# lockfile), then the workspace's packages from the lockfile.
#
# Nothing is installed globally, so it works for a user who cannot write to npm's global prefix: a pnpm
# already on PATH at the pinned version is used as is; otherwise pnpm goes into .cache/pnpm-<version>
# (npm install --prefix), and that folder's bin is put first on PATH.
#
#   bash scripts/ensure-toolchain.sh      # installs; PATH changes end with the script
#   source scripts/ensure-toolchain.sh    # the same, and the calling script keeps the pnpm on PATH
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PNPM_VERSION=12.4.2
# pnpm would otherwise suggest a newer version, which refuses this lockfile, and a curl installer.
export pnpm_config_update_notifier=false
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  local_pnpm_home="$PWD/.cache/pnpm-$PNPM_VERSION"
  if [ "$("$local_pnpm_home/node_modules/.bin/pnpm" --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
    echo "› installing pnpm@$PNPM_VERSION into .cache/pnpm-$PNPM_VERSION (project-local, no global install)"
    mkdir -p "$local_pnpm_home"
    npm install --prefix "$local_pnpm_home" --no-save --no-fund --no-audit --loglevel=error \
      "pnpm@$PNPM_VERSION"
  fi
  export PATH="$local_pnpm_home/node_modules/.bin:$PATH"
fi
echo "› pnpm install --frozen-lockfile (pnpm $(pnpm --version) at $(command -v pnpm))"
pnpm install --frozen-lockfile

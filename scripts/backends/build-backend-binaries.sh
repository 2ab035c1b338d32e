#!/usr/bin/env bash
# Builds the real backends the backend suite runs against, from the Go module proxy, once per version:
# Jaeger v2 all-in-one and an OpenTelemetry Collector made by the Collector Builder. Binaries are cached
# under the user's cache folder by name and version, so a second run on the same machine starts in
# seconds. Prints each binary's path on stdout as NAME=PATH; build logs go to stderr.
# Usage: build-backend-binaries.sh [jaeger|collector]...   (both when none is named)
set -euo pipefail

# The approved releases (see the machine's Go package list); change both together with the docs.
jaeger_version="v1.75.0"
collector_version="v0.165.0"

cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/sightline/backends"
script_folder="$(cd "$(dirname "$0")" && pwd)"

if ! command -v go >/dev/null 2>&1; then
  echo "go not found" >&2
  exit 3
fi

build_jaeger() {
  local target="$cache_root/jaeger-$jaeger_version"
  if [ ! -x "$target/jaeger" ]; then
    local started=$SECONDS
    local work
    work="$(mktemp -d)"
    echo "› building Jaeger $jaeger_version from the Go module proxy (cold: about 10 minutes on 2 cores)" >&2
    # A throwaway module records the tool dependency, so go build resolves one consistent version set.
    (
      cd "$work"
      go mod init sightline.local/jaeger-build >/dev/null 2>&1
      go get -tool "github.com/jaegertracing/jaeger/cmd/jaeger@$jaeger_version" >&2
      mkdir -p "$target"
      go build -trimpath -ldflags "-s -w" -o "$target/jaeger.partial" github.com/jaegertracing/jaeger/cmd/jaeger >&2
      # Renamed last, so an interrupted build is never taken for a finished one.
      mv "$target/jaeger.partial" "$target/jaeger"
    )
    rm -rf "$work"
    echo "  built Jaeger in $((SECONDS - started)) s" >&2
  fi
  echo "jaeger=$target/jaeger"
}

build_collector() {
  local target="$cache_root/otelcol-$collector_version"
  if [ ! -x "$target/otelcol" ]; then
    local started=$SECONDS
    local work
    work="$(mktemp -d)"
    echo "› building the OpenTelemetry Collector $collector_version with the Collector Builder" >&2
    sed -e "s/COLLECTOR_VERSION/$collector_version/g" -e "s#OUTPUT_PATH#$work/dist#" \
      "$script_folder/collector-builder.yaml" >"$work/builder.yaml"
    (
      cd "$work"
      go run "go.opentelemetry.io/collector/cmd/builder@$collector_version" --config="$work/builder.yaml" >&2
      mkdir -p "$target"
      # Copied beside the target first (/tmp may be another file system), then renamed in one step.
      mv "$work/dist/otelcol" "$target/otelcol.partial"
      mv "$target/otelcol.partial" "$target/otelcol"
    )
    rm -rf "$work"
    echo "  built the Collector in $((SECONDS - started)) s" >&2
  fi
  echo "collector=$target/otelcol"
}

names=("$@")
[ ${#names[@]} -eq 0 ] && names=(jaeger collector)
for name in "${names[@]}"; do
  case "$name" in
    jaeger) build_jaeger ;;
    collector) build_collector ;;
    *) echo "unknown backend: $name" >&2; exit 2 ;;
  esac
done

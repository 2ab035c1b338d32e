#!/usr/bin/env node
// Refreshes the LiteLLM part of the price catalog.
//
//   node scripts/update-catalog.mjs --version 1.111.0     download that litellm wheel from PyPI and read its map
//   node scripts/update-catalog.mjs --from FILE           read a LiteLLM map (.json) or a litellm wheel (.whl)
//
// Writes sources/litellm/litellm-prices.json (facts only: provider, mode, price fields), prints what changed
// against the previous snapshot for review, sets the catalog date to today and rebuilds src/catalog-data.ts, whose
// digest gives the new `sightline.pricing.version`. Curated sources (sources/*.json) still win where they price
// the same model; settle every new disagreement the cross-check test reports (src/litellm/litellm-cross-check.test.ts).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readZipMember, toSnapshot, WHEEL_MEMBER } from "./litellm-snapshot.mjs";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const snapshotFile = join(packageRoot, "sources", "litellm", "litellm-prices.json");
const manifestFile = join(packageRoot, "sources", "catalog.json");

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const { map, version, origin } = options.from ? readLocal(options.from) : await download(options.version);
  const today = new Date().toISOString().slice(0, 10);
  const snapshot = toSnapshot(map, { litellmVersion: version, readAt: today, origin });
  const previous = JSON.parse(readFileSync(snapshotFile, "utf8"));
  printDiff(previous, snapshot);
  writeFileSync(snapshotFile, `${JSON.stringify(snapshot, null, 2)}\n`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  manifest.catalogDate = today;
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  execFileSync(process.execPath, [join(packageRoot, "scripts", "build-catalog.mjs")], { stdio: "inherit" });
  console.log(
    "Next: run the pricing tests; settle each cross-check disagreement in sources/litellm/exceptions.json.",
  );
}

function parseArguments(list) {
  const options = {};
  for (let index = 0; index < list.length; index += 1) {
    if (list[index] === "--from") options.from = list[++index];
    else if (list[index] === "--version") options.version = list[++index];
    else fail(`unknown argument ${list[index]}`);
  }
  if (!options.from && !options.version)
    fail("give --version <litellm version> or --from <map.json|wheel.whl>");
  return options;
}

function readLocal(file) {
  const buffer = readFileSync(file);
  const wheel = file.endsWith(".whl");
  const text = wheel ? readZipMember(buffer, WHEEL_MEMBER) : buffer.toString("utf8");
  const version = /litellm-(\d+\.\d+\.\d+)/.exec(basename(file))?.[1] ?? "unknown";
  return {
    map: JSON.parse(text),
    version,
    origin: wheel ? `PyPI wheel ${basename(file)}, ${WHEEL_MEMBER}` : basename(file),
  };
}

async function download(version) {
  const release = await fetchJson(`https://pypi.org/pypi/litellm/${encodeURIComponent(version)}/json`);
  const wheel = release.urls.find((file) => file.packagetype === "bdist_wheel");
  if (!wheel) fail(`litellm ${version} has no wheel on PyPI`);
  const response = await fetch(wheel.url);
  if (!response.ok) fail(`${wheel.url}: HTTP ${response.status}`);
  const buffer = Buffer.from(await response.arrayBuffer());
  const text = readZipMember(buffer, WHEEL_MEMBER);
  return { map: JSON.parse(text), version, origin: `PyPI wheel ${wheel.filename}, ${WHEEL_MEMBER}` };
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) fail(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** Lists added and removed models and every changed price field, so a person can review the update. */
function printDiff(previous, next) {
  const before = previous.models ?? {};
  const after = next.models;
  const added = Object.keys(after).filter((key) => !(key in before));
  const removed = Object.keys(before).filter((key) => !(key in after));
  const changed = [];
  for (const key of Object.keys(after)) {
    if (!(key in before)) continue;
    const fields = new Set([...Object.keys(before[key]), ...Object.keys(after[key])]);
    for (const field of fields) {
      const left = JSON.stringify(before[key][field]);
      const right = JSON.stringify(after[key][field]);
      if (left !== right) changed.push(`  ${key}  ${field}: ${left ?? "—"} → ${right ?? "—"}`);
    }
  }
  console.log(
    `LiteLLM ${previous.litellmVersion} → ${next.litellmVersion}: ${added.length} models added, ${removed.length} removed, ${changed.length} price fields changed`,
  );
  for (const key of added) console.log(`+ ${key}`);
  for (const key of removed) console.log(`- ${key}`);
  for (const line of changed) console.log(line);
}

function fail(message) {
  console.error(`update-catalog: ${message}`);
  process.exit(1);
}

await main();

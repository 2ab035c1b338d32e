#!/usr/bin/env node
// Checks the one-way dependency rules of docs/style.md ("Dependencies") against both what each
// package declares (package.json) and what its source actually imports (non-test files in src/),
// since a missing declaration or a stray import each breaks the layering on its own. Also checks that
// every src/version.ts matches its package.json, that no package's source files import each other
// in a cycle, and that every name taken from @sightline/core, /provider or /semconv comes from the entry
// that exports it. Prints what it checked; exits 1 on any violation.
//
// The package lists come from the workspace (packages/*/package.json), so a new package is checked
// without editing this file. The only names written here are the design's roles:
// - leaves (pricing, drift, provenance) depend on no workspace package;
// - providers are derived: packages that depend on @sightline/core and peer-depend on the client they
//   wrap (any peer outside @opentelemetry/* and the workspace); they never import each other;
// - libraries (every package except the CLI, found by its `bin`, @sightline/testing itself and private
//   packages) never import @sightline/node, the CLI or @sightline/testing outside tests and benches.
// A private package (`"private": true`, e.g. the peers bench) is never published and ships nothing, so it
// needs no entry point and is no library.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const packagesDir = path.join(root, "packages");

/** Packages the design says are leaves: no workspace dependencies at all. */
const LEAF_NAMES = ["@sightline/pricing", "@sightline/drift", "@sightline/provenance"];
/** Setup and tooling packages that libraries must never import (the CLI is added from its `bin`). */
const APP_ONLY_NAMES = ["@sightline/node", "@sightline/testing"];
/** Runtime dependency fields: what an installed package pulls in. */
const RUNTIME_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"];

const violations = [];
const packages = readdirSync(packagesDir)
  .map((dir) => path.join(packagesDir, dir))
  .filter((dir) => existsSync(path.join(dir, "package.json")))
  .map((dir) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    return { dir, name: manifest.name, manifest };
  });
const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
const workspaceNames = new Set(byName.keys());

for (const name of [...LEAF_NAMES, ...APP_ONLY_NAMES]) {
  if (!byName.has(name))
    violations.push(`${name} is named by a rule but is not in the workspace (update this script)`);
}
const cliNames = packages.filter((pkg) => pkg.manifest.bin).map((pkg) => pkg.name);
const appOnly = new Set([...APP_ONLY_NAMES, ...cliNames]);
const leaves = new Set(LEAF_NAMES);
const providers = new Set(
  packages
    .filter((pkg) => Object.keys(pkg.manifest.dependencies ?? {}).includes("@sightline/core"))
    .filter((pkg) =>
      Object.keys(pkg.manifest.peerDependencies ?? {}).some(
        (peer) => !peer.startsWith("@opentelemetry/") && !workspaceNames.has(peer),
      ),
    )
    .map((pkg) => pkg.name),
);
const libraries = new Set(
  packages
    .filter((pkg) => !pkg.manifest.private)
    .map((pkg) => pkg.name)
    .filter((name) => !cliNames.includes(name) && name !== "@sightline/testing"),
);

/** Workspace packages a manifest declares in the given fields. */
function declared(manifest, fields) {
  return new Set(
    fields.flatMap((field) => Object.keys(manifest[field] ?? {})).filter((dep) => workspaceNames.has(dep)),
  );
}

/** Every `.ts`/`.js`-like file under a folder. */
function listFiles(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) return listFiles(full);
    return /\.(m|c)?[jt]sx?$/.test(entry) && !entry.endsWith(".d.ts") ? [full] : [];
  });
}

/** A relative specifier's file, trying the `.js` → `.ts` mapping TypeScript sources use. */
function resolveRelative(from, specifier, known) {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, base.replace(/\.(m|c)?js$/, ".$1ts"), `${base}.ts`, path.join(base, "index.ts")];
  return candidates.find((candidate) => known.has(candidate));
}

/**
 * The source files that ship: those reachable from the package's entry points (each `./dist/NAME.js`
 * in `exports`, `main` or `bin` maps to `src/NAME.ts`). Tests and test helpers such as
 * `src/test-helpers.ts` are reachable only from tests, so they are left out by construction.
 */
function listShippedSources(pkg) {
  const all = new Set(listFiles(path.join(pkg.dir, "src")));
  const targets = [];
  const collect = (value) => {
    if (typeof value === "string") targets.push(value);
    else if (value && typeof value === "object") for (const inner of Object.values(value)) collect(inner);
  };
  collect(pkg.manifest.exports);
  collect(pkg.manifest.main);
  collect(pkg.manifest.bin);
  const entries = targets
    .map((target) => target.match(/^\.\/dist\/(.+)\.(m|c)?js$/)?.[1])
    .filter(Boolean)
    .map((name) =>
      [".ts", ".tsx", ".mts", ".js"]
        .map((ext) => path.join(pkg.dir, "src", name + ext))
        .find((file) => all.has(file)),
    )
    .filter(Boolean);
  const shipped = new Set();
  const queue = [...new Set(entries)];
  while (queue.length > 0) {
    const file = queue.pop();
    if (shipped.has(file)) continue;
    shipped.add(file);
    for (const specifier of readSpecifiers(readFileSync(file, "utf8"))) {
      if (!specifier.startsWith(".")) continue;
      const target = resolveRelative(file, specifier, all);
      if (target) queue.push(target);
    }
  }
  return { shipped: [...shipped], entries: entries.length };
}

/** Every module specifier a file imports, re-exports, `import()`s or `require()`s. */
function readSpecifiers(text) {
  const specifiers = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) specifiers.push(match[1]);
  return specifiers;
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`); undefined for relative ones. */
function toPackageName(specifier) {
  if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:"))
    return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Import cycles between a package's own source files (type-only imports count: they tie files together too). */
function findFileCycles(files) {
  const fileSet = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const targets = readSpecifiers(readFileSync(file, "utf8"))
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => resolveRelative(file, specifier, fileSet))
      .filter(Boolean);
    graph.set(file, targets);
  }
  const cycles = [];
  const state = new Map();
  const stack = [];
  const visit = (file) => {
    state.set(file, "open");
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === "open") cycles.push([...stack.slice(stack.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

let fileCount = 0;
let importCount = 0;
const runtimeEdges = new Map();
for (const pkg of packages) {
  const relativeDir = path.relative(root, pkg.dir);
  const runtime = declared(pkg.manifest, RUNTIME_FIELDS);
  const all = declared(pkg.manifest, [...RUNTIME_FIELDS, "devDependencies"]);
  const imported = new Map();
  const { shipped: files, entries } = listShippedSources(pkg);
  if (entries === 0 && !pkg.manifest.private)
    violations.push(`${pkg.name}: no entry point in package.json maps to a file in src/`);
  fileCount += files.length;
  for (const file of files) {
    for (const specifier of readSpecifiers(readFileSync(file, "utf8"))) {
      const name = toPackageName(specifier);
      if (!name || !workspaceNames.has(name) || name === pkg.name) continue;
      importCount += 1;
      if (!imported.has(name)) imported.set(name, path.relative(root, file));
    }
  }
  for (const [name, file] of imported) {
    if (!runtime.has(name)) {
      violations.push(
        `${file} imports ${name}, which ${pkg.name} does not list in dependencies or peerDependencies`,
      );
    }
  }
  // What the package depends on at run time: declared runtime deps plus what shipped code imports.
  const edges = new Map([...runtime].map((name) => [name, `${relativeDir}/package.json`]));
  for (const [name, file] of imported) if (!edges.has(name)) edges.set(name, file);
  runtimeEdges.set(pkg.name, edges);

  for (const [name, where] of edges) {
    if (leaves.has(pkg.name)) violations.push(`${pkg.name} is a leaf but depends on ${name} (${where})`);
    if (providers.has(pkg.name) && providers.has(name)) {
      violations.push(
        `provider ${pkg.name} depends on provider ${name} (${where}); providers never import each other`,
      );
    }
    if (libraries.has(pkg.name) && appOnly.has(name)) {
      violations.push(`library ${pkg.name} depends on ${name} (${where}) outside tests and benches`);
    }
  }
  if (leaves.has(pkg.name)) {
    for (const name of all)
      if (!runtime.has(name)) violations.push(`${pkg.name} is a leaf but dev-depends on ${name}`);
  }

  // One cycle usually shows up along many paths: name the first few, count the rest.
  const cycles = findFileCycles(files);
  for (const cycle of cycles.slice(0, 3)) {
    violations.push(
      `${relativeDir}/src import cycle: ${cycle.map((file) => path.relative(pkg.dir, file)).join(" → ")}`,
    );
  }
  if (cycles.length > 3)
    violations.push(`${relativeDir}/src: ${cycles.length - 3} more import cycle path(s)`);

  const versionFile = path.join(pkg.dir, "src", "version.ts");
  if (existsSync(versionFile)) {
    const text = readFileSync(versionFile, "utf8");
    const version = text.match(/PACKAGE_VERSION\s*=\s*["']([^"']+)["']/)?.[1];
    const name = text.match(/PACKAGE_NAME\s*=\s*["']([^"']+)["']/)?.[1];
    if (version !== pkg.manifest.version) {
      violations.push(
        `${relativeDir}/src/version.ts says ${version ?? "no PACKAGE_VERSION"}, package.json says ${pkg.manifest.version}`,
      );
    }
    if (name !== undefined && name !== pkg.name) {
      violations.push(`${relativeDir}/src/version.ts names ${name}, package.json names ${pkg.name}`);
    }
  }
}

// Package-level cycles over runtime dependencies (dev dependencies may point back: tests use testing).
const packageState = new Map();
const packageStack = [];
const visitPackage = (name) => {
  packageState.set(name, "open");
  packageStack.push(name);
  for (const target of runtimeEdges.get(name)?.keys() ?? []) {
    if (packageState.get(target) === "open") {
      violations.push(
        `package cycle: ${[...packageStack.slice(packageStack.indexOf(target)), target].join(" → ")}`,
      );
    } else if (!packageState.has(target)) visitPackage(target);
  }
  packageStack.pop();
  packageState.set(name, "done");
};
for (const name of runtimeEdges.keys()) if (!packageState.has(name)) visitPackage(name);

// Core's entry points by audience: every name imported from `@sightline/core`, `/provider` or
// `/semconv` anywhere in the repo (sources, tests, benches, examples, scripts; .mjs files included,
// which no type-check sees) must be exported by that entry, and examples (app code) use no `/provider`.
const core = byName.get("@sightline/core");
const coreEntries = new Map();
for (const [subpath, target] of Object.entries(core?.manifest.exports ?? {})) {
  const dist = typeof target === "object" ? target.import?.default : target;
  const base = dist?.match(/^\.\/dist\/(.+)\.js$/)?.[1];
  const source = base && path.join(core.dir, "src", `${base}.ts`);
  if (!source || !existsSync(source)) continue;
  const text = readFileSync(source, "utf8");
  const names = new Set();
  for (const match of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const item of match[1].split(",")) {
      const name = item
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .pop()
        .trim();
      if (name) names.add(name);
    }
  }
  for (const match of text.matchAll(/export\s+(?:const|function|class|type|interface)\s+([A-Za-z_$][\w$]*)/g))
    names.add(match[1]);
  coreEntries.set(`@sightline/core${subpath.slice(1)}`, names);
}
// One home per name: an audience reads one entry, and a name in two would make "the right entry" ambiguous.
const entryOf = new Map();
for (const [entry, names] of coreEntries) {
  for (const name of names) {
    if (entryOf.has(name)) violations.push(`${name} is exported by both ${entryOf.get(name)} and ${entry}`);
    else entryOf.set(name, entry);
  }
}
const consumerFiles = [
  ...packages.flatMap((pkg) => [
    ...listFiles(path.join(pkg.dir, "src")),
    ...listFiles(path.join(pkg.dir, "bench")),
  ]),
  ...readdirSync(path.join(root, "examples")).flatMap((name) =>
    listFiles(path.join(root, "examples", name, "src")),
  ),
  ...listFiles(path.join(root, "scripts")),
].filter((file) => !file.startsWith(path.join(core?.dir ?? "", "src")));
let coreImportCount = 0;
for (const file of consumerFiles) {
  const text = readFileSync(file, "utf8");
  const where = path.relative(root, file);
  for (const match of text.matchAll(
    /\b(?:import|export)\s+(?:type\s+)?\{([^}]*)\}\s*from\s*["'](@sightline\/core(?:\/[^"']*)?)["']/g,
  )) {
    const entry = match[2];
    const names = coreEntries.get(entry);
    if (!names) {
      violations.push(`${where} imports ${entry}, which is not an entry point of @sightline/core`);
      continue;
    }
    if (entry === "@sightline/core/provider" && where.startsWith("examples/")) {
      violations.push(`${where} is app code but imports ${entry}; apps use @sightline/core`);
    }
    for (const item of match[1].split(",")) {
      const name = item
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)[0]
        .trim();
      if (!name) continue;
      coreImportCount += 1;
      if (!names.has(name)) {
        const home = [...coreEntries].find(([, exported]) => exported.has(name))?.[0];
        violations.push(
          `${where} imports ${name} from ${entry}${home ? `; it lives in ${home}` : "; no entry exports it"}`,
        );
      }
    }
  }
}

const versionFiles = packages.filter((pkg) => existsSync(path.join(pkg.dir, "src", "version.ts"))).length;
const list = (names) => [...names].sort().join(", ") || "none";
console.log(
  `check-dependencies: ${packages.length} workspace packages, ${fileCount} shipped source files, ${importCount} workspace imports`,
);
console.log(`  leaves (no workspace deps): ${list(leaves)}`);
console.log(`  providers (never import each other): ${list(providers)}`);
console.log(`  libraries (never import ${list(appOnly)}): ${list(libraries)}`);
console.log(
  "  every workspace import in shipped src must be a declared dependency; no package or src-file import cycles",
);
console.log(
  `  ${entryOf.size} names in core's entries, each in one; ${coreImportCount} names imported from them (${[...coreEntries.keys()].join(", ")}) in ${consumerFiles.length} files, each from the entry that exports it`,
);
console.log(`  ${versionFiles} src/version.ts files against their package.json name and version`);
if (violations.length > 0) {
  for (const violation of violations) console.error(`  ✖ ${violation}`);
  console.error(`check-dependencies: ${violations.length} violation(s)`);
  process.exit(1);
}
console.log("check-dependencies: ok");

// Packs every published workspace package (each packages/* not marked private) with `pnpm pack`, so
// `workspace:*` ranges become the real versions, exactly as `pnpm publish` would upload them.
// Several suites install these tarballs into plain apps: the reliability suite, the install checks,
// the runtime and client-version matrices.
//
//   node scripts/pack-packages.mjs <destination>   # prints one "name<TAB>tarball" line per package
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Packs the packages into `destination` (emptied first) and returns a Map from package name to the
 * absolute path of its tarball. Expects the workspace to be built: the tarballs carry `dist/`.
 */
export function packPackages(destination) {
  const target = resolve(destination);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const tarballs = new Map();
  for (const directory of readdirSync(join(root, "packages")).sort()) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(root, "packages", directory, "package.json"), "utf8"));
    } catch {
      continue;
    }
    if (manifest.private) continue;
    const before = new Set(readdirSync(target));
    execFileSync("pnpm", ["pack", "--pack-destination", target], {
      cwd: join(root, "packages", directory),
      stdio: "ignore",
    });
    const added = readdirSync(target).filter((file) => !before.has(file));
    if (added.length !== 1) throw new Error(`pnpm pack in packages/${directory} wrote ${added.length} files`);
    tarballs.set(manifest.name, join(target, added[0]));
  }
  return tarballs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const destination = process.argv[2];
  if (!destination) {
    console.error("usage: node scripts/pack-packages.mjs <destination>");
    process.exit(2);
  }
  for (const [name, file] of packPackages(destination)) console.log(`${name}\t${file}`);
}

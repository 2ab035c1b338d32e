// Lints each packed tarball the way the registry's users meet it: publint (package.json against the
// files really shipped) and Are the Types Wrong (type resolution under node10, node16 from CJS and
// ESM, and bundler; the "strict" profile). Both run on the tarball, not on the source folder, so what
// is checked is what `pnpm publish` uploads.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const run = promisify(execFile);
const root = new URL("../..", import.meta.url).pathname;
const ATTW = join(root, "node_modules", ".bin", "attw");

/**
 * Runs publint on one tarball; resolves with the messages at warning level or above (which fail) and
 * the suggestions (which are printed only), each formatted as publint prints them.
 */
async function lintWithPublint(tarball) {
  const bytes = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: "suggestion",
  });
  const format = (message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`;
  return {
    failures: messages.filter((message) => message.type !== "suggestion").map(format),
    suggestions: messages.filter((message) => message.type === "suggestion").map(format),
  };
}

/** Runs attw on one tarball (JSON output); resolves with one line per problem found. */
async function lintWithAttw(tarball) {
  let stdout;
  try {
    ({ stdout } = await run(ATTW, [tarball, "--format", "json"], { maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    // attw exits 1 when it found problems; its JSON is on stdout all the same.
    if (!error.stdout) throw error;
    stdout = error.stdout;
  }
  const { problems } = JSON.parse(stdout);
  // `problems` is {} when clean, otherwise a list (or a map of lists) of {kind, entrypoint, resolutionKind}.
  const list = Array.isArray(problems) ? problems : Object.values(problems ?? {}).flat();
  return list.map(
    (problem) =>
      `${problem.kind}${problem.entrypoint ? ` at ${problem.entrypoint}` : ""}${problem.resolutionKind ? ` (${problem.resolutionKind})` : ""}`,
  );
}

/**
 * Lints every tarball of `tarballs` (Map name → path), two at a time; resolves with one row per package:
 * { name, publint: {failures, suggestions}, attw: [problems], ms }.
 */
export async function lintTarballs(tarballs) {
  const queue = [...tarballs];
  const rows = [];
  async function worker() {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [name, tarball] = next;
      const started = Date.now();
      const [publintResult, attwProblems] = await Promise.all([
        lintWithPublint(tarball),
        lintWithAttw(tarball),
      ]);
      rows.push({ name, publint: publintResult, attw: attwProblems, ms: Date.now() - started });
    }
  }
  await Promise.all([worker(), worker()]);
  return rows.sort((left, right) => left.name.localeCompare(right.name));
}

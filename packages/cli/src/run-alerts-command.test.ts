import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const hasPromtool = (() => {
  try {
    execFileSync("promtool", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "sightline-cli-alerts-"));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const error: string[] = [];
  return {
    out,
    error,
    write: (text: string) => out.push(text),
    writeError: (text: string) => error.push(text),
  };
}
const run = (argv: string[], io = capture()) =>
  runCli({ argv: ["alerts", ...argv], ...io, env: {}, cwd: directory });

describe("sightline alerts", () => {
  it("init writes the default set, check accepts it, and init refuses to overwrite", async () => {
    expect(await run(["init"])).toBe(0);
    expect(readFileSync(join(directory, "sightline.alerts.yaml"), "utf8")).toContain("kind: budget");
    const io = capture();
    expect(await run(["check"], io)).toBe(0);
    expect(io.out.join("")).toMatch(/\d+ rules, valid/);
    expect(await run(["init"])).toBe(1);
  });

  it("check names the line, the field and what is allowed, and render refuses an invalid file", async () => {
    writeFileSync(
      join(directory, "sightline.alerts.yaml"),
      "version: 1\nrules:\n  - id: spend\n    kind: budget\n    period: hour\n    threshold: ten\n",
    );
    const io = capture();
    expect(await run(["check"], io)).toBe(1);
    expect(io.error.join("")).toMatch(/sightline\.alerts\.yaml:6 rules\[0\]\.threshold: .*got "ten"/);
    const renderIo = capture();
    expect(await run(["render", "--target", "prometheus"], renderIo)).toBe(1);
    expect(renderIo.out.join("")).toBe("");
  });

  it("render writes each target's files into --out", async () => {
    await run(["init"]);
    for (const target of ["prometheus", "grafana", "honeycomb", "datadog"]) {
      const io = capture();
      expect(await run(["render", "--target", target, "--out", "out"], io)).toBe(0);
      expect(io.out.join("")).toContain(join(directory, "out"));
    }
    expect(readFileSync(join(directory, "out/prometheus/sightline.rules.yml"), "utf8")).toContain("groups:");
    expect(readFileSync(join(directory, "out/prometheus/sightline.rules.test.yml"), "utf8")).toContain(
      "rule_files:",
    );
  });

  it("rejects an unknown target", async () => {
    await run(["init"]);
    const io = capture();
    expect(await run(["render", "--target", "nagios"], io)).toBe(2);
    expect(io.error.join("")).toContain("--target must be one of prometheus, grafana, honeycomb, datadog");
  });

  it.skipIf(!hasPromtool)("test runs promtool on the rendered rules and their generated tests", async () => {
    await run(["init"]);
    const io = capture();
    expect(await run(["test", "--naming", "prometheus-exporter"], io)).toBe(0);
    expect(io.out.join("")).toContain("SUCCESS");
  });
});

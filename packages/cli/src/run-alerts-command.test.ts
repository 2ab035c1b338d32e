import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

  it("renders an evaluation pass-rate rule for every target, and check names a bad minResults", async () => {
    const rule =
      "  - { id: json-pass-rate, kind: evaluation-pass-rate, threshold: 0.8, evaluator: valid_json }\n";
    writeFileSync(join(directory, "sightline.alerts.yaml"), `version: 1\nrules:\n${rule}`);
    for (const target of ["prometheus", "grafana", "honeycomb", "datadog"]) {
      expect(await run(["render", "--target", target, "--out", "out"], capture()), target).toBe(0);
    }
    expect(readFileSync(join(directory, "out/prometheus/sightline.rules.yml"), "utf8")).toContain(
      '< 0.8 and sightline_by_evaluator:gen_ai_evaluation_results:increase1h{gen_ai_evaluation_name="valid_json"} >= 20',
    );
    expect(readFileSync(join(directory, "out/datadog/monitors.json"), "utf8")).toContain("< 0.8");
    writeFileSync(
      join(directory, "sightline.alerts.yaml"),
      `version: 1\nrules:\n${rule.replace(" }", ", minResults: few }")}`,
    );
    const io = capture();
    expect(await run(["check"], io)).toBe(1);
    expect(io.error.join("")).toContain(
      'sightline.alerts.yaml:3 rules[0].minResults: expected a whole number of evaluations, 1 or more (default 20), got "few"',
    );
  });

  it("rejects an unknown target", async () => {
    await run(["init"]);
    const io = capture();
    expect(await run(["render", "--target", "nagios"], io)).toBe(2);
    expect(io.error.join("")).toContain("--target must be one of prometheus, grafana, honeycomb, datadog");
  });

  it("refuses a file it cannot use with one line naming the file and the fix, exit code 1, no stack trace", async () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [index, name] of [..."bcdefghi"].entries()) {
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${"abcdefghi"[index]}`).join(",")}]`);
    }
    mkdirSync(join(directory, "rules"));
    writeFileSync(join(directory, "bomb.yaml"), bomb.join("\n"));
    writeFileSync(join(directory, "empty.yaml"), "\n  \n");
    writeFileSync(
      join(directory, "binary.yaml"),
      Buffer.from([0x76, 0x3a, 0x20, 0x00, 0xff, 0xfe, 0x1b, 0x5b]),
    );
    writeFileSync(join(directory, "huge.yaml"), `# ${"x".repeat(1024 * 1024)}\n`);
    const at = (name: string) => join(directory, name);
    const cases: [string, string][] = [
      [
        "rules",
        `sightline alerts: ${at("rules")} is a directory, not an alert file; pass the YAML file with --file <path>\n`,
      ],
      [
        "missing.yaml",
        `sightline alerts: ${at("missing.yaml")} not found; create one with sightline alerts init\n`,
      ],
      [
        "empty.yaml",
        `sightline alerts: ${at("empty.yaml")} is empty; write rules into it, or delete it and run sightline alerts init for the default set\n`,
      ],
      [
        "binary.yaml",
        `sightline alerts: ${at("binary.yaml")} is not a text file (it holds bytes that are not UTF-8 text); pass the YAML alert file with --file <path>\n`,
      ],
      [
        "huge.yaml",
        `sightline alerts: ${at("huge.yaml")} is larger than 1 MiB, and an alert file is a few KiB; check that --file names the alert file\n`,
      ],
      [
        "/dev/zero",
        "sightline alerts: /dev/zero is not a regular file; pass the YAML alert file with --file <path>\n",
      ],
      [
        "bomb.yaml",
        `${at("bomb.yaml")}:1: invalid YAML: its aliases expand past 100 copies (a "billion laughs" document?); write the values out or reuse an anchor fewer times\n1 error; nothing rendered\n`,
      ],
    ];
    for (const [file, message] of cases) {
      for (const subcommand of ["check", "render"]) {
        const io = capture();
        expect(await run([subcommand, "--target", "prometheus", "--file", file], io), file).toBe(1);
        expect(io.error.join(""), file).toBe(message);
        expect(io.out.join("")).toBe("");
      }
    }
  });

  it("shows an alert file's escape sequences escaped, and at most 20 errors", async () => {
    const rules = Array.from(
      { length: 30 },
      (_, index) => `  - id: r${index}\n    kind: nope\x1b]0;pwned\x07`,
    );
    writeFileSync(join(directory, "sightline.alerts.yaml"), `version: 1\nrules:\n${rules.join("\n")}\n`);
    const io = capture();
    expect(await run(["check"], io)).toBe(1);
    const text = io.error.join("");
    expect(text).not.toContain("\x1b");
    expect(text).not.toContain("\x07");
    expect(text.trim().split("\n")).toHaveLength(21);
    expect(text).toContain("30 errors (the first 20 shown); nothing rendered\n");
  });

  it("init or render --out into a path it cannot write says so in one line", async () => {
    const io = capture();
    expect(await run(["init", "--file", "no/such/folder/alerts.yaml"], io)).toBe(1);
    expect(io.error.join("")).toMatch(
      /^sightline alerts: ENOENT: no such file or directory, open '.*no\/such\/folder\/alerts\.yaml'; check the path and its permissions\n$/,
    );
    await run(["init"]);
    writeFileSync(join(directory, "taken"), "a file, not a folder");
    const render = capture();
    expect(await run(["render", "--target", "prometheus", "--out", "taken"], render)).toBe(1);
    expect(render.error.join("")).toMatch(
      /^sightline alerts: E\w+: .*taken.*; check the path and its permissions\n$/,
    );
  });

  it.skipIf(!hasPromtool)("test runs promtool on the rendered rules and their generated tests", async () => {
    await run(["init"]);
    const io = capture();
    expect(await run(["test", "--naming", "prometheus-exporter"], io)).toBe(0);
    expect(io.out.join("")).toContain("SUCCESS");
  });
});

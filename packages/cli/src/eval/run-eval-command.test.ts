import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OtlpCaptureReceiver, startOtlpCaptureReceiver } from "@sightline/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../run-cli.js";

const FIXTURES = join(import.meta.dirname, "../__fixtures__/eval");
const DATASET = join(FIXTURES, "rows.jsonl");
const CONFIG = join(FIXTURES, "eval.config.mjs");

let receiver: OtlpCaptureReceiver;
beforeAll(async () => {
  receiver = await startOtlpCaptureReceiver();
});
afterAll(() => receiver.close());
afterEach(() => {
  vi.unstubAllEnvs();
  receiver.reset();
});

async function runEval(args: string[]) {
  const out: string[] = [];
  const error: string[] = [];
  const code = await runCli({
    argv: ["eval", ...args],
    write: (text) => void out.push(text),
    writeError: (text) => void error.push(text),
    env: {},
    color: false,
    cwd: FIXTURES,
  });
  return { code, out: out.join(""), error: error.join("") };
}

describe("sightline eval", () => {
  it("catches a regression: exit 1 with --fail-on-regression, the regressed rows listed, reports written, the run exported", async () => {
    vi.stubEnv("SIGHTLINE_EVAL_FIXTURE_WRONG", "canada,australia,turkey");
    vi.stubEnv("SIGHTLINE_EVAL_FIXTURE_429", "japan");
    const folder = mkdtempSync(join(tmpdir(), "sightline-eval-"));
    const result = await runEval([
      "--dataset",
      DATASET,
      "--config",
      CONFIG,
      "--fail-on-regression",
      "--concurrency",
      "3",
      "--report",
      join(folder, "eval.md"),
      "--html",
      join(folder, "eval.html"),
      "--json",
      join(folder, "eval.json"),
      "--otlp-endpoint",
      receiver.url,
    ]);
    expect(result.error).not.toContain("failed:");
    expect(result.code).toBe(1);
    expect(result.out).toContain("gpt-4.1-mini (candidate) vs gpt-4o-mini (baseline), 6 paired rows");
    // 3 of 6 rows regressed, none fixed: McNemar p = 2/8 = 0.25, but the 50-point drop exceeds the tolerance.
    expect(result.out).toMatch(
      /equals +100\.0% \[61\.0%, 100\.0%\] +50\.0% \[18\.8%, 81\.2%\] +0\.25 +REGRESSION/,
    );
    expect(result.out).toContain("regressed rows (3, passed in the baseline, fail in the candidate):");
    for (const id of ["canada", "australia", "turkey"])
      expect(result.out).toMatch(new RegExp(`^ {4}${id} {2}equals`, "m"));
    expect(result.out).toContain("verdict: regression (equals)");
    // Plain progress lines off a terminal.
    expect(result.error).toContain("gpt-4.1-mini: 6/6 rows, 3 failed\n");

    const markdown = readFileSync(join(folder, "eval.md"), "utf8");
    expect(markdown).toContain("**❌ regression**: candidate `gpt-4.1-mini` against baseline `gpt-4o-mini`");
    expect(markdown).toContain("## Regressed rows (3)");
    const html = readFileSync(join(folder, "eval.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    const json = JSON.parse(readFileSync(join(folder, "eval.json"), "utf8"));
    expect(json.comparison.verdict).toBe("regression");
    expect(json.comparison.regressedRows.map((row: { rowId: string }) => row.rowId)).toEqual([
      "canada",
      "australia",
      "turkey",
    ]);
    const japan = json.runs[1].rows.find((row: { rowId: string }) => row.rowId === "japan");
    expect(japan).toMatchObject({ attempts: 2, passed: true, latencySource: "model-call-spans" });
    // gpt-4o-mini: $0.15 / $0.60 per 1M tokens; 100 input and 5 output tokens = $0.000018 per row.
    expect(json.comparison.cost.baseline.meanCostUsd).toBeCloseTo(0.000018, 12);

    // The traces, decoded at the OTLP receiver: run → row → model call → evaluation result.
    const spans = receiver.spans();
    const runs = spans.filter((span) => span.name === "sightline.eval.run");
    expect(runs.map((span) => span.attributes["sightline.eval.target"]).sort()).toEqual([
      "gpt-4.1-mini",
      "gpt-4o-mini",
    ]);
    expect(runs[0]?.resource["service.name"]).toBe("sightline-eval");
    const rowSpans = spans.filter((span) => span.name === "sightline.eval.row");
    expect(rowSpans).toHaveLength(12);
    for (const rowSpan of rowSpans) {
      const run = runs.find((span) => span.spanId === rowSpan.parentSpanId);
      expect(run?.attributes["sightline.eval.target"]).toBe(rowSpan.attributes["sightline.eval.target"]);
      const calls = spans.filter(
        (span) => span.parentSpanId === rowSpan.spanId && span.attributes["gen_ai.operation.name"] === "chat",
      );
      const flaky =
        rowSpan.attributes["sightline.eval.row.id"] === "japan" &&
        rowSpan.attributes["sightline.eval.target"] === "gpt-4.1-mini";
      expect(calls).toHaveLength(flaky ? 2 : 1); // the 429 and the answer
      const answered = calls.find((call) => call.status.code !== 2);
      expect(answered?.attributes["gen_ai.request.model"]).toBe(rowSpan.attributes["sightline.eval.target"]);
      const evaluation = spans.find(
        (span) => span.parentSpanId === answered?.spanId && span.name === "gen_ai.evaluation.result",
      );
      expect(evaluation?.attributes["gen_ai.evaluation.name"]).toBe("equals");
      expect(evaluation?.attributes["gen_ai.evaluation.score.label"]).toBe(
        rowSpan.attributes["sightline.eval.row.passed"] ? "pass" : "fail",
      );
      expect(evaluation?.traceId).toBe(rowSpan.traceId);
    }
  });

  it("reports the regression but exits 0 without --fail-on-regression", async () => {
    vi.stubEnv("SIGHTLINE_EVAL_FIXTURE_WRONG", "canada,australia,turkey");
    const result = await runEval(["--dataset", "rows.jsonl"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("verdict: regression (equals)");
    expect(receiver.spans()).toEqual([]); // nothing exported without an endpoint
  });

  it("passes the gate when the candidate answers as well as the baseline", async () => {
    const result = await runEval(["--dataset", DATASET, "--config", CONFIG, "--fail-on-regression"]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /equals +100\.0% \[61\.0%, 100\.0%\] +100\.0% \[61\.0%, 100\.0%\] +1 +unchanged/,
    );
    expect(result.out).toContain("verdict: no regression");
    expect(result.out).not.toContain("regressed rows");
  });

  it("swaps the roles with --baseline and --candidate", async () => {
    const result = await runEval([
      "--dataset",
      DATASET,
      "--baseline",
      "gpt-4.1-mini",
      "--candidate",
      "gpt-4o-mini",
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("gpt-4o-mini (candidate) vs gpt-4.1-mini (baseline)");
  });

  it.each([
    [[], "--dataset is required"],
    [
      ["--dataset", DATASET, "--concurrency", "0"],
      "--concurrency 0 is not valid; give a whole number of at least 1",
    ],
    [["--dataset", DATASET, "--alpha", "5"], "--alpha 5 is not valid"],
    [["--dataset", DATASET, "--bogus"], "Unknown option '--bogus'"],
    [["--dataset", "missing.jsonl"], "--dataset missing.jsonl: cannot read it (ENOENT); check the path"],
    [["--dataset", DATASET, "--config", "nope.mjs"], "nope.mjs does not exist"],
    [
      ["--dataset", DATASET, "--baseline", "gpt-5"],
      '--baseline "gpt-5" names no target of the config; use one of gpt-4o-mini, gpt-4.1-mini',
    ],
    [["--dataset", DATASET, "--baseline", "gpt-4o-mini", "--candidate", "gpt-4o-mini"], "both name"],
    [["--dataset", DATASET, "--otlp-endpoint", "localhost:4318"], "is not an http(s) URL"],
  ])("exits 2 on bad usage: %j", async (args, message) => {
    const result = await runEval(args);
    expect(result.code).toBe(2);
    expect(result.error).toContain(message);
  });

  it("exits 2 naming the line, the field and the fix of a malformed dataset, and of a broken config", async () => {
    const folder = mkdtempSync(join(tmpdir(), "sightline-eval-"));
    writeFileSync(
      join(folder, "rows.jsonl"),
      '{"id":"a","input":"Hi"}\n{"id":"b","input":""}\n{"id":"c","inptu":"x"}\n',
    );
    const dataset = await runEval(["--dataset", join(folder, "rows.jsonl"), "--config", CONFIG]);
    expect(dataset.code).toBe(2);
    expect(dataset.error).toContain("has 3 problem(s)");
    expect(dataset.error).toMatch(/rows\.jsonl:2 input: is an empty string; give a prompt string/);
    expect(dataset.error).toMatch(/rows\.jsonl:3 inptu: unknown field "inptu"; did you mean "input"\?/);
    writeFileSync(join(folder, "bad.config.mjs"), 'export const targets = [{ name: "a" }];\n');
    const config = await runEval(["--dataset", DATASET, "--config", join(folder, "bad.config.mjs")]);
    expect(config.code).toBe(2);
    expect(config.error).toContain(
      'targets[0].call ("a") is not a function; give it call: async (row) => answer text',
    );
  });

  it("takes a default-export config, runs setup and its teardown, and summarizes a single target", async () => {
    const folder = mkdtempSync(join(tmpdir(), "sightline-eval-"));
    writeFileSync(
      join(folder, "eval.config.mjs"),
      [
        "export default {",
        "  setup: () => () => { globalThis.sightlineEvalTornDown = true; },",
        '  targets: [{ name: "echo", call: (row) => (row.id === "kenya" ? "Mombasa" : String(row.expected)) }],',
        '  evaluators: [{ name: "exact", kind: "deterministic", evaluate: ({ outputText, expected }) => ({ name: "exact", passed: outputText === expected }) }],',
        "};",
      ].join("\n"),
    );
    const result = await runEval([
      "--dataset",
      DATASET,
      "--config",
      join(folder, "eval.config.mjs"),
      "--fail-on-regression",
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("echo: 6 rows\n  exact: 5/6 passed (83.3%)\n");
    // No wrapped client: no model-call spans, so no price and wall-clock latency.
    expect(result.out).toMatch(
      /unpriced per row, latency mean \d+ ms \(wall clock: no model-call spans seen\)/,
    );
    expect((globalThis as { sightlineEvalTornDown?: boolean }).sightlineEvalTornDown).toBe(true);
  });

  it("prints its help", async () => {
    const result = await runEval(["--help"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("--fail-on-regression");
  });
});

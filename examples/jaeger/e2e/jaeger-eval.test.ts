// `sightline eval` as docs/evals.md tells a reader to run it (the built CLI on examples/evals' dataset and
// config, the mock LLM server standing in for the two models) with --otlp-endpoint at a real Jaeger v2; then
// the run read back through Jaeger's HTTP API: run span → row spans → model-call spans → evaluation results.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type JaegerOtlpSpan,
  requireEnvironment,
  searchTraces,
  tagOf,
  waitForV3Spans,
  withoutOpenAIKey,
} from "./query-jaeger.js";

const SERVICE = `jaeger-eval-${process.pid}`;
const BASELINE = "gpt-4o-mini";
const CANDIDATE = "gpt-4.1-nano";
const CLIENT_KINDS = [3, "SPAN_KIND_CLIENT"];
const exampleRoot = new URL("../../evals/", import.meta.url).pathname;
const cli = join(dirname(createRequire(import.meta.url).resolve("sightline/package.json")), "dist/cli.js");
const reportFolder = mkdtempSync(join(tmpdir(), "sightline-jaeger-eval-"));

interface ReportRow {
  rowId: string;
  passed: boolean;
  costUsd?: number;
  traceId?: string;
  modelCalls: { spanId: string; provider?: string }[];
  evaluations: { name: string; passed: boolean; score?: number; label?: string }[];
}
interface Report {
  runs: { target: string; evaluators: string[]; rows: ReportRow[] }[];
  comparison: { verdict: string; regressedRows: { rowId: string; evaluators: string[] }[] };
}

let result: { code: number; stdout: string; stderr: string };
let report: Report;
let spans: JaegerOtlpSpan[] = [];

/** A number attribute as Jaeger stored it: JS's OTLP encoder sends whole numbers as intValue. */
const numberOf = (value: Record<string, unknown> | undefined): number =>
  Number(value?.doubleValue ?? value?.intValue ?? Number.NaN);
const stringOf = (value: Record<string, unknown> | undefined): unknown => value?.stringValue;
const childrenOf = (parent: JaegerOtlpSpan | undefined) =>
  spans.filter((span) => parent !== undefined && span.parentSpanId === parent.spanId);
const runSpanOf = (target: string) =>
  spans.find(
    (span) =>
      span.name === "sightline.eval.run" && stringOf(span.attributes["sightline.eval.target"]) === target,
  );

/** `sightline eval` on the example's dataset and config, in its own process, as a user or CI runs it. */
function runEval(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  // Only what a run is given says where to export: no inherited OTEL_EXPORTER_OTLP_* may stand in for it.
  const inherited = Object.fromEntries(
    Object.entries(withoutOpenAIKey()).filter(
      ([name]) => !name.startsWith("OTEL_EXPORTER_OTLP") && !name.startsWith("SIGHTLINE_"),
    ),
  );
  return promisify(execFile)(
    process.execPath,
    [cli, "eval", "--dataset", "rows.jsonl", "--config", "eval.config.mjs", "--fail-on-regression", ...args],
    { cwd: exampleRoot, env: { ...inherited, NO_COLOR: "1", ...env } },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

/** Per target: the run span, and per row a row span, a model-call span and one result span per evaluator. */
const countSpans = (runs: Report["runs"]) =>
  runs.reduce((sum, run) => sum + 1 + run.rows.length * (2 + run.evaluators.length), 0);

beforeAll(async () => {
  // Jaeger stores traces only (its OTLP receiver answers /v1/metrics with HTTP 404): the run exports no metrics
  // unless asked, so nothing is reported undelivered.
  result = await runEval(
    ["--otlp-endpoint", requireEnvironment("JAEGER_OTLP_URL"), "--json", join(reportFolder, "eval.json")],
    { OTEL_SERVICE_NAME: SERVICE },
  );
  report = JSON.parse(readFileSync(join(reportFolder, "eval.json"), "utf8")) as Report;
  spans = await waitForV3Spans(SERVICE, countSpans(report.runs));
});

afterAll(() => rmSync(reportFolder, { recursive: true, force: true }));

describe("sightline eval --otlp-endpoint into a real Jaeger", () => {
  it("the gate fails with --fail-on-regression (exit 1), says where it exports, and nothing fails to deliver", () => {
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("verdict: regression (equals)");
    const traces = `${requireEnvironment("JAEGER_OTLP_URL")}/v1/traces`;
    expect(result.stderr).toContain(`sightline eval: exporting traces → ${traces} (http/protobuf)`);
    expect(result.stderr).not.toContain(`could not export to ${traces}`);
    expect(result.stderr).toContain("sightline eval: exporting metrics → not exported");
    expect(result.stderr).not.toMatch(/could not (be delivered|export)/);
    expect(report.comparison.verdict).toBe("regression");
    expect(report.comparison.regressedRows.length).toBeGreaterThan(0);
  });

  it("stores one trace per target, rooted in a sightline.eval.run span with the dataset, row count and passed count", () => {
    expect(report.runs.map((run) => run.target)).toEqual([BASELINE, CANDIDATE]);
    expect(spans.every((span) => span.serviceName === SERVICE)).toBe(true);
    for (const run of report.runs) {
      const runSpan = runSpanOf(run.target);
      expect(runSpan?.parentSpanId ?? "").toBe("");
      expect(stringOf(runSpan?.attributes["sightline.eval.dataset"])).toBe("rows.jsonl");
      expect(numberOf(runSpan?.attributes["sightline.eval.row.count"])).toBe(run.rows.length);
      expect(numberOf(runSpan?.attributes["sightline.eval.row.passed_count"])).toBe(
        run.rows.filter((row) => row.passed).length,
      );
      // The trace id the JSON report gives each row is the one Jaeger holds the run under.
      expect(new Set(run.rows.map((row) => row.traceId))).toEqual(new Set([runSpan?.traceId]));
    }
    expect(new Set(spans.map((span) => span.traceId)).size).toBe(2);
    expect(spans).toHaveLength(countSpans(report.runs));
  });

  it("puts one sightline.eval.row span per dataset row under each run span, with its id, target, attempts and outcome", () => {
    for (const run of report.runs) {
      const rows = childrenOf(runSpanOf(run.target));
      expect(rows.map((span) => span.name)).toEqual(Array(run.rows.length).fill("sightline.eval.row"));
      const byId = new Map(rows.map((span) => [stringOf(span.attributes["sightline.eval.row.id"]), span]));
      expect([...byId.keys()].sort()).toEqual(run.rows.map((row) => row.rowId).sort());
      for (const row of run.rows) {
        const span = byId.get(row.rowId);
        expect(stringOf(span?.attributes["sightline.eval.target"])).toBe(run.target);
        expect(numberOf(span?.attributes["sightline.eval.row.attempts"])).toBe(1);
        expect(span?.attributes["sightline.eval.row.passed"]).toEqual({ boolValue: row.passed });
      }
    }
  });

  it("puts the wrapped openai client's chat span under each row span: gen_ai attributes and the cost the report adds up", () => {
    for (const run of report.runs) {
      for (const rowSpan of childrenOf(runSpanOf(run.target))) {
        const calls = childrenOf(rowSpan);
        expect(calls.map((span) => span.name)).toEqual([`chat ${run.target}`]);
        const [call] = calls;
        expect(CLIENT_KINDS).toContain(call?.kind);
        expect(call?.attributes["gen_ai.operation.name"]).toEqual({ stringValue: "chat" });
        expect(call?.attributes["gen_ai.request.model"]).toEqual({ stringValue: run.target });
        expect(call?.attributes["gen_ai.response.model"]).toEqual({ stringValue: run.target });
        expect(call?.attributes["gen_ai.usage.input_tokens"]).toHaveProperty("intValue");
        expect(call?.attributes["gen_ai.usage.output_tokens"]).toHaveProperty("intValue");
        const cost = numberOf(call?.attributes["gen_ai.usage.cost"]);
        expect(cost).toBeGreaterThan(0);
        const row = run.rows.find(
          (item) => item.rowId === stringOf(rowSpan.attributes["sightline.eval.row.id"]),
        );
        expect(row?.costUsd).toBeCloseTo(cost, 12);
        // The report's model call is this span: the same span id, the provider the wrapper named.
        expect(row?.modelCalls.map((item) => item.spanId)).toEqual([call?.spanId]);
        expect(call?.attributes["gen_ai.provider.name"]).toEqual({
          stringValue: row?.modelCalls[0]?.provider,
        });
      }
    }
  });

  it("records each evaluator's result as a gen_ai.evaluation.result span under the chat span, with the event of that name", () => {
    for (const run of report.runs) {
      for (const rowSpan of childrenOf(runSpanOf(run.target))) {
        const row = run.rows.find(
          (item) => item.rowId === stringOf(rowSpan.attributes["sightline.eval.row.id"]),
        );
        const results = childrenOf(childrenOf(rowSpan)[0]);
        expect(results.map((span) => span.name)).toEqual(
          Array(run.evaluators.length).fill("gen_ai.evaluation.result"),
        );
        expect(results.map((span) => stringOf(span.attributes["gen_ai.evaluation.name"])).sort()).toEqual(
          [...run.evaluators].sort(),
        );
        for (const span of results) {
          const name = stringOf(span.attributes["gen_ai.evaluation.name"]);
          const evaluation = row?.evaluations.find((item) => item.name === name);
          // The evaluator's own label (not_refusal says "refusal"), else pass/fail.
          const label = evaluation?.label ?? (evaluation?.passed ? "pass" : "fail");
          expect(span.attributes["sightline.evaluation.passed"]).toEqual({ boolValue: evaluation?.passed });
          expect(numberOf(span.attributes["gen_ai.evaluation.score.value"])).toBe(evaluation?.score);
          expect(span.attributes["gen_ai.evaluation.score.label"]).toEqual({ stringValue: label });
          // Kept off the result span, so Jaeger's views do not count it as a model call.
          expect(span.attributes).not.toHaveProperty("gen_ai.operation.name");
          const events = span.events.filter((event) => event.name === "gen_ai.evaluation.result");
          expect(events).toHaveLength(1);
          expect(events[0]?.attributes["gen_ai.evaluation.name"]).toEqual({ stringValue: name });
          expect(events[0]?.attributes["gen_ai.evaluation.score.label"]).toEqual({ stringValue: label });
          expect(numberOf(events[0]?.attributes["gen_ai.evaluation.score.value"])).toBe(evaluation?.score);
        }
      }
    }
  });

  it("finds every regressed row the CLI reports by a tag search on sightline.eval.row.id in the candidate's trace", async () => {
    const regressed = report.comparison.regressedRows;
    for (const row of regressed) expect(result.stdout).toContain(`    ${row.rowId}  `);
    for (const { rowId, evaluators } of regressed) {
      const found = (
        await searchTraces({
          serviceName: SERVICE,
          tags: { "sightline.eval.row.id": rowId, "sightline.eval.target": CANDIDATE },
        })
      ).filter(
        (span) =>
          span.operationName === "sightline.eval.row" &&
          tagOf(span, "sightline.eval.row.id") === rowId &&
          tagOf(span, "sightline.eval.target") === CANDIDATE,
      );
      expect(found).toHaveLength(1);
      expect(tagOf(found[0] as (typeof found)[number], "sightline.eval.row.passed")).toBe(false);
      // The evaluators the CLI names failed on that row's call, in Jaeger too.
      const rowSpan = spans.find((span) => span.spanId === found[0]?.spanID);
      const failed = childrenOf(childrenOf(rowSpan)[0])
        .filter((span) => span.attributes["sightline.evaluation.passed"]?.boolValue === false)
        .map((span) => stringOf(span.attributes["gen_ai.evaluation.name"]));
      for (const evaluator of evaluators) expect(failed).toContain(evaluator);
    }
  });

  it("a search for sightline.eval.row.passed=false finds exactly the candidate's failing rows", async () => {
    const failing = (
      await searchTraces({ serviceName: SERVICE, tags: { "sightline.eval.row.passed": "false" } })
    )
      .filter(
        (span) =>
          span.operationName === "sightline.eval.row" && tagOf(span, "sightline.eval.row.passed") === false,
      )
      .map((span) => `${tagOf(span, "sightline.eval.target")}/${tagOf(span, "sightline.eval.row.id")}`);
    const expected = report.runs.flatMap((run) =>
      run.rows.filter((row) => !row.passed).map((row) => `${run.target}/${row.rowId}`),
    );
    expect(failing.sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThanOrEqual(report.comparison.regressedRows.length);
  });

  it("exports the same way from the environment: SIGHTLINE_EXPORTER=jaeger and OTEL_EXPORTER_OTLP_ENDPOINT, no flag", async () => {
    const service = `${SERVICE}-env`;
    const run = await runEval(["--json", join(reportFolder, "env.json")], {
      OTEL_SERVICE_NAME: service,
      SIGHTLINE_EXPORTER: "jaeger",
      OTEL_EXPORTER_OTLP_ENDPOINT: requireEnvironment("JAEGER_OTLP_URL"),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `sightline eval: exporting traces → ${requireEnvironment("JAEGER_OTLP_URL")}/v1/traces`,
    );
    expect(run.stderr).not.toMatch(/could not (be delivered|export)/);
    const runs = (JSON.parse(readFileSync(join(reportFolder, "env.json"), "utf8")) as Report).runs;
    const stored = await waitForV3Spans(service, countSpans(runs));
    expect(stored).toHaveLength(countSpans(runs));
    expect(stored.filter((span) => span.name === "sightline.eval.run")).toHaveLength(2);
    expect(stored.filter((span) => span.name === "sightline.eval.row")).toHaveLength(
      runs.reduce((sum, item) => sum + item.rows.length, 0),
    );
  });
});

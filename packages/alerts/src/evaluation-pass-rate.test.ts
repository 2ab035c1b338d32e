import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkAlertFile } from "./check-alert-file.js";
import { checkDatadogMonitor } from "./check-datadog-monitor.js";
import { checkGrafanaProvisioning } from "./check-grafana-provisioning.js";
import { checkHoneycombTrigger } from "./check-honeycomb-trigger.js";
import { generatePromtoolTests } from "./generate-promtool-tests.js";
import { renderAlerts } from "./render-alerts.js";
import type { DatadogMonitor } from "./render-datadog-monitors.js";
import type { GrafanaProvisioning } from "./render-grafana-provisioning.js";
import type { HoneycombTriggerFile } from "./render-honeycomb-triggers.js";
import { toAlertPlan } from "./to-alert-plan.js";
import type { RenderAlertsOptions, RenderAlertsResult } from "./types.js";

const everyEvaluator = "version: 1\nrules:\n  - { id: evals, kind: evaluation-pass-rate, threshold: 0.9 }\n";
const oneEvaluator = `version: 1
rules:
  - id: checkout-json
    kind: evaluation-pass-rate
    threshold: 0.75
    evaluator: valid_json
    minResults: 50
    window: 30m
    by: [model]
    match: { feature: checkout }
`;

function contentsOf(result: RenderAlertsResult): string {
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join("\n"));
  return result.files[0]!.contents;
}
const render = (options: RenderAlertsOptions) => contentsOf(renderAlerts(options));

function messagesOf(text: string): string[] {
  const result = checkAlertFile({ text, fileName: "evals.yaml" });
  return result.ok ? [] : result.errors.map((error) => error.message);
}

function planOf(text: string) {
  const checked = checkAlertFile({ text });
  if (!checked.ok) throw new Error(checked.errors.map((error) => error.message).join("\n"));
  return toAlertPlan(checked.file, "sightline.alerts.yaml").rules[0]!;
}

describe("evaluation-pass-rate validation", () => {
  it("names the field and what is allowed", () => {
    const text = `version: 1
rules:
  - { id: a, kind: evaluation-pass-rate }
  - { id: b, kind: evaluation-pass-rate, threshold: 90 }
  - { id: c, kind: evaluation-pass-rate, threshold: 0.9, evaluator: "", minResults: 2.5 }
  - { id: d, kind: evaluation-pass-rate, threshold: 0.9, evaluator: valid_json, match: { evaluator: tone } }
  - { id: e, kind: evaluation-pass-rate, threshold: 0.9, by: [operation, prompt], minResults: 0 }
  - { id: f, kind: error-ratio, threshold: 0.1, by: [evaluator] }
`;
    expect(messagesOf(text)).toEqual([
      "evals.yaml:3 rules[0].threshold: required: a fraction of evaluations that must pass, greater than 0 and less than 1 (0.9 alerts below 90%)",
      "evals.yaml:4 rules[1].threshold: expected a fraction of evaluations that must pass, greater than 0 and less than 1 (0.9 alerts below 90%), got 90",
      'evals.yaml:5 rules[2].evaluator: expected an evaluator name (gen_ai.evaluation.name, e.g. valid_json), got ""; leave it out to alert on every evaluator',
      "evals.yaml:5 rules[2].minResults: expected a whole number of evaluations, 1 or more (default 20), got 2.5",
      "evals.yaml:6 rules[3].evaluator: set the evaluator either here or as match.evaluator, not both",
      'evals.yaml:7 rules[4].by[0]: expected one of provider, model, feature, evaluator for a evaluation-pass-rate rule, got "operation"',
      'evals.yaml:7 rules[4].by[1]: expected one of provider, model, feature, evaluator for a evaluation-pass-rate rule, got "prompt"',
      "evals.yaml:7 rules[4].minResults: expected a whole number of evaluations, 1 or more (default 20), got 0",
      'evals.yaml:8 rules[5].by[0]: expected one of provider, model, operation, feature, prompt for a error-ratio rule, got "evaluator"',
    ]);
  });

  it("rejects minResults on other kinds as an unknown field", () => {
    const text = "version: 1\nrules:\n  - { id: a, kind: error-ratio, threshold: 0.1, minResults: 5 }\n";
    expect(messagesOf(text)[0]).toMatch(
      /^evals\.yaml:3 rules\[0\]\.minResults: unknown field for a error-ratio rule/,
    );
  });
});

describe("evaluation-pass-rate plan", () => {
  it("defaults to every evaluator, grouped by it, over 1h with at least 20 results", () => {
    const rule = planOf(everyEvaluator);
    expect(rule).toMatchObject({
      signal: { kind: "evaluation-pass-rate", minResults: 20 },
      threshold: 0.9,
      windowSeconds: 3600,
      by: ["evaluator"],
      match: [],
      grouping: ["evaluator"],
      title: "Evaluation pass rate below 90%",
    });
  });

  it("turns evaluator into a match and keeps grouping by evaluator next to the given by", () => {
    const rule = planOf(oneEvaluator);
    expect(rule).toMatchObject({
      signal: { kind: "evaluation-pass-rate", minResults: 50 },
      by: ["model", "evaluator"],
      match: [
        ["feature", "checkout"],
        ["evaluator", "valid_json"],
      ],
      grouping: ["model", "feature", "evaluator"],
    });
  });
});

describe("evaluation-pass-rate rendering", () => {
  it("Prometheus: passed over all results with a verdict and no error.type, below the threshold, with enough results", () => {
    const rules = parse(render({ text: everyEvaluator, target: "prometheus", naming: "otlp" })) as {
      groups: { rules: { record?: string; alert?: string; expr: string }[] }[];
    };
    const counter = "sightline_gen_ai_evaluation_results_total";
    const increase = (matchers: string) =>
      `sum by (gen_ai_evaluation_name) (increase(${counter}{${matchers}, error_type=""}[1h]))`;
    const all = increase('sightline_evaluation_passed!=""');
    expect(rules.groups[0]!.rules).toEqual([
      {
        record: "sightline_by_evaluator:gen_ai_evaluation_pass_ratio:increase1h",
        expr: `(${increase('sightline_evaluation_passed="true"')} or ${all} * 0) / ${all}`,
      },
      { record: "sightline_by_evaluator:gen_ai_evaluation_results:increase1h", expr: all },
      expect.objectContaining({
        alert: "SightlineEvals",
        expr: "sightline_by_evaluator:gen_ai_evaluation_pass_ratio:increase1h < 0.9 and sightline_by_evaluator:gen_ai_evaluation_results:increase1h >= 20",
      }),
    ]);
    // The counter has a `{evaluation}` unit: no unit suffix in either naming mode, `_total` in both.
    expect(render({ text: everyEvaluator, target: "prometheus", naming: "prometheus-exporter" })).toContain(
      `${counter}{sightline_evaluation_passed="true", error_type=""}`,
    );
  });

  it("Grafana: the guarded ratio, compared with lt", () => {
    const grafana = parse(
      render({ text: oneEvaluator, target: "grafana", naming: "otlp" }),
    ) as GrafanaProvisioning;
    expect(checkGrafanaProvisioning(grafana)).toEqual([]);
    const rule = grafana.groups[0]!.rules[0]!;
    expect(rule.data[0]!.model.expr).toMatch(
      /^\(\(sum by \(gen_ai_request_model, sightline_feature, gen_ai_evaluation_name\) .* >= 50$/,
    );
    expect(rule.data[0]!.model.expr).toContain('gen_ai_evaluation_name="valid_json"');
    expect(rule.data[2]!.model.conditions).toEqual([{ evaluator: { type: "lt", params: [0.75] } }]);
  });

  it("Honeycomb: AVG of passed over gen_ai.evaluation.result spans, below the threshold", () => {
    const file = JSON.parse(render({ text: oneEvaluator, target: "honeycomb" })) as HoneycombTriggerFile;
    const trigger = file.triggers[0]!;
    expect(checkHoneycombTrigger(trigger)).toEqual([]);
    expect(trigger.query).toEqual({
      calculations: [{ op: "AVG", column: "sightline_evaluation_passed" }],
      calculated_fields: [
        { name: "sightline_evaluation_passed", expression: "IF($sightline.evaluation.passed, 1, 0)" },
      ],
      filters: [
        { column: "name", op: "=", value: "gen_ai.evaluation.result" },
        { column: "sightline.evaluation.passed", op: "exists" },
        { column: "error.type", op: "does-not-exist" },
        { column: "sightline.feature", op: "=", value: "checkout" },
        { column: "gen_ai.evaluation.name", op: "=", value: "valid_json" },
      ],
      filter_combination: "AND",
      breakdowns: ["gen_ai.request.model", "sightline.feature", "gen_ai.evaluation.name"],
      time_range: 1800,
    });
    expect(trigger.threshold).toEqual({ op: "<", value: 0.75, exceeded_limit: 1 });
    expect(trigger.description).toContain("minResults (50) applies to the metric targets only");
  });

  it("Datadog: passed over all results as counts, below the threshold", () => {
    const monitors = JSON.parse(render({ text: oneEvaluator, target: "datadog" })) as DatadogMonitor[];
    expect(monitors.flatMap(checkDatadogMonitor)).toEqual([]);
    const scope =
      "!error.type:*,sightline.feature:checkout,gen_ai.evaluation.name:valid_json} by {gen_ai.request.model,sightline.feature,gen_ai.evaluation.name}.as_count()";
    expect(monitors[0]!.query).toBe(
      `sum(last_30m):sum:sightline.gen_ai.evaluation.results{sightline.evaluation.passed:true,${scope} / sum:sightline.gen_ai.evaluation.results{sightline.evaluation.passed:*,${scope} < 0.75`,
    );
    expect(monitors[0]!.options.thresholds.critical).toBe(0.75);
    expect(monitors[0]!.message).toContain(
      "minResults (50) applies to the Prometheus and Grafana targets only",
    );
  });
});

const hasPromtool = spawnSync("promtool", ["--version"]).status === 0;
const workFolder = mkdtempSync(join(tmpdir(), "sightline-eval-promtool-"));
afterAll(() => rmSync(workFolder, { recursive: true, force: true }));

describe.skipIf(!hasPromtool)("evaluation-pass-rate promtool tests", () => {
  const rules = render({ text: oneEvaluator, target: "prometheus", naming: "otlp" });
  const tests = contentsOf(generatePromtoolTests({ text: oneEvaluator, naming: "otlp" }));
  /** Writes (possibly mutated) rules next to the generated tests and runs promtool on them. */
  function runTests(name: string, ruleText: string) {
    const folder = mkdtempSync(join(workFolder, `${name}-`));
    writeFileSync(join(folder, "sightline.rules.yml"), ruleText);
    writeFileSync(join(folder, "sightline.rules.test.yml"), tests);
    const result = spawnSync("promtool", ["test", "rules", join(folder, "sightline.rules.test.yml")], {
      encoding: "utf8",
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it("pass for the rendered rules", () => {
    const result = runTests("rendered", rules);
    expect(result.output).toContain("SUCCESS");
    expect(result.status).toBe(0);
  });

  it.each([
    [
      "fires above the threshold instead of below",
      (text: string) => text.replace(" < 0.75 and", " > 0.75 and"),
    ],
    ["counts evaluations that failed themselves", (text: string) => text.replaceAll(', error_type=""', "")],
    [
      "loses groups where nothing passed",
      (text: string) => text.replace(/ or sum by \([a-z_, ]+\) \(increase\([^)]*\)\) \* 0/, ""),
    ],
    ["drops the minResults guard", (text: string) => text.replace(">= 50", ">= 0")],
  ])("fail when the rule %s", (_, mutate) => {
    const mutated = mutate(rules);
    expect(mutated).not.toBe(rules);
    const result = runTests("mutated", mutated);
    expect(result.status).toBe(1);
    expect(result.output).toContain("alertname: SightlineCheckoutJson");
  });
});

describe("evaluation scores as drift signals", () => {
  // Evaluation results feed drift as `eval.<name>.score` / `eval.<name>.passed`: the drift-score rule
  // already covers them through its `signal` dimension, with no new kind.
  it("are matched by a drift-score rule on signal eval.<name>.score", () => {
    const text =
      "version: 1\nrules:\n  - { id: json-score-drift, kind: drift-score, match: { signal: eval.valid_json.score } }\n";
    expect(render({ text, target: "prometheus", naming: "otlp" })).toContain(
      'expr: max by (gen_ai_provider_name, sightline_model_family, sightline_drift_signal) (max_over_time(sightline_gen_ai_drift_score_ratio{sightline_drift_signal="eval.valid_json.score"}[5m])) > 1',
    );
    const file = JSON.parse(render({ text, target: "honeycomb" })) as HoneycombTriggerFile;
    expect(file.triggers[0]!.query.filters).toContainEqual({
      column: "sightline.drift.signal",
      op: "=",
      value: "eval.valid_json.score",
    });
  });
});

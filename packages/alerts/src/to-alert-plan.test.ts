import { describe, expect, it } from "vitest";
import { buildPromQl } from "./build-promql.js";
import { checkAlertFile } from "./check-alert-file.js";
import { createDefaultAlertFile } from "./create-default-alert-file.js";
import type { AlertPlan } from "./internal-types.js";
import { buildPrometheusRuleGroup } from "./render-prometheus-rules.js";
import { toAlertPlan } from "./to-alert-plan.js";
import { alertRuleKinds } from "./validate-alert-rule.js";

function planOf(text: string): AlertPlan {
  const checked = checkAlertFile({ text });
  if (!checked.ok) throw new Error(checked.errors.map((error) => error.message).join("\n"));
  return toAlertPlan(checked.file, "test.alerts.yaml");
}

describe("toAlertPlan", () => {
  it("applies kind defaults, then file defaults, then the rule's own fields", () => {
    const plan = planOf(`
version: 1
defaults: { for: 10m, severity: info, labels: { team: a, tier: "1" } }
rules:
  - { id: drift, kind: drift-score }
  - { id: changed, kind: model-change, for: 0s }
  - { id: errors, kind: error-ratio, threshold: 0.2, severity: critical, labels: { team: b }, by: [feature, provider] }
`);
    const [drift, changed, errors] = plan.rules;
    expect(drift).toMatchObject({
      alertName: "SightlineDrift",
      threshold: 1,
      windowSeconds: 300,
      forSeconds: 600,
    });
    expect(drift!.grouping).toEqual(["provider", "model", "signal"]);
    expect(changed).toMatchObject({
      threshold: 0,
      windowSeconds: 900,
      forSeconds: 0,
      title: "Model changed",
    });
    expect(errors).toMatchObject({
      severity: "critical",
      labels: { team: "b", tier: "1" },
      title: "Error ratio above 20%",
    });
    // Dimensions come out in canonical order whatever order the file used.
    expect(errors!.by).toEqual(["provider", "feature"]);
  });

  it("uses the model-change and unpriced default of firing at once only without a file default", () => {
    const plan = planOf(
      "version: 1\nrules:\n  - { id: unpriced, kind: unpriced }\n  - { id: spend, kind: budget, period: hour, threshold: 1 }\n",
    );
    expect(plan.rules.map((rule) => rule.forSeconds)).toEqual([0, 300]);
  });
});

describe("buildPromQl", () => {
  it("groups recording rules by `by` and `match`, and filters in the alert", () => {
    const plan = planOf(
      "version: 1\nrules:\n  - { id: checkout, kind: budget, period: day, threshold: 50, window: 6h, match: { feature: checkout } }\n",
    );
    expect(buildPromQl(plan.rules[0]!, "prometheus-exporter")).toEqual({
      recordingRules: [
        {
          record: "sightline_by_feature:gen_ai_cost_usd_per_hour:rate6h",
          expr: "sum by (sightline_feature) (rate(sightline_gen_ai_cost_total[6h])) * 3600",
        },
      ],
      alertCondition:
        'sightline_by_feature:gen_ai_cost_usd_per_hour:rate6h{sightline_feature="checkout"} * 24 > 50',
      rawValue:
        'sum by (sightline_feature) (rate(sightline_gen_ai_cost_total{sightline_feature="checkout"}[6h])) * 3600 * 24',
    });
  });

  it("shares one recording rule between rules that need the same one", () => {
    const plan = planOf(`
version: 1
rules:
  - { id: warn-errors, kind: error-ratio, threshold: 0.05 }
  - { id: page-errors, kind: error-ratio, threshold: 0.2, severity: critical, match: { provider: openai } }
`);
    const group = buildPrometheusRuleGroup(plan, "otlp");
    const records = group.rules.filter((rule) => "record" in rule);
    // The second rule's match adds no new grouping: provider is already in the default `by`.
    expect(records.map((rule) => ("record" in rule ? rule.record : ""))).toEqual([
      "sightline_by_provider_model:gen_ai_error_ratio:rate5m",
    ]);
    expect(group.rules).toHaveLength(3);
  });

  it("escapes match values as PromQL strings", () => {
    const plan = planOf(
      'version: 1\nrules:\n  - { id: odd, kind: unpriced, match: { model: "my \\"model\\"" } }\n',
    );
    expect(buildPromQl(plan.rules[0]!, "otlp").alertCondition).toContain(
      'gen_ai_request_model="my \\"model\\""',
    );
  });
});

describe("createDefaultAlertFile", () => {
  it("is valid and uses every kind, the evaluation pass rate as a commented-out rule", () => {
    const checked = checkAlertFile({ text: createDefaultAlertFile() });
    if (!checked.ok) throw new Error("the default file is invalid");
    const kinds = new Set(checked.file.rules.map((rule) => rule.kind));
    expect(kinds).toEqual(new Set(alertRuleKinds.filter((kind) => kind !== "evaluation-pass-rate")));
    // Only apps that run evaluators emit evaluation results; uncommenting the rule must give a valid file.
    const uncommented = createDefaultAlertFile().replace(/^ {2}# (-| ) /gm, "  $1 ");
    const withEvaluations = checkAlertFile({ text: uncommented });
    if (!withEvaluations.ok) throw new Error(withEvaluations.errors.map((error) => error.message).join("\n"));
    expect(withEvaluations.file.rules.at(-1)).toEqual({
      id: "evaluation-pass-rate",
      kind: "evaluation-pass-rate",
      threshold: 0.9,
    });
  });
});

describe("SLO rules", () => {
  it("expand into fast and slow burn-rate alerts with thresholds from the objective and period", () => {
    const plan = planOf(
      "version: 1\nrules:\n  - { id: answers, kind: slo, objective: 0.999, period: 28d, match: { feature: chat } }\n",
    );
    expect(
      plan.rules.map((rule) => [rule.alertName, rule.severity, rule.windowSeconds, rule.threshold]),
    ).toEqual([
      // 2% of a 28-day budget in 1h is a 13.44× burn; 5% in 6h is 5.6×.
      ["SightlineAnswersFastBurn", "critical", 3600, 0.01344],
      ["SightlineAnswersSlowBurn", "warning", 21_600, 0.0056],
    ]);
    expect(buildPromQl(plan.rules[0]!, "otlp").alertCondition).toBe(
      'sightline_by_feature:gen_ai_error_ratio:rate1h{sightline_feature="chat"} > 0.01344 and sightline_by_feature:gen_ai_error_ratio:rate5m{sightline_feature="chat"} > 0.01344',
    );
  });

  it("count calls over the latency objective as bad, from the bucket at that boundary", () => {
    const plan = planOf("version: 1\nrules:\n  - { id: fast, kind: slo, objective: 0.99, latency: 2.56 }\n");
    const [long] = buildPromQl(plan.rules[0]!, "prometheus-exporter").recordingRules;
    expect(long).toEqual({
      record: "sightline:gen_ai_slo_bad_ratio_le_2_56:rate1h",
      expr: '1 - (sum(rate(gen_ai_client_operation_duration_bucket{le="2.56", error_type=""}[1h])) / sum(rate(gen_ai_client_operation_duration_count[1h])))',
    });
  });
});

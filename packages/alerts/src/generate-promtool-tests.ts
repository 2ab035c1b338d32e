import { toDimensionLabel } from "./build-promql.js";
import { buildSyntheticSeries, getSampleDimensionValues } from "./build-synthetic-series.js";
import { checkAlertFile, defaultAlertFileName } from "./check-alert-file.js";
import type { AlertPlan, AlertPlanRule } from "./internal-types.js";
import { getAlertAnnotations, getGeneratedHeader, getStaticAlertLabels } from "./render-prometheus-rules.js";
import { toAlertPlan } from "./to-alert-plan.js";
import { toYamlText } from "./to-yaml-text.js";
import type { GeneratePromtoolTestsOptions, NamingMode, RenderAlertsResult } from "./types.js";

/**
 * Rules are evaluated every 5 minutes in the tests (series still have a sample a minute). promtool
 * evaluates every rule at every step of every test, and day-long windows need a day of steps, so a 1m step
 * made the suite five times slower without testing anything more: thresholds and `for` behave the same.
 */
const evaluationMinutes = 5;

/** Path of the rule file relative to the test file; both are written side by side. */
const ruleFileName = "sightline.rules.yml";

/** Alert labels promtool should see: the static ones plus the rule's grouping labels. */
function expectedLabels(rule: AlertPlanRule, values: Record<string, string>): Record<string, string> {
  const grouping = Object.fromEntries(
    rule.grouping.map((dimension) => [toDimensionLabel(dimension, rule.signal.kind), values[dimension]!]),
  );
  return { ...getStaticAlertLabels(rule), ...grouping };
}

/** Annotations as Prometheus expands them; templates only use `$labels`, so this is exact. */
function expectedAnnotations(rule: AlertPlanRule, labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(getAlertAnnotations(rule)).map(([name, template]) => [
      name,
      template.replace(/\{\{ \$labels\.([a-zA-Z0-9_]+) \}\}/g, (_, label: string) => labels[label] ?? ""),
    ]),
  );
}

function buildRuleTests(rule: AlertPlanRule, naming: NamingMode): Record<string, unknown>[] {
  // Evaluate after the window has filled and `for` has elapsed, on an evaluation step, with two steps to
  // spare (the condition first holds at the first step, and `for` counts from there).
  const evalMinutes =
    Math.ceil((rule.windowSeconds + rule.forSeconds) / 60 / evaluationMinutes) * evaluationMinutes +
    2 * evaluationMinutes;
  const samples = evalMinutes + 5;
  const values = getSampleDimensionValues(rule);
  const firing = buildSyntheticSeries({ rule, naming, intent: "fire", dimensionValues: values, samples });
  const quiet = buildSyntheticSeries({ rule, naming, intent: "quiet", dimensionValues: values, samples });
  // When the rule matches on a dimension, a neighbouring value at firing level must not trip it.
  const firstMatch = rule.match[0];
  if (firstMatch) {
    const neighbour = { ...values, [firstMatch[0]]: `${firstMatch[1]}-other` };
    quiet.push(
      ...buildSyntheticSeries({ rule, naming, intent: "fire", dimensionValues: neighbour, samples }),
    );
  }
  const labels = expectedLabels(rule, values);
  const evalTime = `${evalMinutes}m`;
  // An SLO burn must also stop alerting soon after the burn stops, even though the long window still
  // remembers it: that is what the short window is for.
  const recovered =
    rule.signal.kind === "slo-burn"
      ? [
          {
            interval: "1m",
            input_series: buildSyntheticSeries({
              rule,
              naming,
              intent: "recovered",
              dimensionValues: values,
              samples,
              recoveredSteps: rule.signal.shortWindowSeconds / 60 + 10,
            }),
            alert_rule_test: [{ eval_time: evalTime, alertname: rule.alertName, exp_alerts: [] }],
          },
        ]
      : [];
  // A pass rate must fire when nothing passed at all (no `passed="true"` series exists), and stay quiet
  // on a failing rate from fewer results than minResults.
  const evaluationExtras =
    rule.signal.kind === "evaluation-pass-rate"
      ? (["all-failed", "sparse"] as const).map((intent) => ({
          interval: "1m",
          input_series: buildSyntheticSeries({ rule, naming, intent, dimensionValues: values, samples }),
          alert_rule_test: [
            {
              eval_time: evalTime,
              alertname: rule.alertName,
              exp_alerts:
                intent === "all-failed"
                  ? [{ exp_labels: labels, exp_annotations: expectedAnnotations(rule, labels) }]
                  : [],
            },
          ],
        }))
      : [];
  return [
    ...recovered,
    ...evaluationExtras,
    {
      interval: "1m",
      input_series: firing,
      alert_rule_test: [
        {
          eval_time: evalTime,
          alertname: rule.alertName,
          exp_alerts: [{ exp_labels: labels, exp_annotations: expectedAnnotations(rule, labels) }],
        },
      ],
    },
    {
      interval: "1m",
      input_series: quiet,
      alert_rule_test: [{ eval_time: evalTime, alertname: rule.alertName, exp_alerts: [] }],
    },
  ];
}

/** Builds the promtool test document for a plan: per rule, one test that fires it and one that stays quiet. */
export function buildPromtoolTests(plan: AlertPlan, naming: NamingMode): Record<string, unknown> {
  return {
    rule_files: [ruleFileName],
    evaluation_interval: `${evaluationMinutes}m`,
    tests: plan.rules.flatMap((rule) => buildRuleTests(rule, naming)),
  };
}

/**
 * Generates `promtool test rules` unit tests for the Prometheus rules rendered from the same file and
 * naming mode. Write both files into one folder (`sightline.rules.yml` and `sightline.rules.test.yml`) and
 * run `promtool test rules sightline.rules.test.yml`.
 *
 * @example
 * const tests = generatePromtoolTests({ text, naming: "otlp" });
 */
export function generatePromtoolTests(options: GeneratePromtoolTestsOptions): RenderAlertsResult {
  const fileName = options.fileName ?? defaultAlertFileName;
  const checked = checkAlertFile({ text: options.text, fileName });
  if (!checked.ok) return checked;
  const plan = toAlertPlan(checked.file, fileName);
  const header = getGeneratedHeader(plan, `promtool unit tests, naming: ${options.naming}`);
  const contents = `${header}${toYamlText(buildPromtoolTests(plan, options.naming))}`;
  return { ok: true, files: [{ path: "prometheus/sightline.rules.test.yml", contents }], warnings: [] };
}

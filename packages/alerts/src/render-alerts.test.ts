import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { expectGoldenFile } from "./__fixtures__/expect-golden-file.js";
import { checkDatadogMonitor } from "./check-datadog-monitor.js";
import { checkGrafanaProvisioning } from "./check-grafana-provisioning.js";
import { checkHoneycombSlo } from "./check-honeycomb-slo.js";
import { checkHoneycombTrigger } from "./check-honeycomb-trigger.js";
import { createDefaultAlertFile } from "./create-default-alert-file.js";
import { generatePromtoolTests } from "./generate-promtool-tests.js";
import { renderAlerts } from "./render-alerts.js";
import type { DatadogMonitor } from "./render-datadog-monitors.js";
import { type GrafanaProvisioning, toGrafanaUid } from "./render-grafana-provisioning.js";
import type { HoneycombTriggerFile } from "./render-honeycomb-triggers.js";
import type { NamingMode, RenderAlertsOptions, RenderAlertsResult } from "./types.js";

const fixtures = join(import.meta.dirname, "__fixtures__");
const golden = join(fixtures, "golden");
const exampleFolder = join(import.meta.dirname, "..", "..", "..", "examples", "alerts");
const fullText = readFileSync(join(fixtures, "full.alerts.yaml"), "utf8");
const exampleText = readFileSync(join(exampleFolder, "sightline.alerts.yaml"), "utf8");

function onlyFile(result: RenderAlertsResult): string {
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join("\n"));
  expect(result.files).toHaveLength(1);
  return result.files[0]!.contents;
}

const render = (options: RenderAlertsOptions) => onlyFile(renderAlerts(options));

describe("golden files for the full fixture", () => {
  it.each<NamingMode>(["otlp", "prometheus-exporter"])(
    "Prometheus rules and promtool tests, naming %s",
    (naming) => {
      expectGoldenFile(
        join(golden, `prometheus-${naming}.rules.yml`),
        render({ text: fullText, target: "prometheus", naming }),
      );
      expectGoldenFile(
        join(golden, `prometheus-${naming}.rules.test.yml`),
        onlyFile(generatePromtoolTests({ text: fullText, naming })),
      );
    },
  );

  it("Grafana provisioning", () => {
    const contents = render({
      text: fullText,
      target: "grafana",
      naming: "otlp",
      datasourceUid: "prom-main",
    });
    expectGoldenFile(join(golden, "grafana-otlp.alerts.yaml"), contents);
  });

  it("Honeycomb triggers", () => {
    expectGoldenFile(
      join(golden, "honeycomb.json"),
      render({ text: fullText, target: "honeycomb", dataset: "llm-app" }),
    );
  });

  it("Datadog monitors", () => {
    expectGoldenFile(join(golden, "datadog.monitors.json"), render({ text: fullText, target: "datadog" }));
  });
});

describe("examples/alerts", () => {
  // The example's rendered outputs are checked in so readers can see them; this keeps them current.
  it("has up-to-date rendered outputs", () => {
    const results = [
      renderAlerts({ text: exampleText, target: "prometheus", naming: "otlp" }),
      generatePromtoolTests({ text: exampleText, naming: "otlp" }),
      renderAlerts({ text: exampleText, target: "grafana", naming: "otlp" }),
      renderAlerts({ text: exampleText, target: "honeycomb" }),
      renderAlerts({ text: exampleText, target: "datadog" }),
    ];
    for (const result of results) {
      if (!result.ok) throw new Error(result.errors.map((error) => error.message).join("\n"));
      for (const file of result.files)
        expectGoldenFile(join(exampleFolder, "rendered", file.path), file.contents);
    }
  });
});

describe("SLO rules per target", () => {
  it("become Honeycomb SLOs with an SLI column and budget-rate burn alerts", () => {
    const { honeycomb } = targetsOf(fullText);
    expect(honeycomb.triggers.map((trigger) => trigger.name).join("\n")).not.toContain("error budget");
    expect(honeycomb.slos.map((bundle) => bundle.derivedColumn.expression)).toEqual([
      'IF(AND(EXISTS($gen_ai.operation.name), EQUALS($sightline.feature, "checkout")), NOT(EXISTS($error.type)))',
      "IF(EXISTS($gen_ai.operation.name), AND(NOT(EXISTS($error.type)), LTE($duration_ms, 5120)))",
    ]);
    expect(honeycomb.slos[1]!.burnAlerts.map((alert) => alert.budget_rate_window_minutes)).toEqual([60, 360]);
  });

  it("are left out of Datadog with a warning naming each rule", () => {
    const result = renderAlerts({ text: fullText, target: "datadog" });
    if (!result.ok) throw new Error("full fixture is invalid");
    expect(result.warnings).toEqual([
      "sightline.alerts.yaml rules[12] (checkout-availability): not rendered for Datadog; create SLOs with Datadog's SLO feature and its burn-rate alerts",
      "sightline.alerts.yaml rules[13] (fast-answers): not rendered for Datadog; create SLOs with Datadog's SLO feature and its burn-rate alerts",
    ]);
    expect(result.files[0]!.contents).not.toContain("error budget");
  });
});

describe("naming modes", () => {
  it("changes metric names, not recording-rule names", () => {
    const otlp = render({ text: fullText, target: "prometheus", naming: "otlp" });
    const exporter = render({ text: fullText, target: "prometheus", naming: "prometheus-exporter" });
    expect(otlp).toContain("rate(sightline_gen_ai_cost_USD_total[1h])");
    expect(exporter).toContain("rate(sightline_gen_ai_cost_total[1h])");
    expect(otlp).toContain("gen_ai_client_operation_duration_seconds_bucket");
    expect(exporter).not.toContain("_seconds_bucket");
    expect(exporter).toContain("gen_ai_client_operation_duration_bucket");
    const records = (text: string) => [...text.matchAll(/record: (\S+)/g)].map((match) => match[1]);
    expect(records(otlp)).toEqual(records(exporter));
  });
});

const targetsOf = (text: string) => ({
  grafana: parse(render({ text, target: "grafana", naming: "otlp" })) as GrafanaProvisioning,
  honeycomb: JSON.parse(render({ text, target: "honeycomb" })) as HoneycombTriggerFile,
  datadog: JSON.parse(render({ text, target: "datadog" })) as DatadogMonitor[],
});

describe("documented target constraints", () => {
  it.each([
    ["default", createDefaultAlertFile()],
    ["full", fullText],
    ["example", exampleText],
  ])("hold for every rendered rule of the %s file", (_, text) => {
    const { grafana, honeycomb, datadog } = targetsOf(text);
    expect(checkGrafanaProvisioning(grafana)).toEqual([]);
    expect(honeycomb.triggers.flatMap(checkHoneycombTrigger)).toEqual([]);
    expect(honeycomb.slos.flatMap(checkHoneycombSlo)).toEqual([]);
    expect(datadog.flatMap(checkDatadogMonitor)).toEqual([]);
  });

  it("are actually checked: broken outputs are reported", () => {
    const { grafana, honeycomb, datadog } = targetsOf(fullText);
    const grafanaRule = grafana.groups[0]!.rules[0]!;
    grafana.groups[0]!.rules.push({ ...grafanaRule, condition: "D" });
    expect(checkGrafanaProvisioning(grafana)).toEqual([
      "uid sightline-hourly-spend is used twice",
      `title "${grafanaRule.title}" is used twice in folder Sightline`,
      "sightline-hourly-spend: condition D names no data step",
    ]);

    const trigger = honeycomb.triggers[0]!;
    const brokenTrigger = {
      ...trigger,
      frequency: 90,
      query: { ...trigger.query, calculations: [{ op: "HEATMAP", column: "duration_ms" }, { op: "COUNT" }] },
    };
    expect(checkHoneycombTrigger(brokenTrigger)).toEqual([
      "query must have exactly one calculation, has 2",
      "HEATMAP is not allowed in triggers",
      "frequency must be a multiple of 60 between 60 and 86400, is 90",
      "time_range 3600 exceeds 4 × frequency 90",
    ]);

    const monitor = datadog[0]!;
    expect(
      checkDatadogMonitor({ ...monitor, options: { ...monitor.options, thresholds: { critical: 11 } } }),
    ).toEqual(["thresholds.critical 11 differs from the query's 10"]);
    expect(checkDatadogMonitor({ ...monitor, query: "sum(last_1h):sum:sightline.gen_ai.cost > 10" })).toEqual(
      ["query does not follow the monitor grammar: sum(last_1h):sum:sightline.gen_ai.cost > 10"],
    );
  });
});

describe("toGrafanaUid", () => {
  it("keeps short ids readable and long ones distinct within 40 characters", () => {
    expect(toGrafanaUid("hourly-spend")).toBe("sightline-hourly-spend");
    const first = toGrafanaUid("a-very-long-service-level-objective-one-fast-burn");
    const second = toGrafanaUid("a-very-long-service-level-objective-two-fast-burn");
    expect(first).toHaveLength(40);
    expect(first).not.toBe(second);
    expect(toGrafanaUid("a-very-long-service-level-objective-one-fast-burn")).toBe(first);
  });
});

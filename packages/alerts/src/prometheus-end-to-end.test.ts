import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrometheusExporter } from "@opentelemetry/exporter-prometheus";
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { recordEvaluation } from "@sightline/core";
import { observeOpenAI } from "@sightline/openai";
import { type MockLLMServer, startMockLLMServer } from "@sightline/testing";
import OpenAI from "openai";
import { afterAll, beforeAll, expect, it } from "vitest";
import { renderAlerts } from "./render-alerts.js";

/**
 * The proof that the rules watch the metric names the SDK really emits: a real Prometheus server
 * (Debian's package) scrapes an app whose wrapped `openai` client talks to the mock server and
 * exposes Sightline's metrics through the OTel Prometheus exporter, with the rendered rules
 * loaded; traffic that overspends, fails and meets a new model, and evaluations of it that mostly fail,
 * must show up as firing alerts in Prometheus's own API.
 */
const hasPrometheus = (() => {
  try {
    execFileSync("prometheus", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

const ALERT_FILE = `
version: 1
group: end-to-end
rules:
  - id: spend
    kind: budget
    period: hour
    threshold: 1
    window: 1m
    for: 1s
  - id: errors
    kind: error-ratio
    threshold: 0.1
    window: 1m
    for: 1s
  - id: new-model
    kind: model-change
    window: 5m
    for: 1s
  - id: evals
    kind: evaluation-pass-rate
    threshold: 0.9
    minResults: 5
    window: 1m
    for: 1s
`;

let workDirectory: string;
let mock: MockLLMServer;
let metricsServer: Server;
let prometheus: ChildProcess | undefined;
let meterProvider: MeterProvider;

beforeAll(async () => {
  if (!hasPrometheus) return;
  workDirectory = mkdtempSync(join(tmpdir(), "sightline-e2e-"));
  mock = await startMockLLMServer();
  const exporter = new PrometheusExporter({ preventServerStart: true });
  meterProvider = new MeterProvider({ readers: [exporter] });
  metricsServer = createServer((request, response) => exporter.getMetricsRequestHandler(request, response));
  await new Promise<void>((resolve) => metricsServer.listen(0, "127.0.0.1", resolve));
  const rendered = renderAlerts({ text: ALERT_FILE, target: "prometheus", naming: "prometheus-exporter" });
  if (!rendered.ok) throw new Error(`alert file invalid: ${JSON.stringify(rendered)}`);
  const rulesFile = rendered.files.find((file) => file.path.endsWith(".rules.yml"));
  if (!rulesFile)
    throw new Error(`no rules file among ${rendered.files.map((file) => file.path).join(", ")}`);
  // The rendered group evaluates every minute, as production wants; a test can't wait for that.
  writeFileSync(
    join(workDirectory, "rules.yml"),
    rulesFile.contents.replace(/interval: \S+/, "interval: 1s"),
  );
  writeFileSync(
    join(workDirectory, "prometheus.yml"),
    [
      "global: { scrape_interval: 1s, evaluation_interval: 1s }",
      "rule_files: [rules.yml]",
      "scrape_configs:",
      "  - job_name: app",
      `    static_configs: [{ targets: ["127.0.0.1:${(metricsServer.address() as AddressInfo).port}"] }]`,
      "",
    ].join("\n"),
  );
}, 30_000);

afterAll(async () => {
  if (!hasPrometheus) return;
  prometheus?.kill("SIGTERM");
  await mock?.close();
  await new Promise((resolve) => metricsServer?.close(resolve));
  await meterProvider?.shutdown();
  rmSync(workDirectory, { recursive: true, force: true });
});

it.skipIf(!hasPrometheus)(
  "a spend, an error-ratio, a model-change and an evaluation pass-rate alert fire in Prometheus from real SDK traffic",
  async () => {
    const prometheusPort = await freePort();
    prometheus = spawn(
      "prometheus",
      [
        `--config.file=${join(workDirectory, "prometheus.yml")}`,
        `--storage.tsdb.path=${join(workDirectory, "data")}`,
        `--web.listen-address=127.0.0.1:${prometheusPort}`,
      ],
      { stdio: "ignore" },
    );
    const client = observeOpenAI(new OpenAI({ apiKey: "test", baseURL: mock.openaiBaseURL, maxRetries: 0 }), {
      providerName: "openai",
      meterProvider,
      drift: {},
    });
    const firing = new Set<string>();
    const deadline = Date.now() + 60_000;
    let call = 0;
    while (Date.now() < deadline && firing.size < 4) {
      // gpt-4o at list price: 200k input + 100k output tokens cost 1.50 USD a call, far over 1 USD an
      // hour; every fourth call fails; after 20 calls the provider quietly serves a new snapshot.
      if (call % 4 === 3) mock.enqueue({ status: 500 });
      else {
        const model = call < 20 ? "gpt-4o-2024-08-06" : "gpt-4o-2024-11-20";
        mock.enqueue({ model, usage: { inputTokens: 200_000, outputTokens: 100_000 } });
      }
      await client.chat.completions
        .create({ model: "gpt-4o", messages: [{ role: "user", content: `call ${call}` }] })
        .catch(() => undefined);
      // Half the answers pass the evaluator (50%, under the rule's 90%); a judge that failed itself
      // (`error.type`) must not count either way.
      recordEvaluation(undefined, {
        name: "valid_json",
        passed: call % 2 === 0,
        score: call % 2 === 0 ? 1 : 0,
        model: "gpt-4o",
        provider: "openai",
        meterProvider,
      });
      if (call % 5 === 0) {
        recordEvaluation(undefined, {
          name: "valid_json",
          passed: false,
          errorType: "timeout",
          model: "gpt-4o",
          provider: "openai",
          meterProvider,
        });
      }
      call++;
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const name of await firingAlerts(prometheusPort)) firing.add(name);
    }
    const diagnosis = firing.size < 4 ? await describePrometheus(prometheusPort) : "";
    expect([...firing].sort(), diagnosis).toEqual([
      "SightlineErrors",
      "SightlineEvals",
      "SightlineNewModel",
      "SightlineSpend",
    ]);
  },
  90_000,
);

async function firingAlerts(port: number): Promise<string[]> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/alerts`);
    const body = (await response.json()) as {
      data: { alerts: { labels: { alertname: string }; state: string }[] };
    };
    return body.data.alerts
      .filter((alert) => alert.state === "firing")
      .map((alert) => alert.labels.alertname);
  } catch {
    return []; // Prometheus still starting
  }
}

/** What Prometheus saw, for a failure message that says why an alert did not fire. */
async function describePrometheus(port: number): Promise<string> {
  const read = async (path: string) => {
    try {
      return JSON.stringify(
        ((await (await fetch(`http://127.0.0.1:${port}${path}`)).json()) as { data: unknown }).data,
      ).slice(0, 3000);
    } catch (error) {
      return String(error);
    }
  };
  return [
    `targets: ${await read("/api/v1/targets")}`,
    `metric names: ${await read("/api/v1/label/__name__/values")}`,
    `drift events: ${await read("/api/v1/query?query=sightline_gen_ai_drift_events_total")}`,
    `evaluation results: ${await read("/api/v1/query?query=sightline_gen_ai_evaluation_results_total")}`,
    `rules: ${await read("/api/v1/rules")}`,
  ].join("\n");
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

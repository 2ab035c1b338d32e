import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { createDefaultAlertFile } from "./create-default-alert-file.js";
import { generatePromtoolTests } from "./generate-promtool-tests.js";
import { renderAlerts } from "./render-alerts.js";
import type { GrafanaProvisioning } from "./render-grafana-provisioning.js";
import type { NamingMode, RenderAlertsResult } from "./types.js";

// CI installs Debian's prometheus package (promtool 2.42); elsewhere these tests skip and say why.
const hasPromtool = spawnSync("promtool", ["--version"]).status === 0;
const skipNote = hasPromtool ? "" : " (skipped: promtool not installed; apt-get install -y prometheus)";
if (!hasPromtool) console.warn(`promtool tests${skipNote}`);

const fixtures = join(import.meta.dirname, "__fixtures__");
const exampleFile = join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "examples",
  "alerts",
  "sightline.alerts.yaml",
);
const sources = {
  default: createDefaultAlertFile(),
  full: readFileSync(join(fixtures, "full.alerts.yaml"), "utf8"),
  example: readFileSync(exampleFile, "utf8"),
};
const namingModes: NamingMode[] = ["otlp", "prometheus-exporter"];
const workFolder = mkdtempSync(join(tmpdir(), "sightline-promtool-"));
afterAll(() => rmSync(workFolder, { recursive: true, force: true }));

function promtool(...args: string[]): { status: number | null; output: string } {
  const result = spawnSync("promtool", args, { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function contentsOf(result: RenderAlertsResult): string {
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join("\n"));
  return result.files[0]!.contents;
}

/** Writes the rule file and its generated unit tests side by side; returns the folder. */
function writeRulesAndTests(name: string, text: string, naming: NamingMode): string {
  const folder = join(workFolder, `${name}-${naming}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, "sightline.rules.yml"),
    contentsOf(renderAlerts({ text, target: "prometheus", naming })),
  );
  writeFileSync(
    join(folder, "sightline.rules.test.yml"),
    contentsOf(generatePromtoolTests({ text, naming })),
  );
  return folder;
}

describe(`promtool${skipNote}`, () => {
  for (const [name, text] of Object.entries(sources)) {
    for (const naming of namingModes) {
      it.skipIf(!hasPromtool)(`checks and unit-tests the ${name} rules, naming ${naming}`, () => {
        const folder = writeRulesAndTests(name, text, naming);
        const check = promtool("check", "rules", "--lint-fatal", join(folder, "sightline.rules.yml"));
        expect(check.output).toContain("SUCCESS");
        expect(check.status).toBe(0);
        const test = promtool("test", "rules", join(folder, "sightline.rules.test.yml"));
        expect(test.output).toContain("SUCCESS");
        expect(test.status).toBe(0);
      });
    }
  }

  it.skipIf(!hasPromtool)(
    "accepts the PromQL embedded in Grafana provisioning (as shadow Prometheus rules)",
    () => {
      for (const naming of namingModes) {
        const grafana = parse(
          contentsOf(renderAlerts({ text: sources.full, target: "grafana", naming })),
        ) as GrafanaProvisioning;
        const shadowRules = grafana.groups[0]!.rules.map((rule, index) => {
          const threshold = rule.data[2]!.model.conditions as { evaluator: { params: number[] } }[];
          return {
            alert: `Shadow${index}`,
            expr: `${String(rule.data[0]!.model.expr)} > ${threshold[0]!.evaluator.params[0]}`,
          };
        });
        const file = join(workFolder, `grafana-shadow-${naming}.yml`);
        writeFileSync(
          file,
          stringify({ groups: [{ name: "grafana-shadow", rules: shadowRules }] }, { lineWidth: 0 }),
        );
        const check = promtool("check", "rules", "--lint-fatal", file);
        expect(check.output).toContain(`SUCCESS: ${shadowRules.length} rules found`);
        expect(check.status).toBe(0);
      }
    },
  );

  it.skipIf(!hasPromtool)("rejects the deliberately broken rule fixture", () => {
    const check = promtool("check", "rules", join(fixtures, "broken.rules.yml"));
    expect(check.status).not.toBe(0);
    expect(check.output).toMatch(/FAILED|parse error/);
  });

  it.skipIf(!hasPromtool)("fails the generated unit tests when a rendered rule is wrong", () => {
    const text = "version: 1\nrules:\n  - { id: provider-errors, kind: error-ratio, threshold: 0.05 }\n";
    const folder = writeRulesAndTests("mutated", text, "otlp");
    const rulesFile = join(folder, "sightline.rules.yml");
    expect(promtool("test", "rules", join(folder, "sightline.rules.test.yml")).status).toBe(0);
    // Raise the threshold after rendering: the rule still parses, but the firing test must now fail.
    const rules = readFileSync(rulesFile, "utf8");
    const mutated = rules.replace(":gen_ai_error_ratio:rate5m > 0.05", ":gen_ai_error_ratio:rate5m > 0.5");
    expect(mutated).not.toBe(rules);
    writeFileSync(rulesFile, mutated);
    const test = promtool("test", "rules", join(folder, "sightline.rules.test.yml"));
    expect(test.status).toBe(1);
    expect(test.output).toContain("alertname: SightlineProviderErrors");
  });

  it.skipIf(!hasPromtool)("fails an SLO burn alert that ignores its short window", () => {
    const text = "version: 1\nrules:\n  - { id: answers, kind: slo, objective: 0.99, latency: 2.56 }\n";
    const folder = writeRulesAndTests("mutated-slo", text, "otlp");
    const rulesFile = join(folder, "sightline.rules.yml");
    // Drop the short-window condition of the fast burn: the "burn has stopped" test must now fail.
    const rules = readFileSync(rulesFile, "utf8");
    const mutated = rules.replace(/ and sightline:gen_ai_slo_bad_ratio_le_2_56:rate5m > [0-9.]+/, "");
    expect(mutated).not.toBe(rules);
    writeFileSync(rulesFile, mutated);
    const test = promtool("test", "rules", join(folder, "sightline.rules.test.yml"));
    expect(test.status).toBe(1);
    expect(test.output).toContain("alertname: SightlineAnswersFastBurn");
  });
});

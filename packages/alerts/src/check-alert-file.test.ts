import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkAlertFile } from "./check-alert-file.js";
import { createDefaultAlertFile } from "./create-default-alert-file.js";
import { renderAlerts } from "./render-alerts.js";
import type { AlertTarget } from "./types.js";

const fixtures = join(import.meta.dirname, "__fixtures__");
const readInvalid = (name: string) => readFileSync(join(fixtures, "invalid", name), "utf8");

function messagesOf(name: string): string[] {
  const result = checkAlertFile({ text: readInvalid(name), fileName: name });
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.errors.map((error) => error.message);
}

describe("checkAlertFile", () => {
  it("accepts the default file and the full fixture", () => {
    expect(checkAlertFile({ text: createDefaultAlertFile() }).ok).toBe(true);
    expect(checkAlertFile({ text: readFileSync(join(fixtures, "full.alerts.yaml"), "utf8") }).ok).toBe(true);
  });

  it("refuses a billion-laughs alias bomb and a too deeply nested document with one clear error", () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [index, name] of [..."bcdefghi"].entries()) {
      const previous = index === 0 ? "a" : "bcdefghi"[index - 1];
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]`);
    }
    const bomb = checkAlertFile({ text: lines.join("\n"), fileName: "bomb.yaml" });
    expect(bomb.ok ? [] : bomb.errors.map((error) => error.message)).toEqual([
      'bomb.yaml:1: invalid YAML: its aliases expand past 100 copies (a "billion laughs" document?); write the values out or reuse an anchor fewer times',
    ]);
    const deep = checkAlertFile({
      text: `a: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
      fileName: "deep.yaml",
    });
    expect(deep.ok ? [] : deep.errors.map((error) => error.message)).toEqual([
      "deep.yaml:1: invalid YAML: nested too deeply to read; an alert file needs only a few levels of lists and maps",
    ]);
    // An anchor reused a handful of times is fine.
    const reused = createDefaultAlertFile()
      .replace("  severity: warning\n", "  severity: warning\n  labels: &team { team: ml }\n")
      .replaceAll("    kind: latency\n", "    kind: latency\n    labels: *team\n");
    expect(reused).toContain("labels: *team");
    expect(checkAlertFile({ text: reused }).ok).toBe(true);
  });

  it("reports wrong types and out-of-range values with line, path and what is allowed", () => {
    expect(messagesOf("wrong-types.alerts.yaml")).toEqual([
      'wrong-types.alerts.yaml:9 rules[1].period: expected one of hour, day, got "week"',
      'wrong-types.alerts.yaml:10 rules[1].threshold: expected a positive number of USD, got "ten"',
      "wrong-types.alerts.yaml:13 rules[2].threshold: expected a positive number of seconds, got -2",
      "wrong-types.alerts.yaml:14 rules[2].quantile: expected one of 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, got 0.96",
      'wrong-types.alerts.yaml:15 rules[2].window: expected a duration in whole minutes, hours or days such as 5m, 1h or 1d, at most 1d, got "90s"',
      "wrong-types.alerts.yaml:18 rules[3].threshold: expected a fraction greater than 0 and less than 1, got 5",
      'wrong-types.alerts.yaml:19 rules[3].severity: expected one of critical, warning, info, got "page"',
    ]);
  });

  it("rejects unknown fields and kinds, listing what is allowed", () => {
    expect(messagesOf("unknown-fields.alerts.yaml")).toEqual([
      "unknown-fields.alerts.yaml:2 rule: unknown field; allowed: version, group, defaults, rules",
      "unknown-fields.alerts.yaml:5 rules[0].threshold: required: a positive number of USD",
      "unknown-fields.alerts.yaml:8 rules[0].treshold: unknown field for a budget rule; allowed: id, kind, title, description, for, severity, labels, runbook, match, window, by, threshold, period",
      'unknown-fields.alerts.yaml:10 rules[1].kind: expected one of budget, latency, error-ratio, token-burn, drift-score, model-change, unpriced, evaluation-pass-rate, slo, got "cost"',
    ]);
  });

  it("rejects dimensions a metric does not carry, bad labels, ids and URLs", () => {
    expect(messagesOf("bad-dimensions.alerts.yaml")).toEqual([
      `bad-dimensions.alerts.yaml:4 defaults.labels.severity: "severity" is set by Sightline; use the rule's own field instead`,
      "bad-dimensions.alerts.yaml:5 defaults.labels.bad-label: expected a label name of letters, digits and _, not starting with a digit",
      "bad-dimensions.alerts.yaml:6 defaults.labels.replicas: expected a string (quote it), got 3",
      "bad-dimensions.alerts.yaml:12 rules[0].by[0]: tenant is not a metric attribute (too many values for metrics); group by feature instead",
      'bad-dimensions.alerts.yaml:15 rules[1].match.prompt: expected one of provider, model, operation, feature, signal for a drift-score rule, got "prompt"',
      'bad-dimensions.alerts.yaml:16 rules[2].id: expected a kebab-case id such as hourly-spend, got "Spend_Two"',
      "bad-dimensions.alerts.yaml:18 rules[2].threshold: expected a whole number of calls, 0 or more, got 1.5",
      'bad-dimensions.alerts.yaml:19 rules[2].runbook: expected an http(s) URL, got "runbooks/unpriced.md"',
      'bad-dimensions.alerts.yaml:20 rules[3].id: "drift" is already used by rules[1]; ids must be unique',
    ]);
  });

  it("checks SLO fields and explains why by and window do not apply", () => {
    expect(messagesOf("bad-slo.alerts.yaml")).toEqual([
      "bad-slo.alerts.yaml:5 rules[0].objective: expected a fraction from 0.95 to 0.9999, such as 0.99 or 0.995, got 0.9",
      "bad-slo.alerts.yaml:6 rules[0].latency: expected seconds at a duration bucket boundary, one of 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92, got 3",
      'bad-slo.alerts.yaml:7 rules[0].period: expected one of 7d, 28d, 30d, got "90d"',
      "bad-slo.alerts.yaml:11 rules[1].by: an SLO covers one population; use match, with one SLO rule per value",
      "bad-slo.alerts.yaml:12 rules[1].window: SLO burn-rate windows are fixed (1h with 5m, 6h with 30m); set period instead",
      "bad-slo.alerts.yaml:13 rules[1].threshold: unknown field for a slo rule; allowed: id, kind, title, description, for, severity, labels, runbook, match, objective, latency, period",
      "bad-slo.alerts.yaml:14 rules[2].objective: required: a fraction from 0.95 to 0.9999, such as 0.99 or 0.995",
    ]);
  });

  it("reports missing required fields at the map that lacks them", () => {
    expect(messagesOf("missing-fields.alerts.yaml")).toEqual([
      "missing-fields.alerts.yaml:1 version: required: 1 (the format version)",
      'missing-fields.alerts.yaml:1 group: expected a name of letters, digits, - and _, got "my group"',
      "missing-fields.alerts.yaml:3 rules[0].threshold: required: a positive number of USD",
      "missing-fields.alerts.yaml:3 rules[0].period: required: one of hour, day",
      "missing-fields.alerts.yaml:5 rules[1].id: expected a kebab-case id such as hourly-spend, got nothing",
      'missing-fields.alerts.yaml:7 rules[2]: expected a rule (a map with id and kind), got "just a string"',
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    // Inline rather than a fixture file, because the repository's formatter refuses to parse broken YAML.
    const text = "version: 1\nrules:\n  - id: spend\n    kind: budget\n     period: hour\n";
    const result = checkAlertFile({ text, fileName: "not-yaml.alerts.yaml" });
    expect(result.ok ? [] : result.errors.map((error) => error.message)[0]).toBe(
      "not-yaml.alerts.yaml:4: invalid YAML: Nested mappings are not allowed in compact mappings",
    );
  });

  it("reports duplicate keys and empty files", () => {
    const duplicate = checkAlertFile({ text: "version: 1\nversion: 1\nrules: []\n" });
    expect(duplicate.ok).toBe(false);
    expect(checkAlertFile({ text: "" })).toMatchObject({
      ok: false,
      errors: [{ message: "sightline.alerts.yaml:1: expected a map with version and rules, got nothing" }],
    });
  });

  it("gives structured fields as well as the message", () => {
    const result = checkAlertFile({ text: readInvalid("wrong-types.alerts.yaml") });
    expect(result.ok ? undefined : result.errors[1]).toEqual({
      fileName: "sightline.alerts.yaml",
      line: 10,
      column: 5,
      path: "rules[1].threshold",
      detail: 'expected a positive number of USD, got "ten"',
      message: 'sightline.alerts.yaml:10 rules[1].threshold: expected a positive number of USD, got "ten"',
    });
  });
});

describe("renderAlerts on an invalid file", () => {
  it.each<AlertTarget>(["prometheus", "grafana", "honeycomb", "datadog"])(
    "renders nothing for %s",
    (target) => {
      const text = readInvalid("wrong-types.alerts.yaml");
      const options =
        target === "prometheus" || target === "grafana"
          ? { text, target, naming: "otlp" as const }
          : { text, target };
      const result = renderAlerts(options);
      expect(result.ok).toBe(false);
      expect("files" in result).toBe(false);
    },
  );
});

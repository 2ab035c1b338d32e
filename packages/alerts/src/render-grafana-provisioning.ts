import { buildPromQl } from "./build-promql.js";
import { type AlertPlan, firesBelowThreshold } from "./internal-types.js";
import { formatDuration } from "./parse-duration.js";
import { getAlertAnnotations, getGeneratedHeader, getStaticAlertLabels } from "./render-prometheus-rules.js";
import { toYamlText } from "./to-yaml-text.js";
import type { NamingMode } from "./types.js";

/** Settings of the Grafana renderer. */
export interface GrafanaProvisioningOptions {
  /** Naming mode of the metrics in the Prometheus data source. */
  naming: NamingMode;
  /** UID of the Prometheus data source. */
  datasourceUid: string;
  /** Folder the rule group goes into. */
  folder: string;
}

/** One query or expression step of a Grafana alert rule. */
export interface GrafanaRuleData {
  refId: string;
  relativeTimeRange?: { from: number; to: number };
  datasourceUid: string;
  model: Record<string, unknown>;
}

/** A Grafana-managed alert rule as file provisioning expects it. */
export interface GrafanaAlertRule {
  uid: string;
  title: string;
  condition: string;
  data: GrafanaRuleData[];
  noDataState: "NoData" | "Alerting" | "OK";
  execErrState: "Error" | "Alerting" | "OK";
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  isPaused: boolean;
}

/** The provisioning document (`apiVersion: 1`, `groups:`). */
export interface GrafanaProvisioning {
  apiVersion: 1;
  groups: { orgId: number; name: string; folder: string; interval: string; rules: GrafanaAlertRule[] }[];
}

/** `sightline-<id>`; ids too long for Grafana's 40-character uids are cut and given a stable hash. */
export function toGrafanaUid(id: string): string {
  const uid = `sightline-${id}`;
  if (uid.length <= 40) return uid;
  // FNV-1a: cut uids stay distinct and stay the same from one render to the next.
  let hash = 0x811c9dc5;
  for (const character of id) hash = Math.imul(hash ^ character.charCodeAt(0), 0x01000193) >>> 0;
  return `${uid.slice(0, 31)}-${hash.toString(16).padStart(8, "0")}`;
}

/**
 * Builds Grafana alerting provisioning for a plan. Each rule is the A (PromQL, raw metrics: Grafana cannot
 * rely on Prometheus recording rules being loaded) → B (reduce last) → C (threshold) chain Grafana's own
 * exports use.
 */
export function buildGrafanaProvisioning(
  plan: AlertPlan,
  options: GrafanaProvisioningOptions,
): GrafanaProvisioning {
  const titleCounts = new Map<string, number>();
  for (const rule of plan.rules) titleCounts.set(rule.title, (titleCounts.get(rule.title) ?? 0) + 1);
  const rules = plan.rules.map((rule): GrafanaAlertRule => {
    const promQl = buildPromQl(rule, options.naming);
    return {
      uid: toGrafanaUid(rule.id),
      // Titles must be unique in a folder; generated titles can repeat, so repeats get the rule id.
      title: (titleCounts.get(rule.title) ?? 0) > 1 ? `${rule.title} [${rule.id}]` : rule.title,
      condition: "C",
      data: [
        {
          refId: "A",
          relativeTimeRange: { from: 600, to: 0 },
          datasourceUid: options.datasourceUid,
          model: { refId: "A", expr: promQl.rawValue, instant: true },
        },
        {
          refId: "B",
          datasourceUid: "__expr__",
          model: { refId: "B", type: "reduce", expression: "A", reducer: "last" },
        },
        {
          refId: "C",
          datasourceUid: "__expr__",
          model: {
            refId: "C",
            type: "threshold",
            expression: "B",
            conditions: [
              {
                evaluator: {
                  type: firesBelowThreshold(rule.signal) ? "lt" : "gt",
                  params: [rule.threshold],
                },
              },
            ],
          },
        },
      ],
      // No series means no traffic (or no errors), which is not an alert condition for these rules.
      noDataState: "OK",
      execErrState: "Error",
      for: formatDuration(rule.forSeconds),
      labels: getStaticAlertLabels(rule),
      annotations: getAlertAnnotations(rule),
      isPaused: false,
    };
  });
  return {
    apiVersion: 1,
    groups: [{ orgId: 1, name: plan.group, folder: options.folder, interval: "1m", rules }],
  };
}

/** Renders Grafana alerting file provisioning YAML (for `provisioning/alerting/`). */
export function renderGrafanaProvisioning(plan: AlertPlan, options: GrafanaProvisioningOptions): string {
  const header = getGeneratedHeader(plan, `naming: ${options.naming}, data source: ${options.datasourceUid}`);
  return `${header}${toYamlText(buildGrafanaProvisioning(plan, options))}`;
}

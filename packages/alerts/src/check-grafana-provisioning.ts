import type { GrafanaProvisioning } from "./render-grafana-provisioning.js";

const uidPattern = /^[a-zA-Z0-9_-]{1,40}$/;
const durationPattern = /^\d+(s|m|h|d)$/;

/**
 * Checks Grafana file provisioning against the documented shape (Grafana has no offline validator):
 * apiVersion 1, unique uids of at most 40 safe characters, unique titles per folder, a condition that names
 * an existing step, expression steps on `__expr__`, known no-data and error states, Prometheus-style `for`.
 * The embedded PromQL is checked separately by promtool. Returns one message per violation.
 */
export function checkGrafanaProvisioning(provisioning: GrafanaProvisioning): string[] {
  const problems: string[] = [];
  if (provisioning.apiVersion !== 1) problems.push("apiVersion must be 1");
  const uids = new Set<string>();
  for (const group of provisioning.groups) {
    if (group.name === "" || group.folder === "") problems.push("groups need a name and a folder");
    if (!durationPattern.test(group.interval))
      problems.push(`group interval ${group.interval} is not a duration`);
    const titles = new Set<string>();
    for (const rule of group.rules) {
      if (!uidPattern.test(rule.uid)) problems.push(`uid ${rule.uid} must be 1–40 of a-z A-Z 0-9 - _`);
      if (uids.has(rule.uid)) problems.push(`uid ${rule.uid} is used twice`);
      uids.add(rule.uid);
      if (titles.has(rule.title))
        problems.push(`title "${rule.title}" is used twice in folder ${group.folder}`);
      titles.add(rule.title);
      const refIds = rule.data.map((step) => step.refId);
      if (!refIds.includes(rule.condition))
        problems.push(`${rule.uid}: condition ${rule.condition} names no data step`);
      for (const step of rule.data) {
        if (step.model.refId !== step.refId)
          problems.push(`${rule.uid}: step ${step.refId} has model.refId ${String(step.model.refId)}`);
        const isExpression = step.datasourceUid === "__expr__";
        if (isExpression && !refIds.includes(String(step.model.expression))) {
          problems.push(
            `${rule.uid}: step ${step.refId} reads missing step ${String(step.model.expression)}`,
          );
        }
        if (!isExpression && (typeof step.model.expr !== "string" || step.relativeTimeRange === undefined)) {
          problems.push(`${rule.uid}: query step ${step.refId} needs expr and relativeTimeRange`);
        }
      }
      if (!["NoData", "Alerting", "OK"].includes(rule.noDataState))
        problems.push(`${rule.uid}: bad noDataState`);
      if (!["Error", "Alerting", "OK"].includes(rule.execErrState))
        problems.push(`${rule.uid}: bad execErrState`);
      if (!durationPattern.test(rule.for)) problems.push(`${rule.uid}: for ${rule.for} is not a duration`);
    }
  }
  return problems;
}

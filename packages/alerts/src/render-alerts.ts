import { checkAlertFile, defaultAlertFileName } from "./check-alert-file.js";
import { getDatadogWarnings, renderDatadogMonitors } from "./render-datadog-monitors.js";
import { renderGrafanaProvisioning } from "./render-grafana-provisioning.js";
import { renderHoneycombTriggers } from "./render-honeycomb-triggers.js";
import { renderPrometheusRules } from "./render-prometheus-rules.js";
import { toAlertPlan } from "./to-alert-plan.js";
import type { RenderAlertsOptions, RenderAlertsResult } from "./types.js";

/**
 * Validates an alert file and renders it for one target. Nothing is rendered from an invalid file: the
 * result then carries the validation errors instead of files. `warnings` lists rules the target cannot
 * express (Datadog: SLOs), so nothing is left out silently.
 *
 * @example
 * const result = renderAlerts({ text, target: "prometheus", naming: "otlp" });
 * if (result.ok) for (const file of result.files) writeFileSync(join(outDir, file.path), file.contents);
 */
export function renderAlerts(options: RenderAlertsOptions): RenderAlertsResult {
  const fileName = options.fileName ?? defaultAlertFileName;
  const checked = checkAlertFile({ text: options.text, fileName });
  if (!checked.ok) return checked;
  const plan = toAlertPlan(checked.file, fileName);
  switch (options.target) {
    case "prometheus":
      return {
        ok: true,
        files: [
          { path: "prometheus/sightline.rules.yml", contents: renderPrometheusRules(plan, options.naming) },
        ],
        warnings: [],
      };
    case "grafana":
      return {
        ok: true,
        files: [
          {
            path: "grafana/sightline-alerts.yaml",
            contents: renderGrafanaProvisioning(plan, {
              naming: options.naming,
              datasourceUid: options.datasourceUid ?? "prometheus",
              folder: options.folder ?? "Sightline",
            }),
          },
        ],
        warnings: [],
      };
    case "honeycomb":
      return {
        ok: true,
        files: [
          {
            path: "honeycomb/sightline-honeycomb.json",
            contents: renderHoneycombTriggers(plan, { dataset: options.dataset ?? "__all__" }),
          },
        ],
        warnings: [],
      };
    case "datadog":
      return {
        ok: true,
        files: [
          {
            path: "datadog/monitors.json",
            contents: renderDatadogMonitors(plan, { tags: options.tags ?? ["managed-by:sightline"] }),
          },
        ],
        warnings: getDatadogWarnings(plan),
      };
  }
}

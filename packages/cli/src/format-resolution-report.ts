import type { ModelResolutionReport } from "@sightline/pricing";

/** `sightline cost --explain`: one line per candidate the resolver tried, in order, marking the one that matched. */
export function formatResolutionReport(report: ModelResolutionReport): string {
  const lines = report.steps.map((step, index) => {
    const where = step.provider === undefined ? "" : ` (${step.provider})`;
    const outcome =
      step.mappedTo !== undefined
        ? `→ ${step.mappedTo}`
        : step.match !== undefined
          ? `✓ ${step.entryId}, match: ${step.match}`
          : "miss";
    return `  ${String(index + 1).padStart(2)}. ${step.rule.padEnd(16)} ${step.model}${where}  ${outcome}`;
  });
  const result = report.resolved
    ? `resolved: ${report.resolved.entry.id} (${report.resolved.entry.provider}), match: ${report.resolved.match}`
    : "resolved: nothing, so the call is unpriced";
  return `candidates tried:\n${lines.join("\n")}\n${result}\n`;
}

import type { TraceSummary } from "../../../src/web/dev-api-types.js";
import { traceHref } from "../app/parse-route.js";
import { createElement } from "../dom/create-element.js";
import { formatCost } from "../format/format-cost.js";
import { formatDuration } from "../format/format-duration.js";
import { formatCount } from "../format/format-number.js";
import { formatTime } from "../format/format-time.js";

/** Column headings of the trace table, in the order {@link renderTraceRow} fills them. */
export const TRACE_COLUMNS = ["Time", "Name", "Service", "Models", "Duration", "Tokens in / out", "Cost", ""];

/** One row of the trace table; a click anywhere on it opens the trace. */
export function renderTraceRow(trace: TraceSummary): HTMLTableRowElement {
  const href = traceHref(trace.traceId);
  const row = createElement(
    "tr",
    {
      className: trace.errorCount > 0 ? "trace-row row-error" : "trace-row",
      testId: "trace-row",
      attributes: { "data-trace-id": trace.traceId },
      onClick: (event) => {
        if ((event.target as Element).closest("a")) return;
        location.hash = href;
      },
    },
    [
      createElement("td", {
        className: "cell-time",
        text: formatTime(trace.startMs),
        title: new Date(trace.startMs).toString(),
      }),
      createElement("td", { className: "cell-name" }, [
        createElement("a", {
          text: trace.rootName || "(unnamed)",
          title: trace.traceId,
          attributes: { href },
        }),
      ]),
      createElement("td", { className: "cell-service", text: trace.service ?? "—" }),
      createElement("td", {
        className: "cell-models",
        text: trace.models.join(", ") || "—",
        title: trace.providers.join(", "),
      }),
      createElement("td", { className: "num", text: formatDuration(trace.durationMs) }),
      createElement("td", {
        className: "num",
        text:
          trace.genAiCount > 0
            ? `${formatCount(trace.inputTokens)} / ${formatCount(trace.outputTokens)}`
            : "—",
      }),
      createElement("td", { className: "num", text: formatCost(trace.costUsd) }),
      createElement("td", { className: "cell-badges" }, renderBadges(trace)),
    ],
  );
  return row;
}

function renderBadges(trace: TraceSummary): HTMLElement[] {
  const badges: HTMLElement[] = [];
  if (trace.errorCount > 0)
    badges.push(
      badge({ kind: "error", text: trace.errorCount > 1 ? `${trace.errorCount} errors` : "error" }),
    );
  if (trace.hasDrift) badges.push(badge({ kind: "drift", text: "drift" }));
  if (trace.hasModelChange) badges.push(badge({ kind: "model-change", text: "model change" }));
  if (trace.genAiCount > 0)
    badges.push(
      badge({ kind: "genai", text: `${trace.genAiCount} GenAI call${trace.genAiCount === 1 ? "" : "s"}` }),
    );
  return badges;
}

/** A small colored label (error, drift, model change, GenAI). */
export function badge(options: { kind: string; text: string; title?: string }): HTMLElement {
  return createElement("span", {
    className: `badge badge-${options.kind}`,
    text: options.text,
    title: options.title,
    testId: `badge-${options.kind}`,
  });
}

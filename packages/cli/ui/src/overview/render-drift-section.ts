import type { OverviewResponse } from "../../../src/web/dev-api-types.js";
import { traceHref } from "../app/parse-route.js";
import { createLineChart } from "../charts/create-line-chart.js";
import { createElement } from "../dom/create-element.js";
import { formatTime } from "../format/format-time.js";
import { badge } from "../traces/render-trace-rows.js";

/**
 * Drift: scores over time (one line per signal and model) with drift events and model changes marked,
 * and a list of those events linking to their traces. `null` when there is no drift data at all.
 */
export function renderDriftSection(overview: OverviewResponse): HTMLElement | null {
  const { drift } = overview;
  if (drift.scores.length === 0 && drift.events.length === 0 && drift.modelChanges.length === 0) return null;
  const markers = [
    ...drift.events.map((event) => ({
      x: event.timeMs,
      kind: "drift",
      label: `drift${event.kind ? ` (${event.kind})` : ""}: ${event.signal ?? "?"} on ${event.model ?? "?"}${event.score === null ? "" : `, score ${event.score.toFixed(3)}`}`,
    })),
    ...drift.modelChanges.map((change) => ({
      x: change.timeMs,
      kind: "model-change",
      label: `model change: ${change.previous ?? "?"} → ${change.next ?? "?"}`,
    })),
  ];
  const chart = createLineChart({
    title: "Drift scores",
    testId: "chart-drift",
    total: `${drift.events.length} drift event${drift.events.length === 1 ? "" : "s"} · ${drift.modelChanges.length} model change${drift.modelChanges.length === 1 ? "" : "s"}`,
    xDomain: [overview.since, overview.until],
    series: drift.scores.map((score) => ({
      label: `${score.signal} · ${score.model}`,
      points: score.points.map((point) => ({ x: point.timeMs, y: point.score })),
    })),
    markers,
    // The drift card spans the page: a wide drawing keeps its labels at the size of the other charts'.
    width: 1160,
    formatValue: (value) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2)),
  });
  const rows = [
    ...drift.events.map((event) => ({
      timeMs: event.timeMs,
      kind: "drift",
      text: `${event.signal ?? "?"} on ${event.model ?? "?"}${event.kind ? ` (${event.kind})` : ""}${event.score === null ? "" : ` · score ${event.score.toFixed(3)}`}`,
      href: traceHref(event.traceId, event.spanId),
    })),
    ...drift.modelChanges.map((change) => ({
      timeMs: change.timeMs,
      kind: "model-change",
      text: `${change.previous ?? "?"} → ${change.next ?? "?"}`,
      href: traceHref(change.traceId, change.spanId),
    })),
  ].sort((left, right) => right.timeMs - left.timeMs);
  return createElement("div", { className: "card drift-card", testId: "drift-section" }, [
    createElement("h2", { text: "Drift" }),
    chart,
    rows.length === 0
      ? null
      : createElement(
          "ul",
          { className: "event-list" },
          rows.slice(0, 50).map((row) =>
            createElement("li", { testId: `drift-event-${row.kind}` }, [
              createElement("span", { className: "cell-time", text: formatTime(row.timeMs) }),
              badge({ kind: row.kind, text: row.kind === "drift" ? "drift" : "model change" }),
              createElement("span", { text: row.text }),
              createElement("a", {
                className: "event-link",
                text: "trace →",
                attributes: { href: row.href },
              }),
            ]),
          ),
        ),
  ]);
}

import type { StoredSpan, TraceDetailResponse } from "../../../src/web/dev-api-types.js";
import { ApiError, fetchJson } from "../api/fetch-json.js";
import { createLiveLoader } from "../app/create-live-loader.js";
import { replaceHashQuery } from "../app/parse-route.js";
import type { View, ViewContext } from "../app/view-types.js";
import { createElement } from "../dom/create-element.js";
import { formatCost } from "../format/format-cost.js";
import { formatDuration } from "../format/format-duration.js";
import { formatCount } from "../format/format-number.js";
import { formatTime } from "../format/format-time.js";
import { describeError, renderMessage } from "../layout/render-message.js";
import { buildSpanRows, getTraceBounds } from "./build-span-rows.js";
import { renderSpanDetails } from "./render-span-details.js";
import { renderWaterfall } from "./render-waterfall.js";

/**
 * One trace (`#/trace/<id>`): a summary line, the span waterfall and the selected span's details (the
 * selection is kept in the hash as `?span=`). Refetched after `stored` events while spans keep arriving.
 */
export function renderTraceView(context: ViewContext & { traceId: string }): View {
  const { traceId } = context;
  let selectedId = context.params.get("span");
  let spanCount = -1;
  const summary = createElement("div", { className: "trace-summary", testId: "trace-summary" });
  const content = createElement("div", { className: "trace-content" }, [
    renderMessage({ kind: "loading", title: "Loading trace…" }),
  ]);
  const element = createElement("section", { className: "view trace-view", testId: "trace-view" }, [
    createElement("div", { className: "view-title" }, [
      createElement("a", { className: "back-link", text: "← Traces", attributes: { href: "#/" } }),
      createElement("h1", { className: "trace-title", text: "Trace" }),
      createElement("code", { className: "trace-id", text: traceId }),
    ]),
    summary,
    content,
  ]);

  function render(spans: StoredSpan[]): void {
    if (spans.length === 0) {
      content.replaceChildren(renderMessage({ kind: "empty", title: "This trace has no spans yet" }));
      return;
    }
    const rows = buildSpanRows(spans);
    const bounds = getTraceBounds(spans);
    renderSummary({ spans, bounds, rootName: rows[0]?.span.name ?? "" });
    const details = createElement("aside", { className: "details-panel", testId: "details-panel" });
    const select = (span: StoredSpan | undefined) => {
      selectedId = span?.spanId ?? null;
      waterfall.select(selectedId);
      details.replaceChildren(
        span
          ? renderSpanDetails(span)
          : renderMessage({
              kind: "empty",
              title: "Select a span",
              detail: "Click a row of the waterfall to see its details.",
            }),
      );
      details.scrollTop = 0;
      const params = new URLSearchParams(context.params);
      if (selectedId === null) params.delete("span");
      else params.set("span", selectedId);
      replaceHashQuery(params);
    };
    const waterfall = renderWaterfall({ rows, bounds, onSelect: select });
    content.replaceChildren(
      createElement("div", { className: "trace-layout" }, [waterfall.element, details]),
    );
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    // Open on the requested span, else the first GenAI call, which is what one usually came for.
    select(
      (selectedId === null ? undefined : byId.get(selectedId)) ??
        rows.find((row) => row.span.genAi)?.span ??
        rows[0]?.span,
    );
  }

  function renderSummary(options: {
    spans: StoredSpan[];
    bounds: { startMs: number; endMs: number };
    rootName: string;
  }): void {
    const { spans } = options;
    let inputTokens = 0;
    let outputTokens = 0;
    let cost: number | null = null;
    let genAi = 0;
    let errors = 0;
    for (const span of spans) {
      if (span.status.code === 2) errors += 1;
      if (!span.genAi) continue;
      genAi += 1;
      inputTokens += span.genAi.inputTokens ?? 0;
      outputTokens += span.genAi.outputTokens ?? 0;
      if (span.genAi.costUsd !== null) cost = (cost ?? 0) + span.genAi.costUsd;
    }
    summary.replaceChildren(
      createElement("span", { className: "summary-name", text: options.rootName || "(unnamed)" }),
      summaryItem("started", formatTime(options.bounds.startMs)),
      summaryItem("duration", formatDuration(options.bounds.endMs - options.bounds.startMs)),
      summaryItem("spans", formatCount(spans.length)),
      summaryItem("GenAI calls", formatCount(genAi)),
      summaryItem("tokens in / out", `${formatCount(inputTokens)} / ${formatCount(outputTokens)}`),
      summaryItem("cost", formatCost(cost)),
      errors > 0 ? summaryItem("errors", formatCount(errors), "summary-error") : "",
    );
  }

  // Created last: its first load runs at once and renders through the functions above.
  const loader = createLiveLoader({
    events: context.events,
    waitMs: 700,
    async load(signal) {
      const answer = await fetchJson<TraceDetailResponse>(
        `/api/traces/${encodeURIComponent(traceId)}`,
        signal,
      );
      if (signal.aborted || answer.spans.length === spanCount) return;
      spanCount = answer.spans.length;
      render(answer.spans);
    },
    onError(error) {
      content.replaceChildren(
        error instanceof ApiError && error.status === 404
          ? renderMessage({
              kind: "empty",
              title: "No such trace",
              detail: `The store has no trace ${traceId} (it may have been deleted by retention).`,
            })
          : renderMessage({ kind: "error", title: "Could not load the trace", detail: describeError(error) }),
      );
    },
  });
  return { element, dispose: loader.dispose };
}

function summaryItem(label: string, value: string, className = ""): HTMLElement {
  return createElement("span", { className: `summary-item ${className}` }, [
    createElement("span", { className: "summary-label", text: label }),
    createElement("span", { className: "summary-value", text: value }),
  ]);
}

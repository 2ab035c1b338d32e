import type { OverviewResponse } from "../../../src/web/dev-api-types.js";
import { fetchJson, toQueryString } from "../api/fetch-json.js";
import { createLiveLoader } from "../app/create-live-loader.js";
import { replaceHashQuery } from "../app/parse-route.js";
import type { View, ViewContext } from "../app/view-types.js";
import { createElement } from "../dom/create-element.js";
import { formatTime } from "../format/format-time.js";
import { describeError, renderMessage } from "../layout/render-message.js";
import { isTimeRange, TIME_RANGES, type TimeRange } from "../traces/trace-filters.js";
import { renderBudgets } from "./render-budgets.js";
import { renderDriftSection } from "./render-drift-section.js";
import { renderKpis } from "./render-kpis.js";
import { renderOverviewCharts } from "./render-overview-charts.js";
import { renderStatsTable } from "./render-stats-table.js";

const BUCKETS = 30;

/**
 * The overview (`#/overview`): KPIs, charts over time, per-model and per-feature tables, drift and
 * budgets for a chosen window (kept in the hash as `?range=`), refreshed after `stored` events.
 */
export function renderOverviewView(context: ViewContext): View {
  const requested = context.params.get("range") ?? "all";
  let range: TimeRange = isTimeRange(requested) ? requested : "all";
  const select = createElement(
    "select",
    { testId: "overview-range", attributes: { "aria-label": "Window" } },
    Object.entries(TIME_RANGES).map(([key, entry]) =>
      createElement("option", { text: entry.label, attributes: { value: key } }),
    ),
  );
  select.value = range;
  select.addEventListener("change", () => {
    if (isTimeRange(select.value)) range = select.value;
    const params = new URLSearchParams(context.params);
    if (range === "all") params.delete("range");
    else params.set("range", range);
    replaceHashQuery(params);
    loader.reload();
  });
  const windowText = createElement("span", { className: "muted", testId: "overview-window" });
  const body = createElement("div", { className: "view-body" }, [
    renderMessage({ kind: "loading", title: "Loading overview…" }),
  ]);
  const element = createElement("section", { className: "view overview-view", testId: "overview-view" }, [
    createElement("div", { className: "view-title" }, [
      createElement("h1", { text: "Overview" }),
      select,
      windowText,
    ]),
    body,
  ]);
  const loader = createLiveLoader({
    events: context.events,
    waitMs: 2000,
    async load(signal) {
      const rangeMs = TIME_RANGES[range].ms;
      const now = Date.now();
      const answer = await fetchJson<OverviewResponse>(
        `/api/overview${toQueryString({ since: rangeMs === null ? undefined : now - rangeMs, until: rangeMs === null ? undefined : now, buckets: BUCKETS })}`,
        signal,
      );
      if (signal.aborted) return;
      windowText.textContent = `${formatTime(answer.since)} – ${formatTime(answer.until)}`;
      body.replaceChildren(render(answer));
    },
    onError(error) {
      body.replaceChildren(
        renderMessage({ kind: "error", title: "Could not load the overview", detail: describeError(error) }),
      );
    },
  });
  return { element, dispose: loader.dispose };
}

function render(overview: OverviewResponse): HTMLElement {
  const drift = renderDriftSection(overview);
  const budgets = renderBudgets(overview.budgets);
  if (overview.totals.calls === 0 && drift === null && budgets === null)
    return renderMessage({
      kind: "empty",
      title: "No GenAI calls in this window",
      detail:
        "Widen the window, or send traces from an instrumented app; KPIs and charts fill in as calls arrive.",
    });
  return createElement("div", { className: "overview" }, [
    renderKpis(overview.totals),
    overview.totals.calls > 0 ? renderOverviewCharts(overview) : null,
    budgets,
    drift,
    createElement("div", { className: "table-grid" }, [
      renderStatsTable({
        title: "By model",
        keyLabel: "Model",
        testId: "table-models",
        rows: overview.perModel.map((row) => ({ ...row, key: row.model })),
      }),
      renderStatsTable({
        title: "By feature",
        keyLabel: "Feature",
        testId: "table-features",
        rows: overview.perFeature.map((row) => ({ ...row, key: row.feature })),
      }),
    ]),
  ]);
}

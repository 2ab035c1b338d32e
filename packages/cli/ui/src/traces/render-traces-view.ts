import type { TraceListResponse, TraceSummary } from "../../../src/web/dev-api-types.js";
import { fetchJson, toQueryString } from "../api/fetch-json.js";
import { createDebounced } from "../app/create-debounced.js";
import { replaceHashQuery } from "../app/parse-route.js";
import type { View, ViewContext } from "../app/view-types.js";
import { createElement } from "../dom/create-element.js";
import { formatCount } from "../format/format-number.js";
import { describeError, renderMessage } from "../layout/render-message.js";
import { renderFilterBar } from "./render-filter-bar.js";
import { renderTraceRow, TRACE_COLUMNS } from "./render-trace-rows.js";
import { readTraceFilters, toTraceListQuery, writeTraceFilters } from "./trace-filters.js";

const PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

/**
 * The trace list (`#/`): filters kept in the hash query, a table refetched (debounced) on every `stored`
 * event, and "older" paging through `before`.
 */
export function renderTracesView(context: ViewContext): View {
  const filters = readTraceFilters(context.params);
  let rows: TraceSummary[] = [];
  let total = 0;
  let controller: AbortController | undefined;

  const count = createElement("span", { className: "trace-count", testId: "trace-count", text: "Loading…" });
  const body = createElement("tbody");
  const table = createElement("table", { className: "data-table trace-table", testId: "trace-table" }, [
    createElement("thead", {}, [
      createElement(
        "tr",
        {},
        TRACE_COLUMNS.map((text) => createElement("th", { text })),
      ),
    ]),
    body,
  ]);
  const status = createElement("div", { className: "view-status" });
  const older = createElement("button", {
    className: "button",
    text: "Older traces",
    testId: "load-older",
    attributes: { type: "button" },
    onClick: () => void load({ append: true }),
  });
  const onFilterChange = createDebounced(() => {
    replaceHashQuery(writeTraceFilters(filters));
    void load({ append: false });
  }, 250);
  const filterBar = renderFilterBar({ filters, onChange: onFilterChange });
  // Until the first answer: labelled (empty) menus, and no table or pager to show.
  filterBar.setFacets({ services: [], models: [], providers: [], features: [], conversations: [] });
  table.hidden = true;
  older.hidden = true;
  const element = createElement("section", { className: "view traces-view", testId: "traces-view" }, [
    createElement("div", { className: "view-title" }, [createElement("h1", { text: "Traces" }), count]),
    filterBar.element,
    status,
    table,
    createElement("div", { className: "pager" }, [older]),
  ]);

  async function load(options: { append: boolean }): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    const query = toTraceListQuery({ filters, now: Date.now() });
    // A live refresh keeps as many rows as were shown, so paging back is not undone by new traces.
    const limit = options.append ? PAGE_SIZE : Math.min(Math.max(PAGE_SIZE, rows.length), MAX_PAGE_SIZE);
    const before = options.append ? rows.at(-1)?.startMs : undefined;
    try {
      const answer = await fetchJson<TraceListResponse>(
        `/api/traces${toQueryString({ ...query, limit, before })}`,
        current.signal,
      );
      if (current.signal.aborted) return;
      rows = options.append ? [...rows, ...answer.traces] : answer.traces;
      total = answer.total;
      filterBar.setFacets(answer.facets);
      render();
    } catch (error) {
      if (current.signal.aborted) return;
      if (rows.length === 0) count.textContent = "";
      status.replaceChildren(
        renderMessage({ kind: "error", title: "Could not load traces", detail: describeError(error) }),
      );
    }
  }

  function render(): void {
    count.textContent = `${formatCount(total)} trace${total === 1 ? "" : "s"}`;
    body.replaceChildren(...rows.map(renderTraceRow));
    table.hidden = rows.length === 0;
    older.hidden = rows.length === 0 || rows.length >= total;
    const filtered = writeTraceFilters(filters).toString() !== "";
    status.replaceChildren(
      rows.length > 0
        ? ""
        : filtered
          ? renderMessage({
              kind: "empty",
              title: "No traces match these filters",
              detail: "Clear or widen the filters.",
            })
          : renderMessage({
              kind: "empty",
              title: "No traces yet",
              detail:
                "Point your app at this receiver (OTEL_EXPORTER_OTLP_ENDPOINT=" +
                `${location.origin}) and run it; traces appear here as they arrive.`,
            }),
    );
  }

  const refresh = createDebounced(() => void load({ append: false }), 500);
  const unsubscribe = context.events.onStored(refresh);
  void load({ append: false });

  return {
    element,
    dispose() {
      controller?.abort();
      refresh.cancel();
      onFilterChange.cancel();
      unsubscribe();
    },
  };
}

import type { TraceListResponse } from "../../../src/web/dev-api-types.js";
import { createElement } from "../dom/create-element.js";
import { TIME_RANGES, type TraceFilters } from "./trace-filters.js";

/** The filter bar and how to refresh its menus from new facets. */
export interface FilterBar {
  element: HTMLElement;
  setFacets(facets: TraceListResponse["facets"]): void;
}

type FacetKey = "service" | "model" | "provider" | "feature" | "conversation";
const FACET_MENUS: { key: FacetKey; facet: keyof TraceListResponse["facets"]; label: string }[] = [
  { key: "service", facet: "services", label: "Service" },
  { key: "model", facet: "models", label: "Model" },
  { key: "provider", facet: "providers", label: "Provider" },
  { key: "feature", facet: "features", label: "Feature" },
  { key: "conversation", facet: "conversations", label: "Conversation" },
];

/**
 * The trace list's filters: a search box, one menu per facet, errors, minimum duration, cost bounds and
 * time range. Edits the `filters` object in place and calls `onChange` (typing is debounced by the caller).
 */
export function renderFilterBar(options: { filters: TraceFilters; onChange: () => void }): FilterBar {
  const { filters, onChange } = options;
  const search = createElement("input", {
    className: "filter-search",
    testId: "filter-q",
    attributes: {
      type: "search",
      placeholder: "Search trace id, span names, models…",
      "aria-label": "Search",
    },
  });
  search.value = filters.q;
  search.addEventListener("input", () => {
    filters.q = search.value;
    onChange();
  });

  const menus = FACET_MENUS.map((menu) => {
    const select = createElement("select", {
      testId: `filter-${menu.key}`,
      attributes: { "aria-label": menu.label },
    });
    select.addEventListener("change", () => {
      filters[menu.key] = select.value;
      onChange();
    });
    return { ...menu, select };
  });

  const errors = createSelect({
    testId: "filter-errors",
    label: "Errors",
    choices: [
      ["", "Errors: any"],
      ["only", "Errors only"],
      ["none", "No errors"],
    ],
    value: filters.errors,
    onChange: (value) => {
      filters.errors = value === "only" || value === "none" ? value : "";
      onChange();
    },
  });
  const range = createSelect({
    testId: "filter-range",
    label: "Time range",
    choices: Object.entries(TIME_RANGES).map(([key, entry]) => [key, entry.label]),
    value: filters.range,
    onChange: (value) => {
      if (Object.hasOwn(TIME_RANGES, value)) filters.range = value as TraceFilters["range"];
      onChange();
    },
  });
  const numbers = (
    [
      ["minDurationMs", "Min ms", "filter-min-duration"],
      ["minCostUsd", "Min $", "filter-min-cost"],
      ["maxCostUsd", "Max $", "filter-max-cost"],
    ] as const
  ).map(([key, label, testId]) => {
    const input = createElement("input", {
      className: "filter-number",
      testId,
      attributes: { type: "number", min: 0, step: "any", placeholder: label, "aria-label": label },
    });
    input.value = filters[key];
    input.addEventListener("input", () => {
      filters[key] = input.value;
      onChange();
    });
    return input;
  });

  const clear = createElement("button", {
    className: "button-quiet",
    text: "Clear",
    testId: "filter-clear",
    attributes: { type: "button" },
    onClick: () => {
      search.value = "";
      filters.q = "";
      for (const menu of menus) {
        menu.select.value = "";
        filters[menu.key] = "";
      }
      errors.value = "";
      filters.errors = "";
      range.value = "all";
      filters.range = "all";
      for (const input of numbers) input.value = "";
      filters.minDurationMs = filters.minCostUsd = filters.maxCostUsd = "";
      onChange();
    },
  });

  const element = createElement("div", { className: "filter-bar", testId: "filter-bar" }, [
    search,
    ...menus.map((menu) => menu.select),
    errors,
    ...numbers,
    range,
    clear,
  ]);

  return {
    element,
    setFacets(facets) {
      for (const menu of menus) {
        const values = [...(facets[menu.facet] ?? [])];
        const current = filters[menu.key];
        // Keep a value from the URL selectable even when the store no longer has it.
        if (current !== "" && !values.includes(current)) values.unshift(current);
        menu.select.replaceChildren(
          createElement("option", { text: `${menu.label}: any`, attributes: { value: "" } }),
          ...values.map((value) => createElement("option", { text: value, attributes: { value } })),
        );
        menu.select.value = current;
        menu.select.disabled = values.length === 0;
      }
    },
  };
}

function createSelect(options: {
  testId: string;
  label: string;
  choices: readonly (readonly [string, string])[];
  value: string;
  onChange: (value: string) => void;
}): HTMLSelectElement {
  const select = createElement(
    "select",
    { testId: options.testId, attributes: { "aria-label": options.label } },
    options.choices.map(([value, text]) => createElement("option", { text, attributes: { value } })),
  );
  select.value = options.value;
  select.addEventListener("change", () => options.onChange(select.value));
  return select;
}

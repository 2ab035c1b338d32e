import type { StoredSpan } from "../../../src/web/dev-api-types.js";
import { createElement } from "../dom/create-element.js";
import { formatDuration } from "../format/format-duration.js";
import type { SpanRow } from "./build-span-rows.js";

/** Deeper spans stop indenting here (a 2,000-deep chain would push names off screen); the depth is then written out. */
const MAX_INDENT_DEPTH = 12;
const INDENT_PX = 12;

/** The waterfall and how to mark the selected span. */
export interface Waterfall {
  element: HTMLElement;
  select(spanId: string | null): void;
}

/**
 * The trace's spans as a waterfall: one row per span in tree order, indented by depth, with a bar placed
 * by start and duration relative to the trace. GenAI spans carry a marker, error spans are red.
 */
export function renderWaterfall(options: {
  rows: readonly SpanRow[];
  bounds: { startMs: number; endMs: number };
  onSelect: (span: StoredSpan) => void;
}): Waterfall {
  const { bounds } = options;
  const totalMs = Math.max(bounds.endMs - bounds.startMs, 0.001);
  const rowElements = new Map<string, HTMLElement>();
  const axis = createElement(
    "div",
    { className: "waterfall-axis" },
    [0, 0.25, 0.5, 0.75, 1].map((fraction) => {
      const tick = createElement("span", {
        className: "waterfall-tick",
        text: formatDuration(totalMs * fraction),
      });
      tick.style.left = `${fraction * 100}%`;
      return tick;
    }),
  );
  const list = createElement("div", { className: "waterfall-rows", attributes: { role: "list" } });
  for (const row of options.rows) {
    const { span } = row;
    const classes = ["waterfall-row"];
    if (span.genAi) classes.push("span-genai");
    if (span.status.code === 2) classes.push("span-error");
    const indent = createElement("span", { className: "waterfall-indent" });
    indent.style.width = `${Math.min(row.depth, MAX_INDENT_DEPTH) * INDENT_PX}px`;
    const bar = createElement("span", { className: "waterfall-bar" });
    const left = ((span.startMs - bounds.startMs) / totalMs) * 100;
    const width = (Math.max(span.durationMs, 0) / totalMs) * 100;
    bar.style.left = `${clamp(left, 0, 100)}%`;
    bar.style.width = `${clamp(width, 0.3, 100 - clamp(left, 0, 99.7))}%`;
    const element = createElement(
      "div",
      {
        className: classes.join(" "),
        testId: "span-row",
        attributes: { role: "listitem", tabindex: 0, "data-span-id": span.spanId, "data-depth": row.depth },
        onClick: () => options.onSelect(span),
      },
      [
        createElement("span", { className: "waterfall-name", title: span.name }, [
          indent,
          row.depth > MAX_INDENT_DEPTH
            ? createElement("span", { className: "depth-label", text: `${row.depth}›` })
            : null,
          span.genAi
            ? createElement("span", {
                className: "genai-marker",
                text: "AI",
                title: `GenAI ${span.genAi.operation}`,
              })
            : null,
          createElement("span", { className: "span-name-text", text: span.name || "(unnamed)" }),
        ]),
        createElement("span", { className: "waterfall-track" }, [
          bar,
          createElement("span", { className: "waterfall-duration", text: formatDuration(span.durationMs) }),
        ]),
      ],
    );
    element.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        options.onSelect(span);
      }
    });
    rowElements.set(span.spanId, element);
    list.appendChild(element);
  }
  let selected: HTMLElement | undefined;
  return {
    element: createElement("div", { className: "waterfall", testId: "waterfall" }, [axis, list]),
    select(spanId) {
      selected?.classList.remove("selected");
      selected = spanId === null ? undefined : rowElements.get(spanId);
      selected?.classList.add("selected");
    },
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(Number.isFinite(value) ? value : low, low), high);
}

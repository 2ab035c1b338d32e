import type { StoredSpan, StoredSpanEvent } from "../../../src/web/dev-api-types.js";
import { createElement } from "../dom/create-element.js";
import { formatDuration } from "../format/format-duration.js";
import { badge } from "../traces/render-trace-rows.js";
import { renderAttributeTable } from "./render-attribute-table.js";

const EVENT_KINDS: Record<string, { kind: string; label: string }> = {
  "sightline.drift": { kind: "drift", label: "drift" },
  "sightline.model_change": { kind: "model-change", label: "model change" },
  exception: { kind: "error", label: "exception" },
};

/**
 * The span's events, drift and model-change ones first and marked, each with its time into the span and
 * its attributes.
 */
export function renderSpanEvents(span: StoredSpan): HTMLElement | null {
  if (span.events.length === 0) return null;
  const rank = (event: StoredSpanEvent) => (Object.hasOwn(EVENT_KINDS, event.name) ? 0 : 1);
  const events = [...span.events].sort(
    (left, right) => rank(left) - rank(right) || left.timeMs - right.timeMs,
  );
  return createElement(
    "div",
    { className: "span-events" },
    events.map((event) => {
      const known = Object.hasOwn(EVENT_KINDS, event.name) ? EVENT_KINDS[event.name] : undefined;
      return createElement(
        "div",
        { className: `span-event${known ? ` span-event-${known.kind}` : ""}`, testId: "span-event" },
        [
          createElement("div", { className: "span-event-title" }, [
            known ? badge({ kind: known.kind, text: known.label }) : null,
            createElement("code", { text: event.name }),
            createElement("span", {
              className: "muted",
              text: ` at +${formatDuration(event.timeMs - span.startMs)}`,
            }),
          ]),
          renderAttributeTable({ attributes: event.attributes }),
        ],
      );
    }),
  );
}

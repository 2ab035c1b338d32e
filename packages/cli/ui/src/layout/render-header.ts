import type { StoreStatusResponse } from "../../../src/web/dev-api-types.js";
import type { StoreEvents } from "../api/create-store-events.js";
import { fetchJson } from "../api/fetch-json.js";
import { createDebounced } from "../app/create-debounced.js";
import type { Route } from "../app/parse-route.js";
import { createElement } from "../dom/create-element.js";
import { formatBytes, formatCount } from "../format/format-number.js";

/** The header and how to keep its nav in step with the route. */
export interface Header {
  element: HTMLElement;
  setRoute(route: Route): void;
}

const NAV = [
  { label: "Traces", href: "#/", views: ["traces", "trace"] },
  { label: "Conversations", href: "#/conversations", views: ["conversations", "conversation"] },
  { label: "Overview", href: "#/overview", views: ["overview"] },
] as const;

/**
 * The page header: nav, the store's status (`/api/status`: traces, size, file) refreshed after each
 * stored batch, and a live indicator that says whether the event stream is open.
 */
export function renderHeader(events: StoreEvents): Header {
  const links = NAV.map((item) =>
    createElement("a", {
      className: "nav-link",
      text: item.label,
      attributes: { href: item.href },
      testId: `nav-${item.label.toLowerCase()}`,
    }),
  );
  const status = createElement("span", {
    className: "store-status",
    testId: "store-status",
    text: "store: …",
  });
  const live = createElement("span", { className: "live", testId: "live-indicator" });
  const element = createElement("header", { className: "app-header" }, [
    createElement("a", { className: "brand", attributes: { href: "#/" } }, [
      createElement("span", { className: "brand-mark", text: "◉" }),
      " Sightline ",
      createElement("span", { className: "brand-sub", text: "dev" }),
    ]),
    createElement("nav", { className: "nav" }, links),
    createElement("div", { className: "header-status" }, [status, live]),
  ]);

  async function refreshStatus(): Promise<void> {
    try {
      const answer = await fetchJson<StoreStatusResponse>("/api/status");
      status.textContent = `${formatCount(answer.traces)} traces · ${formatBytes(answer.sizeBytes)} · ${answer.file}`;
      status.title = [
        `file: ${answer.file}`,
        `spans: ${formatCount(answer.spans)}, metric points: ${formatCount(answer.metricPoints)}`,
        `retention: ${answer.retention.maxAgeHours} h, ${answer.retention.maxSizeMb} MB`,
        `pending: ${answer.pending}, dropped: ${answer.dropped}`,
      ].join("\n");
      status.classList.toggle("store-status-warn", answer.dropped > 0);
    } catch (error) {
      status.textContent = "store: unavailable";
      status.title = error instanceof Error ? error.message : String(error);
    }
  }
  void refreshStatus();
  events.onStored(createDebounced(() => void refreshStatus(), 1000));
  events.onLiveChange((isLive) => {
    live.textContent = isLive ? "● live" : "○ offline";
    live.className = isLive ? "live live-on" : "live live-off";
    live.title = isLive ? "New traces appear as they arrive" : "Not connected to /api/stream; retrying";
  });

  return {
    element,
    setRoute(route) {
      NAV.forEach((item, index) => {
        const active = (item.views as readonly string[]).includes(route.view);
        links[index]?.classList.toggle("nav-active", active);
        if (active) links[index]?.setAttribute("aria-current", "page");
        else links[index]?.removeAttribute("aria-current");
      });
    },
  };
}

import type { StoreEvents } from "../api/create-store-events.js";

/** What every view gets: the live stream and the route's hash query. */
export interface ViewContext {
  events: StoreEvents;
  /** The query part of the hash (`#/?model=x` → `model=x`). */
  params: URLSearchParams;
}

/** A rendered view; `dispose` stops its timers, fetches and subscriptions when the route changes. */
export interface View {
  element: HTMLElement;
  dispose(): void;
}

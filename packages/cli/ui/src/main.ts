import { createStoreEvents } from "./api/create-store-events.js";
import { parseRoute, type Route } from "./app/parse-route.js";
import type { View, ViewContext } from "./app/view-types.js";
import { renderConversationView } from "./conversations/render-conversation-view.js";
import { renderConversationsView } from "./conversations/render-conversations-view.js";
import { createElement } from "./dom/create-element.js";
import { renderHeader } from "./layout/render-header.js";
import { describeError, renderMessage } from "./layout/render-message.js";
import { renderOverviewView } from "./overview/render-overview-view.js";
import { renderTraceView } from "./trace/render-trace-view.js";
import { renderTracesView } from "./traces/render-traces-view.js";

// The entry of dist/ui/app.js: one header, one view at a time, swapped on hash changes.
const events = createStoreEvents();
const header = renderHeader(events);
const main = createElement("main", { className: "app-main", testId: "app-main" });
document.body.replaceChildren(header.element, main);
let current: View | undefined;

function renderRoute(route: Route): View {
  const context: ViewContext = { events, params: route.params };
  switch (route.view) {
    case "traces":
      return renderTracesView(context);
    case "trace":
      return renderTraceView({ ...context, traceId: route.traceId });
    case "conversations":
      return renderConversationsView(context);
    case "conversation":
      return renderConversationView({ ...context, conversationId: route.conversationId });
    case "overview":
      return renderOverviewView(context);
    default:
      return {
        element: renderMessage({
          kind: "empty",
          title: "No such page",
          detail: `Nothing lives at #${route.path}.`,
        }),
        dispose() {},
      };
  }
}

function showRoute(): void {
  current?.dispose();
  const route = parseRoute(location.hash);
  header.setRoute(route);
  try {
    current = renderRoute(route);
  } catch (error) {
    // A rendering bug on hostile data shows as a message, never as a blank page.
    current = {
      element: renderMessage({
        kind: "error",
        title: "This view failed to render",
        detail: describeError(error),
      }),
      dispose() {},
    };
  }
  main.replaceChildren(current.element);
  window.scrollTo(0, 0);
}

window.addEventListener("hashchange", showRoute);
showRoute();

import type { ConversationListResponse } from "../../../src/web/dev-api-types.js";
import { fetchJson } from "../api/fetch-json.js";
import { createLiveLoader } from "../app/create-live-loader.js";
import { conversationHref } from "../app/parse-route.js";
import type { View, ViewContext } from "../app/view-types.js";
import { createElement } from "../dom/create-element.js";
import { formatCost } from "../format/format-cost.js";
import { formatCount } from "../format/format-number.js";
import { formatTime } from "../format/format-time.js";
import { describeError, renderMessage } from "../layout/render-message.js";

/** The conversation list (`#/conversations`): newest first, refreshed after `stored` events. */
export function renderConversationsView(context: ViewContext): View {
  const body = createElement("div", { className: "view-body" }, [
    renderMessage({ kind: "loading", title: "Loading conversations…" }),
  ]);
  const element = createElement("section", { className: "view", testId: "conversations-view" }, [
    createElement("div", { className: "view-title" }, [createElement("h1", { text: "Conversations" })]),
    body,
  ]);
  const loader = createLiveLoader({
    events: context.events,
    waitMs: 1000,
    async load(signal) {
      const answer = await fetchJson<ConversationListResponse>("/api/conversations", signal);
      if (signal.aborted) return;
      if (answer.conversations.length === 0) {
        body.replaceChildren(
          renderMessage({
            kind: "empty",
            title: "No conversations yet",
            detail: "Calls that set gen_ai.conversation.id (e.g. with withConversation) are grouped here.",
          }),
        );
        return;
      }
      body.replaceChildren(
        createElement("table", { className: "data-table", testId: "conversation-table" }, [
          createElement("thead", {}, [
            createElement(
              "tr",
              {},
              ["Conversation", "Calls", "First", "Last", "Models", "Cost"].map((text) =>
                createElement("th", { text }),
              ),
            ),
          ]),
          createElement(
            "tbody",
            {},
            answer.conversations.map((conversation) =>
              createElement("tr", { testId: "conversation-row" }, [
                createElement("td", {}, [
                  createElement("a", {
                    text: conversation.conversationId,
                    attributes: { href: conversationHref(conversation.conversationId) },
                  }),
                ]),
                createElement("td", { className: "num", text: formatCount(conversation.calls) }),
                createElement("td", { className: "cell-time", text: formatTime(conversation.firstMs) }),
                createElement("td", { className: "cell-time", text: formatTime(conversation.lastMs) }),
                createElement("td", { text: conversation.models.join(", ") || "—" }),
                createElement("td", { className: "num", text: formatCost(conversation.costUsd) }),
              ]),
            ),
          ),
        ]),
      );
    },
    onError(error) {
      body.replaceChildren(
        renderMessage({ kind: "error", title: "Could not load conversations", detail: describeError(error) }),
      );
    },
  });
  return { element, dispose: loader.dispose };
}

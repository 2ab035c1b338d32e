import type { ConversationDetailResponse, StoredSpan } from "../../../src/web/dev-api-types.js";
import { ApiError, fetchJson } from "../api/fetch-json.js";
import { createLiveLoader } from "../app/create-live-loader.js";
import { traceHref } from "../app/parse-route.js";
import type { View, ViewContext } from "../app/view-types.js";
import { parseContentMessages, parseSystemInstructions } from "../content/parse-content-messages.js";
import { renderBubble, renderChat } from "../content/render-chat.js";
import { createElement } from "../dom/create-element.js";
import { formatCost } from "../format/format-cost.js";
import { formatDuration } from "../format/format-duration.js";
import { formatCount } from "../format/format-number.js";
import { formatTime } from "../format/format-time.js";
import { describeError, renderMessage } from "../layout/render-message.js";
import { badge } from "../traces/render-trace-rows.js";
import { messageKey, selectNewMessages } from "./select-new-messages.js";

/**
 * One conversation (`#/conversation/<id>`): all its calls in order as one transcript, each with its
 * model, tokens, cost and a link to its trace. History a call resends is hidden behind a count.
 */
export function renderConversationView(context: ViewContext & { conversationId: string }): View {
  const { conversationId } = context;
  const body = createElement("div", { className: "view-body" }, [
    renderMessage({ kind: "loading", title: "Loading conversation…" }),
  ]);
  const element = createElement(
    "section",
    { className: "view conversation-view", testId: "conversation-view" },
    [
      createElement("div", { className: "view-title" }, [
        createElement("a", {
          className: "back-link",
          text: "← Conversations",
          attributes: { href: "#/conversations" },
        }),
        createElement("h1", { text: "Conversation" }),
        createElement("code", { className: "trace-id", text: conversationId }),
      ]),
      body,
    ],
  );
  let callCount = -1;
  const loader = createLiveLoader({
    events: context.events,
    waitMs: 1000,
    async load(signal) {
      const answer = await fetchJson<ConversationDetailResponse>(
        `/api/conversations/${encodeURIComponent(conversationId)}`,
        signal,
      );
      if (signal.aborted || answer.calls.length === callCount) return;
      callCount = answer.calls.length;
      body.replaceChildren(
        answer.calls.length === 0
          ? renderMessage({ kind: "empty", title: "This conversation has no calls" })
          : renderTranscript(answer.calls),
      );
    },
    onError(error) {
      body.replaceChildren(
        error instanceof ApiError && error.status === 404
          ? renderMessage({ kind: "empty", title: "No such conversation", detail: conversationId })
          : renderMessage({
              kind: "error",
              title: "Could not load the conversation",
              detail: describeError(error),
            }),
      );
    },
  });
  return { element, dispose: loader.dispose };
}

function renderTranscript(calls: readonly StoredSpan[]): HTMLElement {
  let shown: string[] = [];
  let lastSystem: string | undefined;
  let totalCost: number | null = null;
  const blocks = calls.map((call, index) => {
    const facts = call.genAi;
    if (facts?.costUsd != null) totalCost = (totalCost ?? 0) + facts.costUsd;
    const parts: (HTMLElement | null)[] = [renderCallHeader({ call, index })];
    const system = call.attributes["gen_ai.system_instructions"];
    if (system !== undefined && String(system) !== lastSystem) {
      lastSystem = String(system);
      parts.push(renderChat({ label: "System instructions", content: parseSystemInstructions(system) }));
    }
    const input = call.attributes["gen_ai.input.messages"];
    const output = call.attributes["gen_ai.output.messages"];
    if (input === undefined && output === undefined && system === undefined)
      parts.push(createElement("p", { className: "muted", text: "Content was not captured for this call." }));
    let nextShown: string[] = [];
    if (input !== undefined) {
      const parsed = parseContentMessages(input);
      if (parsed.ok) {
        const fresh = selectNewMessages({ shown, input: parsed.messages });
        if (fresh.skipped > 0)
          parts.push(
            createElement("p", {
              className: "muted history-note",
              text: `${fresh.skipped} earlier message${fresh.skipped === 1 ? "" : "s"} resent (hidden)`,
            }),
          );
        parts.push(createElement("div", { className: "chat" }, fresh.messages.map(renderBubble)));
        nextShown = parsed.messages.map(messageKey);
      } else parts.push(renderChat({ label: "Input", content: parsed }));
    }
    if (output !== undefined) {
      const parsed = parseContentMessages(output);
      parts.push(renderChat({ label: "Output", content: parsed }));
      if (parsed.ok) nextShown = [...nextShown, ...parsed.messages.map(messageKey)];
    }
    shown = nextShown;
    return createElement("article", { className: "call-block", testId: "conversation-call" }, parts);
  });
  return createElement("div", { className: "transcript" }, [
    createElement("p", {
      className: "muted",
      testId: "conversation-totals",
      text: `${calls.length} call${calls.length === 1 ? "" : "s"} · total cost ${formatCost(totalCost)}`,
    }),
    ...blocks,
  ]);
}

function renderCallHeader(options: { call: StoredSpan; index: number }): HTMLElement {
  const { call } = options;
  const facts = call.genAi;
  const model = facts?.responseModel ?? facts?.requestModel ?? "unknown model";
  return createElement("div", { className: "call-header" }, [
    createElement("span", { className: "call-index", text: `#${options.index + 1}` }),
    createElement("span", { className: "call-model", text: model }),
    createElement("span", { className: "muted", text: formatTime(call.startMs) }),
    createElement("span", {
      text: `${formatCount(facts?.inputTokens ?? null)} in / ${formatCount(facts?.outputTokens ?? null)} out`,
    }),
    createElement("span", { text: formatCost(facts?.costUsd ?? null) }),
    createElement("span", { text: formatDuration(call.durationMs) }),
    call.status.code === 2 ? badge({ kind: "error", text: facts?.errorType ?? "error" }) : null,
    createElement("a", {
      className: "call-trace-link",
      text: "trace →",
      attributes: { href: traceHref(call.traceId, call.spanId) },
    }),
  ]);
}

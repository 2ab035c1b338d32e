import type { GenAiFacts, StoredSpan } from "../../../src/web/dev-api-types.js";
import { conversationHref } from "../app/parse-route.js";
import { renderLongText } from "../content/render-long-text.js";
import { renderSpanConversation } from "../content/render-span-conversation.js";
import { createElement } from "../dom/create-element.js";
import { formatCost } from "../format/format-cost.js";
import { formatDuration } from "../format/format-duration.js";
import { formatCount } from "../format/format-number.js";
import { formatPreciseTime } from "../format/format-time.js";
import { badge } from "../traces/render-trace-rows.js";
import { collectToolCalls } from "./collect-tool-calls.js";
import { renderAttributeTable, renderFacts } from "./render-attribute-table.js";
import { renderSpanEvents } from "./render-span-events.js";

const SPAN_KINDS = ["unspecified", "internal", "server", "client", "producer", "consumer"];
const STATUS_CODES = ["unset", "ok", "error"];

/**
 * The details panel of one span: its facts, the GenAI call (models, tokens, cost, timing, finish
 * reasons, error), tool calls, events (drift and model changes marked), the captured conversation, and
 * every attribute.
 */
export function renderSpanDetails(span: StoredSpan): HTMLElement {
  const isError = span.status.code === 2;
  const sections: (HTMLElement | null)[] = [
    createElement("div", { className: "details-title" }, [
      createElement("h2", { text: span.name || "(unnamed span)" }),
      span.genAi ? badge({ kind: "genai", text: span.genAi.operation }) : null,
      isError ? badge({ kind: "error", text: "error" }) : null,
    ]),
    renderFacts([
      ["Span", span.spanId],
      ["Parent", span.parentSpanId],
      ["Kind", SPAN_KINDS[span.kind] ?? String(span.kind)],
      [
        "Status",
        `${STATUS_CODES[span.status.code] ?? span.status.code}${span.status.message ? `: ${span.status.message}` : ""}`,
      ],
      ["Start", formatPreciseTime(span.startMs)],
      ["Duration", formatDuration(span.durationMs)],
      [
        "Service",
        typeof span.resource["service.name"] === "string" ? (span.resource["service.name"] as string) : null,
      ],
      ["Scope", `${span.scope.name}${span.scope.version ? ` ${span.scope.version}` : ""}`],
    ]),
  ];
  if (span.genAi) sections.push(section("GenAI call", renderGenAiFacts(span.genAi), "genai-facts"));
  const tools = collectToolCalls(span);
  if (tools.length > 0)
    sections.push(section(`Tool calls (${tools.length})`, renderToolCalls(tools), "tool-calls"));
  const events = renderSpanEvents(span);
  if (events) sections.push(section(`Events (${span.events.length})`, events, "span-events"));
  const conversation = renderSpanConversation(span);
  if (conversation) sections.push(section("Conversation", conversation, "conversation"));
  sections.push(
    section(
      `Attributes (${Object.keys(span.attributes).length})`,
      renderAttributeTable({ attributes: span.attributes, testId: "attribute-table" }),
      "attributes",
    ),
  );
  sections.push(section("Resource", renderAttributeTable({ attributes: span.resource }), "resource"));
  return createElement("div", { className: "span-details", testId: "span-details" }, sections);
}

function renderGenAiFacts(facts: GenAiFacts): HTMLElement {
  const models =
    facts.requestModel && facts.responseModel && facts.requestModel !== facts.responseModel
      ? `${facts.requestModel} → ${facts.responseModel}`
      : (facts.responseModel ?? facts.requestModel);
  return renderFacts([
    ["Operation", facts.operation],
    ["Provider", facts.provider],
    ["Model", models],
    // Both only when they differ (an alias resolved to a dated model); else "Model" says it all.
    ["Request model", facts.requestModel !== facts.responseModel ? facts.requestModel : null],
    ["Response model", facts.requestModel !== facts.responseModel ? facts.responseModel : null],
    ["Input tokens", facts.inputTokens === null ? null : formatCount(facts.inputTokens)],
    ["Output tokens", facts.outputTokens === null ? null : formatCount(facts.outputTokens)],
    ["Cost", formatCost(facts.costUsd)],
    [
      "Time to first chunk",
      facts.timeToFirstChunkMs === null ? null : formatDuration(facts.timeToFirstChunkMs),
    ],
    ["Finish reasons", facts.finishReasons.length > 0 ? facts.finishReasons.join(", ") : null],
    [
      "Conversation",
      facts.conversationId
        ? createElement("a", {
            text: facts.conversationId,
            attributes: { href: conversationHref(facts.conversationId) },
          })
        : null,
    ],
    ["Feature", facts.feature],
    [
      "Error type",
      facts.errorType ? createElement("span", { className: "text-error", text: facts.errorType }) : null,
    ],
  ]);
}

function renderToolCalls(tools: ReturnType<typeof collectToolCalls>): HTMLElement {
  return createElement(
    "div",
    { className: "tool-list" },
    tools.map((tool) =>
      createElement("div", { className: "part-tool", testId: "tool-call" }, [
        createElement("div", { className: "part-label" }, [
          tool.source === "output" ? "requested " : "executed ",
          createElement("code", { text: tool.name }),
          tool.id ? createElement("span", { className: "muted", text: ` (${tool.id})` }) : null,
        ]),
        tool.arguments ? renderLongText({ text: tool.arguments, className: "code-block" }) : null,
        tool.result === null
          ? null
          : createElement("div", {}, [
              createElement("div", { className: "part-label", text: "result" }),
              renderLongText({ text: tool.result, className: "code-block" }),
            ]),
      ]),
    ),
  );
}

function section(title: string, body: HTMLElement, testId: string): HTMLElement {
  return createElement("section", { className: "details-section", testId: `details-${testId}` }, [
    createElement("h3", { text: title }),
    body,
  ]);
}

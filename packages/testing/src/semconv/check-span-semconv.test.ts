import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { checkSpanSemconv, type SpanToCheck } from "./check-span-semconv.js";
import type { SemconvFinding } from "./semconv-finding.js";

/** A chat span as a provider should export it. */
function chatSpan(
  overrides: Partial<SpanToCheck> = {},
  attributes: Record<string, unknown> = {},
): SpanToCheck {
  return {
    name: "chat gpt-4o",
    kind: SpanKind.CLIENT,
    status: { code: SpanStatusCode.UNSET },
    events: [],
    ...overrides,
    // An `undefined` override removes the attribute, as an exported span never holds `undefined`.
    attributes: withoutUndefined({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "anthropic",
      "gen_ai.request.model": "gpt-4o",
      "server.address": "api.example.test",
      "server.port": 443,
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 10,
      "gen_ai.usage.output_tokens": 5,
      "gen_ai.request.temperature": 0.5,
      ...attributes,
    }),
  };
}

function withoutUndefined(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined));
}

/** The violations as `rule attribute` strings, for compact assertions. */
function violations(findings: SemconvFinding[]): string[] {
  return findings
    .filter((finding) => finding.severity === "violation")
    .map((finding) => `${finding.rule} ${finding.attribute ?? ""}`.trim());
}

const request = { streaming: false, model: "gpt-4o" };

describe("checkSpanSemconv", () => {
  it("passes a well-formed chat span, Sightline's own names included", () => {
    const span = chatSpan({}, { "gen_ai.usage.cost": 0.0012, "sightline.stream.outcome": "completed" });
    expect(checkSpanSemconv(span, request)).toEqual([]);
  });

  it("fails a misspelled attribute and names the semconv one it meant", () => {
    const findings = checkSpanSemconv(chatSpan({}, { "gen_ai.usage.input_token": 10 }), request);
    expect(violations(findings)).toEqual(["unknown-attribute gen_ai.usage.input_token"]);
    expect(findings[0]?.message).toContain("did you mean gen_ai.usage.input_tokens?");
  });

  it("fails an attribute outside semconv and outside Sightline's namespace", () => {
    const findings = checkSpanSemconv(chatSpan({}, { "cohere.usage.tokens.input_tokens": 7 }), request);
    expect(violations(findings)).toEqual(["unknown-attribute cohere.usage.tokens.input_tokens"]);
  });

  it("fails mistyped attributes: a string count, a fractional int, a number for a string array", () => {
    const span = chatSpan(
      {},
      {
        "gen_ai.usage.input_tokens": "10",
        "gen_ai.usage.output_tokens": 1.5,
        "gen_ai.response.finish_reasons": "stop",
        "gen_ai.usage.cost": "0.01",
      },
    );
    expect(violations(checkSpanSemconv(span, request))).toEqual([
      "attribute-type gen_ai.response.finish_reasons",
      "attribute-type gen_ai.usage.input_tokens",
      "attribute-type gen_ai.usage.output_tokens",
      "attribute-type gen_ai.usage.cost",
    ]);
  });

  it("fails an enum value that misspells a well-known member, allows a custom one as information", () => {
    const misspelled = checkSpanSemconv(chatSpan({}, { "gen_ai.provider.name": "mistral-ai" }), request);
    expect(violations(misspelled)).toEqual(["enum-value gen_ai.provider.name"]);
    expect(misspelled[0]?.message).toContain('"mistral_ai"');
    const custom = checkSpanSemconv(chatSpan({}, { "gen_ai.provider.name": "acme.llm" }), request);
    expect(violations(custom)).toEqual([]);
    expect(custom.map((finding) => finding.rule)).toEqual(["enum-custom-value"]);
  });

  it("fails a deprecated attribute", () => {
    const findings = checkSpanSemconv(chatSpan({}, { "gen_ai.system": "openai" }), request);
    expect(violations(findings)).toEqual(["deprecated-attribute gen_ai.system"]);
  });

  it("fails a missing required attribute and a port-less address", () => {
    const span = chatSpan({}, { "gen_ai.provider.name": undefined, "server.port": undefined });
    expect(violations(checkSpanSemconv(span, request))).toEqual([
      "conditionally-required-attribute server.port",
      "required-attribute gen_ai.provider.name",
    ]);
  });

  it("requires error.type iff the span has error status", () => {
    const failed = chatSpan({ status: { code: SpanStatusCode.ERROR } });
    expect(violations(checkSpanSemconv(failed, request))).toEqual([
      "conditionally-required-attribute error.type",
    ]);
    const typed = chatSpan({ status: { code: SpanStatusCode.ERROR } }, { "error.type": "RateLimitError" });
    expect(violations(checkSpanSemconv(typed, request))).toEqual([]);
    const notFailed = chatSpan({}, { "error.type": "RateLimitError" });
    expect(violations(checkSpanSemconv(notFailed, request))).toEqual([
      "conditionally-required-attribute error.type",
    ]);
  });

  it("requires gen_ai.request.stream iff the request streamed", () => {
    expect(violations(checkSpanSemconv(chatSpan(), { ...request, streaming: true }))).toEqual([
      "conditionally-required-attribute gen_ai.request.stream",
    ]);
    const flagged = chatSpan({}, { "gen_ai.request.stream": true });
    expect(violations(checkSpanSemconv(flagged, request))).toEqual([
      "conditionally-required-attribute gen_ai.request.stream",
    ]);
  });

  it("fails a span name off the pattern, a wrong kind and another request model", () => {
    const span = chatSpan({ name: "openai.chat", kind: SpanKind.INTERNAL });
    expect(violations(checkSpanSemconv(span, { ...request, model: "gpt-4o-mini" }))).toEqual([
      "span-name",
      "span-kind",
      "request-model gen_ai.request.model",
    ]);
  });

  it("validates content attributes against the GenAI JSON schemas", () => {
    const valid = chatSpan(
      {},
      {
        "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "Hi" }] }]),
        "gen_ai.output.messages": JSON.stringify([
          { role: "assistant", parts: [{ type: "text", content: "Hello" }], finish_reason: "stop" },
        ]),
        "gen_ai.system_instructions": JSON.stringify([{ type: "text", content: "Be brief." }]),
        "gen_ai.tool.definitions": JSON.stringify([{ type: "function", name: "get_weather" }]),
      },
    );
    expect(violations(checkSpanSemconv(valid, request))).toEqual([]);
    const invalid = chatSpan(
      {},
      {
        "gen_ai.input.messages": JSON.stringify([{ role: "user", content: "Hi" }]),
        "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [] }]),
        "gen_ai.tool.definitions": "[{not json",
      },
    );
    const findings = checkSpanSemconv(invalid, request);
    expect(violations(findings)).toEqual([
      "content-schema gen_ai.input.messages",
      "content-schema gen_ai.output.messages",
      "content-json gen_ai.tool.definitions",
    ]);
    expect(findings[0]?.message).toBe('$[0]: missing required property "parts"');
    expect(findings[1]?.message).toBe('$[0]: missing required property "finish_reason"');
  });

  it("checks events: exception type equal to error.type, no unknown events", () => {
    const span = chatSpan(
      {
        status: { code: SpanStatusCode.ERROR },
        events: [
          {
            name: "exception",
            attributes: { "exception.type": "rate_limit_exceeded", "exception.message": "x" },
          },
          { name: "gen_ai.choice", attributes: {} },
          { name: "sightline.drift", attributes: { "sightline.drift.kind": "length" } },
        ],
      },
      { "error.type": "RateLimitError" },
    );
    expect(violations(checkSpanSemconv(span, request))).toEqual([
      "exception-type exception.type",
      "unknown-event",
    ]);
  });
});

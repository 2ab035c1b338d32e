import { SpanKind } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { readForeignCall } from "./read-genai-span.js";

function chatSpan(finishReasons: string[]) {
  return {
    name: "chat gpt-4o",
    kind: SpanKind.CLIENT,
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.response.finish_reasons": finishReasons,
    },
  };
}

describe("readForeignCall refusals", () => {
  it("reads semconv's content_filter finish reason on another tool's span as a refusal", () => {
    expect(readForeignCall(chatSpan(["content_filter"]))?.response.refusal).toBe("content_filter");
  });

  it("reads any other finish reason as no refusal", () => {
    expect(readForeignCall(chatSpan(["stop"]))?.response.refusal).toBeUndefined();
  });
});

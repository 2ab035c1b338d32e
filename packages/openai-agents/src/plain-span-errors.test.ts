import { withCustomSpan, withTrace } from "@openai/agents-core";
import { SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { settle, spansNamed, useAgentsTestContext } from "./test-helpers.js";

const ctx = useAgentsTestContext();

describe("spans other than agents, tools and model calls", () => {
  it("a failed custom span is recorded by core as every span is: error.type, status and the exception event", async () => {
    ctx.setup({});
    await withTrace("Lookup workflow", async () => {
      await withCustomSpan(
        async (span) => {
          // An SDK span error carries a code-like payload; the exception event must not prefer it.
          span.setError({ message: "lookup failed", data: { code: "rate_limit_exceeded" } });
        },
        { data: { name: "lookup" } },
      );
    });
    await settle(50);
    const [span] = spansNamed(ctx.telemetry.spans(), "lookup");
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes["error.type"]).toBe("AgentsSpanError");
    const exception = span?.events.find((event) => event.name === "exception");
    expect(exception?.attributes).toMatchObject({
      "exception.type": "AgentsSpanError",
      "exception.message": "lookup failed",
    });
    expect(exception?.attributes?.["exception.stacktrace"]).toBeTypeOf("string");
  });
});

import { SpanStatusCode } from "@opentelemetry/api";
import { BudgetExceededError, createGovernance, PolicyViolationError } from "@sightline/core";
import { generateText, streamText } from "ai";
import { describe, expect, it } from "vitest";
import { idOf, parentOf, settle, spansNamed, useAISDKTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useAISDKTestContext();

describe("sightlineTelemetry: errors, enforce mode and aborts", () => {
  it("re-throws a provider error unchanged and marks the model and agent spans", async () => {
    ctx.server.enqueue({ status: 400 });
    const failed = generateText({
      model: ctx.openaiChat(),
      prompt: "hi",
      maxRetries: 0,
      telemetry: { integrations: [ctx.integration()] },
    });
    const error = await failed.catch((caught: unknown) => caught);
    expect((error as Error).name).toBe("AI_APICallError");
    const spans = await waitForSpans(ctx.telemetry, 2);
    const [chat] = spansNamed(spans, "chat gpt-4o");
    const [agent] = spansNamed(spans, "invoke_agent generateText");
    expect(chat?.status.code).toBe(SpanStatusCode.ERROR);
    expect(chat?.attributes["error.type"]).toBe("APICallError");
    expect(chat?.attributes["http.response.status_code"]).toBe(400);
    expect(agent?.status.code).toBe(SpanStatusCode.ERROR);
  });

  it("refuses a generateText call over budget in enforce mode before any request is sent", async () => {
    const governance = createGovernance({
      mode: "enforce",
      budgets: [{ name: "daily", limit: 5, unit: "tokens", window: { type: "fixed", size: "day" } }],
    });
    // The first call spends the budget (its tokens are counted), the second is refused.
    await generateText({
      model: ctx.openaiChat(),
      prompt: "hi",
      telemetry: { integrations: [ctx.integration({ governance })] },
    });
    await waitForSpans(ctx.telemetry, 2);
    ctx.server.reset();
    ctx.telemetry.resetSpans();
    const error = await generateText({
      model: ctx.openaiChat(),
      prompt: "hi",
      telemetry: { integrations: [ctx.integration({ governance })] },
    }).catch((caught: unknown) => caught);
    expect(BudgetExceededError.isInstance(error)).toBe(true);
    expect(ctx.server.requests).toHaveLength(0);
    const spans = await waitForSpans(ctx.telemetry, 2);
    const [refused] = spansNamed(spans, "chat gpt-4o");
    expect(refused?.attributes["sightline.governance.refused"]).toBe(true);
    expect(refused?.attributes["error.type"]).toBe("BudgetExceededError");
    expect(parentOf(refused)).toBe(idOf(spansNamed(spans, "invoke_agent generateText")[0]));
  });

  it("refuses a streamText call that breaks a policy before any request is sent", async () => {
    const governance = createGovernance({
      mode: "enforce",
      policies: [{ name: "cheap-only", allowedModels: ["gpt-4o-mini"] }],
    });
    const errors: unknown[] = [];
    const result = streamText({
      model: ctx.anthropic(),
      prompt: "hi",
      onError: ({ error }) => {
        errors.push(error);
      },
      telemetry: { integrations: [ctx.integration({ governance })] },
    });
    await result.consumeStream();
    expect(PolicyViolationError.isInstance(errors[0])).toBe(true);
    expect(ctx.server.requests).toHaveLength(0);
    const spans = await waitForSpans(ctx.telemetry, 2);
    expect(spansNamed(spans, "chat claude-sonnet-4-5")[0]?.attributes["sightline.governance.refused"]).toBe(
      true,
    );
  });

  it("ends the model and agent spans when a stream is aborted mid-way", async () => {
    ctx.server.enqueue({ text: "one two three four five six", chunks: 6, chunkDelayMs: 40 });
    const controller = new AbortController();
    const result = streamText({
      model: ctx.openaiChat(),
      prompt: "count",
      abortSignal: controller.signal,
      telemetry: { integrations: [ctx.integration()] },
    });
    const received: string[] = [];
    await expect(
      (async () => {
        for await (const delta of result.textStream) {
          received.push(delta);
          if (received.length === 1) controller.abort();
        }
      })(),
    ).resolves.toBeUndefined();
    expect(received.length).toBeLessThan(6);
    const spans = await waitForSpans(ctx.telemetry, 2);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(2);
    const [chat] = spansNamed(spans, "chat gpt-4o");
    expect(chat?.attributes["sightline.stream.outcome"]).toBe("aborted");
    expect(spansNamed(spans, "invoke_agent streamText")).toHaveLength(1);
  });

  it("marks the spans of a stream the provider fails before its first chunk", async () => {
    ctx.server.enqueue({ status: 500 });
    const errors: unknown[] = [];
    const result = streamText({
      model: ctx.anthropic(),
      prompt: "hi",
      maxRetries: 0,
      onError: ({ error }) => {
        errors.push(error);
      },
      telemetry: { integrations: [ctx.integration()] },
    });
    await result.consumeStream();
    expect(errors).toHaveLength(1);
    const spans = await waitForSpans(ctx.telemetry, 2);
    const [chat] = spansNamed(spans, "chat claude-sonnet-4-5");
    expect(chat?.attributes["error.type"]).toBe("APICallError");
    expect(chat?.attributes["http.response.status_code"]).toBe(500);
    expect(spansNamed(spans, "invoke_agent streamText")[0]?.status.code).toBe(SpanStatusCode.ERROR);
  });
});

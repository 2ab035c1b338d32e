import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { traceAgent, withContext } from "@sightline/core";
import { generateText, jsonSchema, stepCountIs, streamText, tool } from "ai";
import { describe, expect, it } from "vitest";
import { idOf, parentOf, settle, spansNamed, useAISDKTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useAISDKTestContext();

const weather = tool({
  description: "Current weather in a city",
  inputSchema: jsonSchema<{ city: string }>({
    type: "object",
    properties: { city: { type: "string" } },
    required: ["city"],
  }),
  execute: async ({ city }) => ({ city, temperature: 21 }),
});

/** A tool call, then an answer; `model` is the response model the mock reports (a priced one). */
const toolThenAnswer = (model?: string) =>
  ctx.server.enqueue(
    {
      model,
      toolCalls: [{ id: "call_1", name: "weather", arguments: '{"city":"Paris"}' }],
      usage: { inputTokens: 100, outputTokens: 20 },
    },
    {
      model,
      text: "It is 21 degrees.",
      usage: { inputTokens: 150, outputTokens: 10, cachedInputTokens: 50 },
    },
  );

describe("sightlineTelemetry: generateText with a tool", () => {
  it("gives invoke_agent → chat, execute_tool, chat with tokens, finish reasons, cost and the roll-up", async () => {
    toolThenAnswer();
    const result = await generateText({
      model: ctx.openaiChat(),
      prompt: "Weather in Paris?",
      tools: { weather },
      stopWhen: stepCountIs(3),
      telemetry: { functionId: "weather-bot", integrations: [ctx.integration()] },
    });
    expect(result.text).toBe("It is 21 degrees.");
    const spans = await waitForSpans(ctx.telemetry, 4);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(4);
    const [agent] = spansNamed(spans, "invoke_agent weather-bot");
    const chats = spansNamed(spans, "chat gpt-4o");
    const [toolSpan] = spansNamed(spans, "execute_tool weather");
    expect(agent?.kind).toBe(SpanKind.INTERNAL);
    expect(parentOf(agent)).toBeUndefined();
    expect(chats).toHaveLength(2);
    for (const span of [...chats, toolSpan]) expect(parentOf(span)).toBe(idOf(agent));
    expect(chats.map((span) => span.kind)).toEqual([SpanKind.CLIENT, SpanKind.CLIENT]);
    expect(chats[0]?.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.response.model": "gpt-4o-2026-01-01",
      "gen_ai.response.finish_reasons": ["tool_call"],
      "gen_ai.usage.input_tokens": 100,
      "gen_ai.usage.output_tokens": 20,
      "server.address": "127.0.0.1",
      "sightline.feature": "weather-bot",
    });
    expect(chats[1]?.attributes).toMatchObject({
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.cache_read.input_tokens": 50,
    });
    expect(toolSpan?.kind).toBe(SpanKind.INTERNAL);
    expect(toolSpan?.attributes).toEqual({
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "weather",
      "gen_ai.tool.type": "function",
      "gen_ai.tool.call.id": "call_1",
      "sightline.feature": "weather-bot",
    });
    // The tool runs between the two model calls.
    expect(toolSpan?.startTime[0]).toBeGreaterThanOrEqual(chats[0]?.endTime[0] ?? 0);
    const costs = chats.map((span) => span.attributes["gen_ai.usage.cost"] as number);
    expect(costs.every((cost) => cost > 0)).toBe(true);
    expect(agent?.attributes).toMatchObject({
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": "weather-bot",
      "gen_ai.provider.name": "openai",
    });
    expect(agent?.attributes["sightline.cost.total"]).toBeCloseTo((costs[0] ?? 0) + (costs[1] ?? 0), 12);
    // Roll-up spans carry no tokens, so nothing downstream counts them as calls.
    expect(agent?.attributes["gen_ai.usage.input_tokens"]).toBeUndefined();
  });

  it("counts every model call once in the metrics", async () => {
    const before = await ctx.telemetry.metricPoints("gen_ai.client.operation.duration");
    const countBefore = before.reduce((sum, point) => sum + (point.count ?? 0), 0);
    toolThenAnswer();
    await generateText({
      model: ctx.openaiChat(),
      prompt: "Weather in Paris?",
      tools: { weather },
      stopWhen: stepCountIs(3),
      telemetry: { functionId: "metrics-once", integrations: [ctx.integration()] },
    });
    await waitForSpans(ctx.telemetry, 4);
    const durations = await ctx.telemetry.metricPoints("gen_ai.client.operation.duration");
    expect(durations.reduce((sum, point) => sum + (point.count ?? 0), 0) - countBefore).toBe(2);
    const tokens = (await ctx.telemetry.metricPoints("gen_ai.client.token.usage")).filter(
      (point) => point.attributes["sightline.feature"] === "metrics-once",
    );
    const input = tokens.find((point) => point.attributes["gen_ai.token.type"] === "input");
    expect(input?.sum).toBe(250);
    expect(input?.count).toBe(2);
    const cost = (await ctx.telemetry.metricPoints("sightline.gen_ai.cost")).filter(
      (point) => point.attributes["sightline.feature"] === "metrics-once",
    );
    const spanCost = spansNamed(ctx.telemetry.spans(), "chat gpt-4o").reduce(
      (sum, span) => sum + (span.attributes["gen_ai.usage.cost"] as number),
      0,
    );
    expect(cost.reduce((sum, point) => sum + (point.value ?? 0), 0)).toBeCloseTo(spanCost, 12);
  });

  it("marks a failing tool's span and keeps the AI SDK's behaviour (the error goes back to the model)", async () => {
    ctx.server.enqueue(
      { toolCalls: [{ id: "call_x", name: "broken", arguments: "{}" }] },
      { text: "Sorry." },
    );
    const broken = tool({
      inputSchema: jsonSchema<{ reason?: string }>({ type: "object", properties: {} }),
      execute: async (): Promise<string> => {
        throw new RangeError("tool blew up");
      },
    });
    const result = await generateText({
      model: ctx.anthropic(),
      prompt: "Go",
      tools: { broken },
      stopWhen: stepCountIs(3),
      telemetry: { integrations: [ctx.integration()] },
    });
    expect(result.text).toBe("Sorry.");
    const spans = await waitForSpans(ctx.telemetry, 4);
    const [toolSpan] = spansNamed(spans, "execute_tool broken");
    expect(toolSpan?.status.code).toBe(SpanStatusCode.ERROR);
    expect(toolSpan?.attributes["error.type"]).toBe("RangeError");
    expect(spansNamed(spans, "invoke_agent generateText")[0]?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it("nests an AI SDK call made inside a tool under that tool's span", async () => {
    const integration = ctx.integration();
    const research = tool({
      inputSchema: jsonSchema<{ topic: string }>({
        type: "object",
        properties: { topic: { type: "string" } },
        required: ["topic"],
      }),
      execute: async ({ topic }) =>
        (
          await generateText({
            model: ctx.openaiChat("gpt-4o-mini"),
            prompt: topic,
            telemetry: { functionId: "researcher", integrations: [integration] },
          })
        ).text,
    });
    ctx.server.enqueue({ toolCalls: [{ name: "research", arguments: '{"topic":"otel"}' }] });
    await generateText({
      model: ctx.openaiChat(),
      prompt: "Research otel",
      tools: { research },
      stopWhen: stepCountIs(3),
      telemetry: { functionId: "lead", integrations: [integration] },
    });
    const spans = await waitForSpans(ctx.telemetry, 6);
    const [lead] = spansNamed(spans, "invoke_agent lead");
    const [toolSpan] = spansNamed(spans, "execute_tool research");
    const [researcher] = spansNamed(spans, "invoke_agent researcher");
    const [innerChat] = spansNamed(spans, "chat gpt-4o-mini");
    expect(parentOf(toolSpan)).toBe(idOf(lead));
    expect(parentOf(researcher)).toBe(idOf(toolSpan));
    expect(parentOf(innerChat)).toBe(idOf(researcher));
    // The lead agent's total includes the nested agent's call.
    const allChatCost = [...spansNamed(spans, "chat gpt-4o"), innerChat].reduce(
      (sum, span) => sum + ((span?.attributes["gen_ai.usage.cost"] as number) ?? 0),
      0,
    );
    expect(lead?.attributes["sightline.cost.total"]).toBeCloseTo(allChatCost, 12);
  });
});

describe("sightlineTelemetry inside traceAgent", () => {
  it("nests the AI SDK call's agent under a hand-made one and rolls its cost up to it", async () => {
    await traceAgent(
      "planner",
      () =>
        generateText({
          model: ctx.openaiChat(),
          prompt: "hi",
          telemetry: { integrations: [ctx.integration()] },
        }),
      { tracerProvider: ctx.telemetry.tracerProvider },
    );
    const spans = await waitForSpans(ctx.telemetry, 3);
    const [planner] = spansNamed(spans, "invoke_agent planner");
    const [inner] = spansNamed(spans, "invoke_agent generateText");
    const [chat] = spansNamed(spans, "chat gpt-4o");
    expect(parentOf(inner)).toBe(idOf(planner));
    expect(parentOf(chat)).toBe(idOf(inner));
    expect(planner?.attributes["sightline.cost.total"]).toBe(chat?.attributes["gen_ai.usage.cost"]);
  });
});

describe("sightlineTelemetry: every provider, generate and stream", () => {
  // Anthropic reports cache reads outside input_tokens; the AI SDK (like semconv) counts them in.
  // @ai-sdk/google reports no response model from a non-streaming call: none is invented.
  const cases = [
    ["@ai-sdk/openai (Responses)", () => ctx.openai(), "openai", "gpt-4o", "gpt-4o-2024-08-06", 150, true],
    ["@ai-sdk/openai (chat)", () => ctx.openaiChat(), "openai", "gpt-4o", "gpt-4o-2024-08-06", 150, true],
    [
      "@ai-sdk/anthropic",
      () => ctx.anthropic(),
      "anthropic",
      "claude-sonnet-4-5",
      "claude-sonnet-4-5-20250929",
      200,
      true,
    ],
    ["@ai-sdk/google", () => ctx.google(), "gcp.gemini", "gemini-2.5-flash", "gemini-2.5-flash", 150, false],
  ] as const;

  for (const [label, model, provider, requestModel, responseModel, secondInput, reportsModel] of cases) {
    it(`${label}: generateText`, async () => {
      ctx.server.enqueue({ model: responseModel, usage: { inputTokens: 12, outputTokens: 7 } });
      await generateText({ model: model(), prompt: "hi", telemetry: { integrations: [ctx.integration()] } });
      const spans = await waitForSpans(ctx.telemetry, 2);
      const [chat] = spansNamed(spans, `chat ${requestModel}`);
      expect(chat?.attributes).toMatchObject({
        "gen_ai.provider.name": provider,
        "gen_ai.request.model": requestModel,
        "gen_ai.usage.input_tokens": 12,
        "gen_ai.usage.output_tokens": 7,
        "gen_ai.response.finish_reasons": ["stop"],
      });
      expect(chat?.attributes["gen_ai.response.model"]).toBe(reportsModel ? responseModel : undefined);
      expect(chat?.attributes["gen_ai.request.stream"]).toBeUndefined();
      expect(chat?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
      expect(parentOf(chat)).toBe(idOf(spansNamed(spans, "invoke_agent generateText")[0]));
    });

    it(`${label}: streamText with a tool`, async () => {
      toolThenAnswer(responseModel);
      const result = streamText({
        model: model(),
        prompt: "Weather in Paris?",
        tools: { weather },
        stopWhen: stepCountIs(3),
        telemetry: { integrations: [ctx.integration()] },
      });
      let text = "";
      for await (const delta of result.textStream) text += delta;
      expect(text).toBe("It is 21 degrees.");
      const spans = await waitForSpans(ctx.telemetry, 4);
      const [agent] = spansNamed(spans, "invoke_agent streamText");
      const chats = spansNamed(spans, `chat ${requestModel}`);
      expect(chats).toHaveLength(2);
      for (const chat of chats) {
        expect(parentOf(chat)).toBe(idOf(agent));
        expect(chat.attributes["gen_ai.request.stream"]).toBe(true);
        expect(chat.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThanOrEqual(0);
        expect(chat.attributes["gen_ai.provider.name"]).toBe(provider);
      }
      expect(chats[0]?.attributes["gen_ai.response.finish_reasons"]).toEqual(["tool_call"]);
      expect(chats[1]?.attributes["gen_ai.usage.input_tokens"]).toBe(secondInput);
      expect(chats[1]?.attributes["gen_ai.usage.cache_read.input_tokens"]).toBe(50);
      expect(parentOf(spansNamed(spans, "execute_tool weather")[0])).toBe(idOf(agent));
      expect(agent?.attributes["sightline.cost.total"]).toBeGreaterThan(0);
    });
  }
});

describe("sightlineTelemetry: context, content and registration", () => {
  it("puts withContext values and runtimeContext fields on the spans", async () => {
    await withContext({ tenantId: "acme", feature: "support" }, () =>
      generateText({
        model: ctx.openaiChat(),
        prompt: "hi",
        runtimeContext: { conversationId: "conv-9", userId: "u-1" },
        telemetry: {
          functionId: "ignored-for-feature",
          includeRuntimeContext: { conversationId: true, userId: true },
          integrations: [ctx.integration()],
        },
      }),
    );
    const spans = await waitForSpans(ctx.telemetry, 2);
    const [chat] = spansNamed(spans, "chat gpt-4o");
    expect(chat?.attributes).toMatchObject({
      "sightline.tenant.id": "acme",
      "sightline.feature": "support",
      "gen_ai.conversation.id": "conv-9",
      "user.id": "u-1",
    });
  });

  it("records no content by default", async () => {
    toolThenAnswer();
    await generateText({
      model: ctx.openaiChat(),
      system: "Be brief.",
      prompt: "Weather in Paris?",
      tools: { weather },
      stopWhen: stepCountIs(3),
      telemetry: { integrations: [ctx.integration()] },
    });
    const spans = await waitForSpans(ctx.telemetry, 4);
    const keys = spans.flatMap((span) => Object.keys(span.attributes));
    for (const key of [
      "gen_ai.input.messages",
      "gen_ai.output.messages",
      "gen_ai.system_instructions",
      "gen_ai.tool.definitions",
      "gen_ai.tool.call.arguments",
      "gen_ai.tool.call.result",
    ]) {
      expect(keys).not.toContain(key);
    }
  });

  it("records content, redacted, when capture is on", async () => {
    toolThenAnswer();
    await generateText({
      model: ctx.openaiChat(),
      system: "Be brief.",
      prompt: "Weather in Paris? Mail me at jane@example.com",
      tools: { weather },
      stopWhen: stepCountIs(3),
      telemetry: { integrations: [ctx.integration({ captureContent: true })] },
    });
    const spans = await waitForSpans(ctx.telemetry, 4);
    const chats = spansNamed(spans, "chat gpt-4o");
    const input = JSON.parse(chats[0]?.attributes["gen_ai.input.messages"] as string);
    expect(input[0]).toEqual({
      role: "user",
      parts: [{ type: "text", content: "Weather in Paris? Mail me at [REDACTED:email]" }],
    });
    expect(JSON.parse(chats[0]?.attributes["gen_ai.system_instructions"] as string)).toEqual([
      { type: "text", content: "Be brief." },
    ]);
    expect(JSON.parse(chats[0]?.attributes["gen_ai.tool.definitions"] as string)[0]).toMatchObject({
      type: "function",
      name: "weather",
    });
    expect(JSON.parse(chats[0]?.attributes["gen_ai.output.messages"] as string)).toEqual([
      {
        role: "assistant",
        finish_reason: "tool_call",
        parts: [{ type: "tool_call", id: "call_1", name: "weather", arguments: { city: "Paris" } }],
      },
    ]);
    const [toolSpan] = spansNamed(spans, "execute_tool weather");
    expect(toolSpan?.attributes["gen_ai.tool.call.arguments"]).toBe('{"city":"Paris"}');
    expect(toolSpan?.attributes["gen_ai.tool.call.result"]).toBe('{"city":"Paris","temperature":21}');
  });

  it("works when registered globally with registerTelemetry", async () => {
    const { registerTelemetry } = await import("ai");
    const previous = globalThis.AI_SDK_TELEMETRY_INTEGRATIONS;
    registerTelemetry(ctx.integration());
    try {
      await generateText({ model: ctx.google(), prompt: "hi" });
    } finally {
      globalThis.AI_SDK_TELEMETRY_INTEGRATIONS = previous;
    }
    const spans = await waitForSpans(ctx.telemetry, 2);
    expect(spansNamed(spans, "chat gemini-2.5-flash")).toHaveLength(1);
  });
});

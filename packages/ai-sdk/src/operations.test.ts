import { SpanKind } from "@opentelemetry/api";
import {
  embed,
  embedMany,
  generateObject,
  jsonSchema,
  stepCountIs,
  streamObject,
  ToolLoopAgent,
  tool,
} from "ai";
import { describe, expect, it } from "vitest";
import { idOf, parentOf, spansNamed, useAISDKTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useAISDKTestContext();

const citySchema = jsonSchema<{ city: string }>({
  type: "object",
  properties: { city: { type: "string" } },
  required: ["city"],
});

describe("sightlineTelemetry: objects, embeddings and agents", () => {
  it("generateObject: one chat span with json output type and cost under its agent span", async () => {
    ctx.server.enqueue({ model: "claude-sonnet-4-5-20250929" });
    const { object } = await generateObject({
      model: ctx.anthropic(),
      prompt: "A city",
      schema: citySchema,
      telemetry: { functionId: "city-picker", integrations: [ctx.integration()] },
    });
    expect(object).toEqual({ city: "mock" });
    const spans = await waitForSpans(ctx.telemetry, 2);
    const [chat] = spansNamed(spans, "chat claude-sonnet-4-5");
    const [agent] = spansNamed(spans, "invoke_agent city-picker");
    expect(parentOf(chat)).toBe(idOf(agent));
    expect(chat?.attributes).toMatchObject({
      "gen_ai.provider.name": "anthropic",
      "gen_ai.output.type": "json",
      "gen_ai.response.finish_reasons": ["stop"],
    });
    expect(chat?.attributes["gen_ai.usage.cost"]).toBeGreaterThan(0);
    expect(agent?.attributes["sightline.cost.total"]).toBe(chat?.attributes["gen_ai.usage.cost"]);
  });

  it("streamObject: a streaming chat span with time to first chunk", async () => {
    const result = streamObject({
      model: ctx.google(),
      prompt: "A city",
      schema: citySchema,
      telemetry: { integrations: [ctx.integration()] },
    });
    // Like streamText, streamObject delivers its result once the stream is read.
    for await (const _partial of result.partialObjectStream) {
      // reading
    }
    expect(await result.object).toEqual({ city: "mock" });
    const spans = await waitForSpans(ctx.telemetry, 2);
    const [chat] = spansNamed(spans, "chat gemini-2.5-flash");
    expect(chat?.attributes).toMatchObject({
      "gen_ai.provider.name": "gcp.gemini",
      "gen_ai.request.stream": true,
      "gen_ai.output.type": "json",
    });
    expect(chat?.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThanOrEqual(0);
    expect(parentOf(chat)).toBe(idOf(spansNamed(spans, "invoke_agent streamObject")[0]));
  });

  it("embed and embedMany: embeddings spans with tokens and dimensions", async () => {
    const integration = ctx.integration();
    const model = ctx.openaiProvider().embedding("text-embedding-3-small");
    const single = await embed({ model, value: "hello", telemetry: { integrations: [integration] } });
    const many = await embedMany({
      model,
      values: ["a", "b", "c"],
      telemetry: { integrations: [integration] },
    });
    expect(single.embedding.length).toBeGreaterThan(0);
    expect(many.embeddings).toHaveLength(3);
    const spans = await waitForSpans(ctx.telemetry, 4);
    const embeddings = spansNamed(spans, "embeddings text-embedding-3-small");
    expect(embeddings).toHaveLength(2);
    for (const span of embeddings) {
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.attributes).toMatchObject({
        "gen_ai.operation.name": "embeddings",
        "gen_ai.provider.name": "openai",
      });
      expect(span.attributes["gen_ai.usage.input_tokens"]).toBeGreaterThan(0);
      expect(span.attributes["gen_ai.embeddings.dimension.count"]).toBe(single.embedding.length);
    }
    expect(parentOf(embeddings[0])).toBe(idOf(spansNamed(spans, "invoke_agent embed")[0]));
    expect(parentOf(embeddings[1])).toBe(idOf(spansNamed(spans, "invoke_agent embedMany")[0]));
  });

  it("ToolLoopAgent: one invoke_agent span named by functionId, its model and tool spans under it", async () => {
    ctx.server.enqueue(
      { toolCalls: [{ id: "call_7", name: "weather", arguments: '{"city":"Oslo"}' }] },
      { text: "Cold." },
    );
    const agent = new ToolLoopAgent({
      model: ctx.openai(),
      instructions: "You answer weather questions.",
      tools: {
        weather: tool({ inputSchema: citySchema, execute: async ({ city }) => ({ city, temperature: -3 }) }),
      },
      stopWhen: stepCountIs(4),
      telemetry: { functionId: "weather-agent", integrations: [ctx.integration()] },
    });
    const result = await agent.generate({ prompt: "Weather in Oslo?" });
    expect(result.text).toBe("Cold.");
    const spans = await waitForSpans(ctx.telemetry, 4);
    const agents = spansNamed(spans, "invoke_agent*");
    expect(agents.map((span) => span.name)).toEqual(["invoke_agent weather-agent"]);
    const children = spans.filter((span) => parentOf(span) === idOf(agents[0]));
    expect(children.map((span) => span.name).sort()).toEqual([
      "chat gpt-4o",
      "chat gpt-4o",
      "execute_tool weather",
    ]);
    expect(spansNamed(spans, "execute_tool weather")[0]?.attributes["gen_ai.tool.call.id"]).toBe("call_7");
  });
});

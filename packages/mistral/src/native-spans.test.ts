import { registerTracerProvider } from "@mistralai/mistralai/extra/observability";
import { SpanKind } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMistralNativeTelemetryState } from "./observe-mistral.js";
import { settle, useMistralTestContext, userMessages, waitForSpans } from "./test-helpers.js";

const ctx = useMistralTestContext();
const model = "mistral-small-latest";
const SIGHTLINE_SCOPE = "@sightline/mistral";

type Client = ReturnType<typeof ctx.raw>;

/** Makes each model call once (plain, streamed, FIM, embeddings) and returns how many spans each produced. */
async function spansPerCall(client: Client): Promise<number[]> {
  const counts: number[] = [];
  const count = async (call: () => Promise<unknown>) => {
    ctx.telemetry.resetSpans();
    await call();
    await waitForSpans(ctx.telemetry, 1);
    await settle();
    counts.push(ctx.telemetry.spans().length);
  };
  await count(() => client.chat.complete({ model, messages: userMessages }));
  await count(async () => {
    for await (const _event of await client.chat.stream({ model, messages: userMessages })) {
      // drain
    }
  });
  await count(() => client.fim.complete({ model: "codestral-latest", prompt: "def" }));
  await count(() => client.embeddings.create({ model: "mistral-embed", inputs: ["a"] }));
  return counts;
}

describe("Mistral's own spans switched off (the default)", () => {
  it("with the SDK's tracing off: one span per call (its hook is switched off all the same, as tracing can be switched on later)", async () => {
    const client = ctx.observed();
    expect(getMistralNativeTelemetryState(client)).toBe("silenced");
    expect(await spansPerCall(client)).toEqual([1, 1, 1, 1]);
  });
});

describe("with the SDK's tracing on (registerTracerProvider)", () => {
  beforeAll(() => registerTracerProvider(ctx.telemetry.tracerProvider));
  afterAll(() => registerTracerProvider(undefined));

  it("the unwrapped client emits its own INTERNAL span (the premise)", async () => {
    await ctx.raw().chat.complete({ model, messages: userMessages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.instrumentationScope.name).not.toBe(SIGHTLINE_SCOPE);
    expect(span?.kind).toBe(SpanKind.INTERNAL);
    expect(span?.attributes["gen_ai.provider.name"]).toBe("mistral_ai");
  });

  it("the wrapped client gives exactly one span per call, Sightline's, and counts tokens once", async () => {
    const client = ctx.observed();
    expect(await spansPerCall(client)).toEqual([1, 1, 1, 1]);
    ctx.telemetry.resetSpans();
    ctx.server.enqueue({ usage: { inputTokens: 11, outputTokens: 2 } });
    await client.chat.complete({ model: "native-tokens", messages: userMessages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.instrumentationScope.name).toBe(SIGHTLINE_SCOPE);
    expect(span?.kind).toBe(SpanKind.CLIENT);
    const points = (await ctx.telemetry.metricPoints("gen_ai.client.token.usage")).filter(
      (point) =>
        point.attributes["gen_ai.request.model"] === "native-tokens" &&
        point.attributes["gen_ai.token.type"] === "input",
    );
    expect(points.reduce((total, point) => total + (point.sum ?? 0), 0)).toBe(11);
  });

  it("leaves the user's other clients' own spans on", async () => {
    const other = ctx.raw();
    ctx.observed();
    await other.chat.complete({ model, messages: userMessages });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.instrumentationScope.name).not.toBe(SIGHTLINE_SCOPE);
  });

  it('nativeSpans: "nested" keeps the SDK span as a child of Sightline\'s', async () => {
    const client = ctx.observed({ nativeSpans: "nested" });
    expect(getMistralNativeTelemetryState(client)).toBe("nested");
    await client.chat.complete({ model, messages: userMessages });
    await waitForSpans(ctx.telemetry, 2);
    await settle();
    const spans = ctx.telemetry.spans();
    expect(spans).toHaveLength(2);
    const ours = spans.find((span) => span.instrumentationScope.name === SIGHTLINE_SCOPE);
    const native = spans.find((span) => span.instrumentationScope.name !== SIGHTLINE_SCOPE);
    expect(native?.parentSpanContext?.spanId).toBe(ours?.spanContext().spanId);
  });

  it("wrapping twice keeps one span per call", async () => {
    const client = ctx.observed();
    const { observeMistral } = await import("./observe-mistral.js");
    observeMistral(client, { tracerProvider: ctx.telemetry.tracerProvider, nativeSpans: "nested" });
    expect(getMistralNativeTelemetryState(client)).toBe("silenced");
    await client.chat.complete({ model, messages: userMessages });
    await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
  });
});

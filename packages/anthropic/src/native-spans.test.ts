import { trace } from "@opentelemetry/api";
import { silenceNativeTelemetry } from "@sightline/core/provider";
import Anthropic0133 from "anthropic0133";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getAnthropicNativeTelemetryState } from "./observe-anthropic.js";
import { ANTHROPIC_VERSIONS, settle, useAnthropicTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useAnthropicTestContext();
const [[, Anthropic1], [, Anthropic0]] = ANTHROPIC_VERSIONS;
const request = { max_tokens: 20, messages: [{ role: "user" as const, content: "hi" }] };
const SDK_SCOPE = "com.anthropic.sdk.typescript";

/** Runs every traced Messages path once and returns how many spans each produced. */
async function spansPerCall(client: InstanceType<typeof Anthropic1>, model: string): Promise<number[]> {
  const counts: number[] = [];
  const count = async (call: () => Promise<unknown>) => {
    ctx.telemetry.resetSpans();
    await call();
    await waitForSpans(ctx.telemetry, 1);
    await settle();
    counts.push(ctx.telemetry.spans().length);
  };
  await count(() => client.messages.create({ ...request, model }));
  await count(async () => {
    for await (const _event of await client.messages.create({ ...request, model, stream: true })) {
      // drain
    }
  });
  await count(() => client.messages.stream({ ...request, model }).finalMessage());
  await count(() => client.messages.countTokens({ model, messages: request.messages }));
  await count(() => client.beta.messages.create({ ...request, model }));
  return counts;
}

async function inputTokenSamples(model: string): Promise<{ count: number; sum: number }> {
  const points = (await ctx.telemetry.metricPoints("gen_ai.client.token.usage")).filter(
    (point) =>
      point.attributes["gen_ai.request.model"] === model && point.attributes["gen_ai.token.type"] === "input",
  );
  return {
    count: points.reduce((total, point) => total + (point.count ?? 0), 0),
    sum: points.reduce((total, point) => total + (point.sum ?? 0), 0),
  };
}

describe("one GenAI span per call beside the SDK's own telemetry", () => {
  beforeAll(() => {
    // The 1.x SDK traces by default through the global tracer provider, as in any app with OTel set up.
    trace.setGlobalTracerProvider(ctx.telemetry.tracerProvider);
  });
  afterEach(() => vi.unstubAllEnvs());

  it("the unwrapped 1.x client does emit its own span in this setup (the premise)", async () => {
    await ctx.raw(Anthropic1).messages.create({ ...request, model: "claude-x" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.instrumentationScope.name).toBe(SDK_SCOPE);
    expect(span?.name).toBe("anthropic.messages.create");
  });

  it("by default the wrapped 1.x client gives exactly one span per call, Sightline's, and counts tokens once", async () => {
    const client = ctx.observed({}, Anthropic1);
    expect(getAnthropicNativeTelemetryState(client)).toBe("silenced");
    const model = "native-default";
    expect(await spansPerCall(client, model)).toEqual([1, 1, 1, 1, 1]);
    ctx.telemetry.resetSpans();
    ctx.server.enqueue({ usage: { inputTokens: 10, outputTokens: 1, cachedInputTokens: 5 } });
    await client.messages.create({ ...request, model: "native-tokens" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.instrumentationScope.name).toBe("@sightline/anthropic");
    expect(await inputTokenSamples("native-tokens")).toEqual({ count: 1, sum: 15 });
  });

  it("leaves the user's other clients' own spans on", async () => {
    const other = ctx.raw(Anthropic1);
    ctx.observed({}, Anthropic1);
    await other.messages.create({ ...request, model: "claude-x" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.instrumentationScope.name).toBe(SDK_SCOPE);
  });

  it("wrapping twice keeps one span per call", async () => {
    const client = ctx.observed({}, Anthropic1);
    ctx.observed({}, Anthropic1);
    const { observeAnthropic } = await import("./observe-anthropic.js");
    observeAnthropic(client, { tracerProvider: ctx.telemetry.tracerProvider, nativeSpans: "nested" });
    expect(getAnthropicNativeTelemetryState(client)).toBe("silenced");
    await client.messages.create({ ...request, model: "claude-x" });
    await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
  });

  it("with the SDK's tracing off (option or variable) there is nothing to switch off", async () => {
    const byOption = ctx.observed({}, Anthropic1, { openTelemetry: false });
    expect(getAnthropicNativeTelemetryState(byOption)).toBe("absent");
    expect(await spansPerCall(byOption, "native-off")).toEqual([1, 1, 1, 1, 1]);
    vi.stubEnv("ANTHROPIC_OPEN_TELEMETRY", "false");
    const byVariable = ctx.observed({}, Anthropic1);
    expect(getAnthropicNativeTelemetryState(byVariable)).toBe("absent");
    expect(await spansPerCall(byVariable, "native-env-off")).toEqual([1, 1, 1, 1, 1]);
  });

  it("0.137.0 traces natively too (since 0.134.0): silenced, one span per call", async () => {
    await ctx.raw(Anthropic0).messages.create({ ...request, model: "claude-x" });
    const [native] = await waitForSpans(ctx.telemetry, 1);
    expect(native?.instrumentationScope.name).toBe(SDK_SCOPE);
    const client = ctx.observed({}, Anthropic0);
    expect(getAnthropicNativeTelemetryState(client)).toBe("silenced");
    expect(await spansPerCall(client, "native-0137")).toEqual([1, 1, 1, 1, 1]);
  });

  it("0.133.0 emits no spans of its own: nothing to switch off, one span per call", async () => {
    const client = ctx.observed({}, Anthropic0133 as unknown as typeof Anthropic1);
    expect(getAnthropicNativeTelemetryState(client)).toBe("absent");
    expect(await spansPerCall(client, "native-0133")).toEqual([1, 1, 1, 1, 1]);
  });

  it('nativeSpans: "nested" keeps the SDK span as a child of Sightline\'s, and metrics still count once', async () => {
    const client = ctx.observed({ nativeSpans: "nested" }, Anthropic1);
    expect(getAnthropicNativeTelemetryState(client)).toBe("nested");
    ctx.server.enqueue({ usage: { inputTokens: 7, outputTokens: 1 } });
    await client.messages.create({ ...request, model: "native-nested" });
    const spans = await waitForSpans(ctx.telemetry, 2);
    const ours = spans.find((span) => span.instrumentationScope.name === "@sightline/anthropic");
    const theirs = spans.find((span) => span.instrumentationScope.name === SDK_SCOPE);
    expect(theirs?.parentSpanContext?.spanId).toBe(ours?.spanContext().spanId);
    expect(await inputTokenSamples("native-nested")).toEqual({ count: 1, sum: 7 });
  });
});

describe("silenceNativeTelemetry (core) never breaks the wrap", () => {
  it("reports nested when the switch throws or does not take", () => {
    const throwing = {
      sdkName: "x",
      isOn: () => true,
      turnOff: () => {
        throw new Error("frozen");
      },
    };
    expect(silenceNativeTelemetry({ client: {}, nativeSwitch: throwing })).toBe("nested");
    const stuck = { sdkName: "x", isOn: () => true, turnOff: () => undefined };
    expect(silenceNativeTelemetry({ client: {}, nativeSwitch: stuck })).toBe("nested");
  });
});

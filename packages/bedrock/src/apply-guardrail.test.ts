import { ApplyGuardrailCommand, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { readGuardrailPolicies } from "./guardrail/read-guardrail-policies.js";
import { settle, useBedrockTestContext, waitForSpans } from "./test-helpers.js";

const ctx = useBedrockTestContext();

/** The mock intervenes when a text block contains "forbidden". */
const applyGuardrail = (text: string, source: "INPUT" | "OUTPUT" = "INPUT") =>
  new ApplyGuardrailCommand({
    guardrailIdentifier: "gr-1",
    guardrailVersion: "1",
    source,
    content: [{ text: { text } }],
  });

describe("ApplyGuardrail", () => {
  it("NONE: an INTERNAL apply_guardrail span under the active span, with id, version, source and action", async () => {
    const client = ctx.observed();
    const tracer = ctx.telemetry.tracerProvider.getTracer("test");
    const output = await tracer.startActiveSpan("parent", async (parent) => {
      const result = await client.send(applyGuardrail("hello there"));
      parent.end();
      return result;
    });
    expect(output.action).toBe("NONE");
    const spans = await waitForSpans(ctx.telemetry, 2);
    const span = spans.find((candidate) => candidate.name === "apply_guardrail gr-1");
    const parent = spans.find((candidate) => candidate.name === "parent");
    expect(span?.kind).toBe(SpanKind.INTERNAL);
    expect(span?.parentSpanContext?.spanId).toBe(parent?.spanContext().spanId);
    expect(span?.attributes).toEqual({
      "aws.bedrock.guardrail.id": "gr-1",
      "aws.bedrock.guardrail.version": "1",
      "sightline.guardrail.source": "INPUT",
      "sightline.guardrail.action": "NONE",
    });
    expect(span?.events).toHaveLength(0);
    expect(span?.status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it("intervened: a sightline.guardrail event with the policies that fired, and no content by default", async () => {
    const output = await ctx.observed().send(applyGuardrail("tell me the forbidden thing", "OUTPUT"));
    expect(output.action).toBe("GUARDRAIL_INTERVENED");
    expect(output.outputs?.[0]?.text).toBeTruthy();
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes).toMatchObject({
      "sightline.guardrail.source": "OUTPUT",
      "sightline.guardrail.action": "GUARDRAIL_INTERVENED",
    });
    expect(span?.events.map((event) => [event.name, event.attributes])).toEqual([
      [
        "sightline.guardrail",
        {
          "sightline.guardrail.action": "GUARDRAIL_INTERVENED",
          "sightline.guardrail.policies": ["topicPolicy"],
        },
      ],
    ]);
    expect(JSON.stringify(span?.attributes)).not.toContain("forbidden");
    expect(JSON.stringify(span?.events)).not.toContain("forbidden");
  });

  it("with content capture on, records the content checked and the guardrail's outputs", async () => {
    await ctx.observed({ captureContent: true }).send(applyGuardrail("the forbidden topic"));
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(String(span?.attributes["sightline.guardrail.content"])).toContain("the forbidden topic");
    expect(String(span?.attributes["sightline.guardrail.outputs"])).toContain("Sorry");
  });

  it("an error is rethrown unchanged and marks the span", async () => {
    ctx.server.enqueue({ status: 400 });
    const raw = await ctx
      .raw()
      .send(applyGuardrail("hello"))
      .catch((caught: unknown) => caught);
    ctx.server.enqueue({ status: 400 });
    const error = await ctx
      .observed()
      .send(applyGuardrail("hello"))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("ValidationException");
    expect((error as Error).constructor).toBe((raw as Error).constructor);
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.name).toBe("apply_guardrail gr-1");
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes["error.type"]).toBe("ValidationException");
    expect(span?.attributes["sightline.guardrail.action"]).toBeUndefined();
  });

  it("is not a model call: no gen_ai.operation.name, no token or duration metrics, no cost", async () => {
    const client = ctx.observed();
    await client.send(applyGuardrail("hello"));
    await client.send(applyGuardrail("forbidden"));
    await settle();
    const spans = await waitForSpans(ctx.telemetry, 2);
    for (const span of spans) {
      const keys = Object.keys(span.attributes);
      expect(keys.filter((key) => key.startsWith("gen_ai.") || key.startsWith("sightline.cost"))).toEqual([]);
    }
    expect(await ctx.telemetry.metricPoints("gen_ai.client.operation.duration")).toEqual([]);
    expect(await ctx.telemetry.metricPoints("gen_ai.client.token.usage")).toEqual([]);
    const names = (await ctx.telemetry.collectMetrics()).map((metric) => metric.descriptor.name);
    expect(names.filter((name) => name.startsWith("gen_ai.") || name.startsWith("sightline."))).toEqual([]);
    // The same client's model calls still count, so the metrics above are really recorded.
    await client.send(
      new ConverseCommand({
        modelId: "anthropic.claude-haiku-4-5-20251001-v1:0",
        messages: [{ role: "user", content: [{ text: "hi" }] }],
      }),
    );
    await waitForSpans(ctx.telemetry, 3);
    expect(await ctx.telemetry.metricPoints("gen_ai.client.operation.duration")).toHaveLength(1);
  });
});

describe("readGuardrailPolicies", () => {
  it("lists the policies with an acted-on finding, once each, in order", () => {
    expect(
      readGuardrailPolicies([
        {
          topicPolicy: { topics: [{ name: "t", action: "NONE" }] },
          contentPolicy: { filters: [{ type: "VIOLENCE", action: "BLOCKED" }] },
          sensitiveInformationPolicy: { piEntities: [{ type: "EMAIL", action: "ANONYMIZED" }], regexes: [] },
          invocationMetrics: { usage: { topicPolicyUnits: 1 } },
        },
        { contentPolicy: { filters: [{ type: "HATE", action: "BLOCKED" }] } },
      ]),
    ).toEqual(["contentPolicy", "sensitiveInformationPolicy"]);
  });

  it("falls back to policies with findings when none has an action, and reads odd input as none", () => {
    expect(readGuardrailPolicies([{ automatedReasoningPolicy: { findings: [{ valid: {} }] } }])).toEqual([
      "automatedReasoningPolicy",
    ]);
    expect(readGuardrailPolicies(undefined)).toEqual([]);
    expect(readGuardrailPolicies([null, "x", { topicPolicy: null }])).toEqual([]);
  });
});

import { expect } from "vitest";
import { waitForSpans } from "../use-mock-llm-context.js";
import { drainStream } from "./drain-stream.js";
import { registerCase } from "./register-case.js";
import type { ConformanceContext } from "./use-conformance-context.js";

/** Registers the cases that check the wrapped client is the SDK's own: same objects, same helpers. */
export function registerTransparencyCases(ctx: ConformanceContext): void {
  const { adapter } = ctx;

  registerCase(
    ctx,
    "returns the same client object, and a call gives the SDK's own promise and result types",
    async () => {
      const raw = ctx.raw();
      const observed = adapter.wrap(raw, {
        tracerProvider: ctx.telemetry.tracerProvider,
        meterProvider: ctx.telemetry.meterProvider,
      });
      expect(observed).toBe(raw);
      ctx.server.enqueue({ text: "same answer" }, { text: "same answer" });
      const model = ctx.uniqueModel("types");
      const rawPromise = adapter.call(ctx.raw(), { model, prompt: "hi" });
      const observedPromise = adapter.call(observed, { model, prompt: "hi" });
      // Same prototype: the SDK's own promise class with all its extra methods (withResponse(), …).
      expect(Object.getPrototypeOf(observedPromise)).toBe(Object.getPrototypeOf(rawPromise));
      const [rawResult, observedResult] = await Promise.all([rawPromise, observedPromise]);
      expect(Object.getPrototypeOf(observedResult)).toBe(Object.getPrototypeOf(rawResult));
      expect(adapter.resultText(observedResult)).toBe("same answer");
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(span?.attributes["gen_ai.response.id"]).toBe(adapter.responseId(observedResult));
    },
  );

  registerCase(ctx, "returns something that is not a client unchanged, without throwing", () => {
    for (const value of [null, undefined, {}]) {
      expect(
        adapter.wrap(value as never, {
          tracerProvider: ctx.telemetry.tracerProvider,
          meterProvider: ctx.telemetry.meterProvider,
        }),
      ).toBe(value);
    }
  });

  if (adapter.streamWithResponse) {
    const streamWithResponse = adapter.streamWithResponse;
    registerCase(
      ctx,
      "withResponse() on a streaming call gives the stream and the raw response",
      async () => {
        const { data, response } = await streamWithResponse(ctx.observed(), {
          model: ctx.uniqueModel("with-response"),
          prompt: "hi",
        });
        expect(response.status).toBe(200);
        const drained = await drainStream(data, { chunkText: adapter.chunkText });
        expect(drained.text).toBe("Hello from the Sightline mock.");
        const [span] = await waitForSpans(ctx.telemetry, 1);
        expect(span?.attributes["sightline.stream.outcome"]).toBe("completed");
      },
    );
  }

  if (adapter.asResponse) {
    const asResponse = adapter.asResponse;
    registerCase(
      ctx,
      "asResponse() leaves the body unread for the caller and still ends the span",
      async () => {
        const response = await asResponse(ctx.observed({ abandonedAfterMs: 30 }), {
          model: ctx.uniqueModel("as-response"),
          prompt: "hi",
        });
        expect(response.bodyUsed).toBe(false);
        expect(await response.json()).toBeTypeOf("object");
        const [span] = await waitForSpans(ctx.telemetry, 1);
        expect(span?.attributes["sightline.response.read"]).toBe(false);
        expect(span?.attributes["http.response.status_code"]).toBe(200);
      },
    );
  }

  registerCase(
    ctx,
    "withContext puts conversation, user and feature on the span, and only low-cardinality ones on metrics",
    async () => {
      const client = ctx.observed();
      const model = ctx.uniqueModel("context");
      await adapter.core.withContext({ conversationId: "conv-1", userId: "user-9", tenantId: "acme" }, () =>
        adapter.core.withContext({ feature: "support-reply", promptId: "reply-v2" }, () =>
          adapter.call(client, { model, prompt: "hi" }),
        ),
      );
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(span?.attributes).toMatchObject({
        "gen_ai.conversation.id": "conv-1",
        "user.id": "user-9",
        "sightline.tenant.id": "acme",
        "sightline.feature": "support-reply",
        "sightline.prompt.id": "reply-v2",
      });
      const points = (await ctx.telemetry.metricPoints("gen_ai.client.operation.duration")).filter(
        (point) => point.attributes["gen_ai.request.model"] === model,
      );
      expect(points).toHaveLength(1);
      expect(points[0]?.attributes["sightline.feature"]).toBe("support-reply");
      expect(points[0]?.attributes["user.id"]).toBeUndefined();
      expect(points[0]?.attributes["sightline.tenant.id"]).toBeUndefined();
    },
  );
}

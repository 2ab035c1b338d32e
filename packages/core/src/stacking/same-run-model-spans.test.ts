import { context, SpanKind, trace } from "@opentelemetry/api";
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { describe, expect, it } from "vitest";
import { createSightlineSpanProcessor } from "./create-sightline-span-processor.js";
import {
  noteSightlineOperationStarted,
  takeForeignModelSpanStartedThisRun,
  takeSightlineOperationStartedThisRun,
} from "./same-run-model-spans.js";

function createProvider() {
  const exporter = new InMemorySpanExporter();
  const processor = createSightlineSpanProcessor({ cost: false, drift: false, metrics: false });
  const provider = new TracerProvider({
    spanProcessors: [processor as unknown as SpanProcessor, new SimpleSpanProcessor({ exporter })],
  });
  return { provider, exporter, tracer: provider.getTracer("@ai-sdk/otel") };
}

const embeddings = (model: string) => ({
  kind: SpanKind.CLIENT,
  attributes: { "gen_ai.operation.name": "embeddings", "gen_ai.request.model": model },
});

describe("model-call spans started by event hooks in the same synchronous run", () => {
  it("hands another tool's span to a Sightline hook that runs next, once, for the same kind and model", () => {
    const { tracer } = createProvider();
    const span = tracer.startSpan("embeddings text-embedding-3-small", embeddings("text-embedding-3-small"));
    expect(takeForeignModelSpanStartedThisRun("chat", "text-embedding-3-small")).toBeUndefined();
    expect(takeForeignModelSpanStartedThisRun("embeddings", "other-model")).toBeUndefined();
    expect(takeForeignModelSpanStartedThisRun("embeddings", "openai/text-embedding-3-small")).toBe(span);
    expect(takeForeignModelSpanStartedThisRun("embeddings", "text-embedding-3-small")).toBeUndefined();
    span.end();
  });

  it("forgets the span once the run's microtasks have drained: a later call never meets it", async () => {
    const { tracer } = createProvider();
    const span = tracer.startSpan("chat gpt-4o", {
      kind: SpanKind.CLIENT,
      attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o" },
    });
    await Promise.resolve();
    expect(takeForeignModelSpanStartedThisRun("chat", "gpt-4o")).toBeUndefined();
    span.end();
  });

  it("hides another tool's span that starts just after a Sightline hook started the same call", () => {
    const { tracer, exporter } = createProvider();
    const mark = { operation: "embeddings", spanId: "00f067aa0ba902b7" };
    noteSightlineOperationStarted(mark, "text-embedding-3-small");
    const twin = tracer.startSpan("embeddings text-embedding-3-small", embeddings("text-embedding-3-small"));
    twin.end();
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    expect(mark).toMatchObject({ foreignScope: "@ai-sdk/otel" });
    expect(takeSightlineOperationStartedThisRun("embeddings", "text-embedding-3-small")).toBeUndefined();
  });

  it("marks a span naming a model call with a call of the same kind under it as a roll-up", () => {
    const { tracer, exporter } = createProvider();
    const outer = tracer.startSpan("embeddings text-embedding-3-small", embeddings("text-embedding-3-small"));
    const inner = tracer.startSpan(
      "embeddings text-embedding-3-small",
      embeddings("text-embedding-3-small"),
      trace.setSpan(context.active(), outer),
    );
    inner.end();
    outer.end();
    const [innerSpan, outerSpan] = exporter.getFinishedSpans();
    expect(innerSpan?.attributes["sightline.rollup"]).toBeUndefined();
    expect(outerSpan?.attributes["sightline.rollup"]).toBe(true);
  });
});

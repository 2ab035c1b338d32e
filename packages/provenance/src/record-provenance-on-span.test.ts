import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { expect, it } from "vitest";
import { generateSigningKey } from "./generate-signing-key.js";
import { recordProvenanceOnSpan } from "./record-provenance-on-span.js";
import { sign } from "./sign.js";

it("works with a real OpenTelemetry span: digest and key id, no key material, no content", async () => {
  const exporter = new InMemorySpanExporter();
  const tracer = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }).getTracer(
    "app",
  );
  const key = await generateSigningKey({ keyId: "k1" });
  const span = tracer.startSpan("POST /answer");
  const record = await sign({
    content: "the answer",
    model: "gpt-4o",
    provider: "openai",
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    key,
  });
  recordProvenanceOnSpan(span, record);
  span.end();
  const [exported] = exporter.getFinishedSpans();
  expect(exported?.attributes).toEqual({
    "sightline.provenance.digest": record.digest,
    "sightline.provenance.key_id": "k1",
  });
  expect(JSON.stringify(exported?.attributes)).not.toContain(record.sig);
});

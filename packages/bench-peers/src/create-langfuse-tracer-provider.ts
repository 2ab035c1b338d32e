import { LangfuseSpanProcessor } from "@langfuse/otel";
import { setLangfuseTracerProvider } from "@langfuse/tracing";
import { BasicTracerProvider, type SpanExporter } from "@opentelemetry/sdk-trace-base";

/**
 * The tracer provider Langfuse's docs set up (OTel sdk-trace-base 2.x, the line @langfuse/otel declares),
 * with its `LangfuseSpanProcessor` in the default batched mode and our exporter in place of its OTLP one;
 * registered as Langfuse's isolated provider so no global is touched. Keys are placeholders: nothing is sent.
 */
export function createLangfuseTracerProvider(exporter: unknown): { dispose: () => Promise<void> } {
  const processor = new LangfuseSpanProcessor({
    exporter: exporter as SpanExporter,
    publicKey: "pk-lf-bench",
    secretKey: "sk-lf-bench",
    baseUrl: "http://127.0.0.1:9",
  });
  const provider = new BasicTracerProvider({ spanProcessors: [processor] });
  setLangfuseTracerProvider(provider);
  return {
    // Flushed, not shut down: shutting down would shut the exporter, which belongs to the caller.
    dispose: async () => {
      await provider.forceFlush();
      setLangfuseTracerProvider(null);
    },
  };
}

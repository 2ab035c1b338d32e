import { trace } from "@opentelemetry/api";
import { init } from "@sightline/node";
import { observeOpenAI } from "@sightline/openai";
import { startMockLLMServer } from "@sightline/testing";
import OpenAI from "openai";

// One call sets up export: OTLP/HTTP to Jaeger's 4318 (OTEL_EXPORTER_OTLP_ENDPOINT overrides it, e.g.
// http://jaeger:4318 inside compose). Jaeger stores traces only, so metrics stay off and init says so once.
const telemetry = init({
  serviceName: process.env.OTEL_SERVICE_NAME ?? "sightline-jaeger-example",
  exporter: "jaeger",
});

// Without OPENAI_API_KEY the calls go to the local mock LLM server, so the example runs anywhere.
const mock = process.env.OPENAI_API_KEY ? undefined : await startMockLLMServer();
const openai = observeOpenAI(
  new OpenAI({
    apiKey: process.env.OPENAI_API_KEY ?? "mock",
    ...(mock ? { baseURL: mock.openaiBaseURL } : {}),
  }),
  // The mock stands in for api.openai.com; on its loopback address the provider would be `openai_compatible`.
  mock ? { providerName: "openai" } : {},
);

await trace.getTracer("jaeger-example").startActiveSpan("answer support ticket", async (span) => {
  await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "Summarise: my parcel arrived damaged." }],
  });
  const stream = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "Draft a short apology." }],
    stream: true,
    stream_options: { include_usage: true },
  });
  for await (const _chunk of stream) {
    // read the stream; the span ends with it
  }
  await openai.embeddings.create({ model: "text-embedding-3-small", input: "damaged parcel" });
  span.end();
});

await telemetry.shutdown();
await mock?.close();
console.log(`sent traces: ${telemetry.description.join(", ")}; open http://localhost:16686`);

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
// What the README asks you to find, scripted on the mock in call order: a dated snapshot behind the name
// `gpt-4o-mini`, a slow call, a rate limit, and then a new snapshot (a `sightline.model_change` event).
// Against the real provider the answers are whatever OpenAI sends.
const DATED_MODEL = "gpt-4o-mini-2024-07-18";
mock?.enqueue(
  { model: DATED_MODEL },
  { model: DATED_MODEL, chunks: 6 },
  {},
  { model: DATED_MODEL, delayMs: 1_200 },
  { status: 429 },
  { model: "gpt-4o-mini-2026-09-01", systemFingerprint: "fp_9b1e2c" },
);
const openai = observeOpenAI(
  // No retries, so the rate limit reaches the app (and its span) instead of being retried away.
  new OpenAI({
    apiKey: process.env.OPENAI_API_KEY ?? "mock",
    maxRetries: 0,
    ...(mock ? { baseURL: mock.openaiBaseURL } : {}),
  }),
  // The mock stands in for api.openai.com; on its loopback address the provider would be `openai_compatible`.
  mock ? { providerName: "openai" } : {},
);
const ask = (content: string) =>
  openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content }] });

await trace.getTracer("jaeger-example").startActiveSpan("answer support ticket", async (span) => {
  await ask("Summarise: my parcel arrived damaged.");
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
  await ask("Find the order history for this customer.");
  try {
    await ask("Suggest a goodwill voucher.");
  } catch (error) {
    // The SDK's own error reaches the app unchanged; the span records it with error status.
    console.log(`the app caught ${(error as Error).constructor.name}`);
  }
  await ask("Write the reply to the customer.");
  span.end();
});

await telemetry.shutdown();
await mock?.close();
console.log(`sent traces: ${telemetry.description.join(", ")}; open http://localhost:16686`);

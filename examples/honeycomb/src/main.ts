import { init } from "@sightline/node";
import { observeOpenAI } from "@sightline/openai";
import { startMockLLMServer } from "@sightline/testing";
import OpenAI from "openai";

// Reads HONEYCOMB_API_KEY, OTEL_SERVICE_NAME, HONEYCOMB_METRICS_DATASET and HONEYCOMB_API_ENDPOINT from the
// environment; without a key it throws one clear error before anything starts.
const telemetry = init({ exporter: "honeycomb", metricExportIntervalMs: 10_000 });

const mock = process.env.OPENAI_API_KEY ? undefined : await startMockLLMServer();
const openai = observeOpenAI(
  new OpenAI({
    apiKey: process.env.OPENAI_API_KEY || "mock",
    ...(mock ? { baseURL: mock.openaiBaseURL } : {}),
  }),
  // The mock stands in for api.openai.com; on its loopback address the provider would be `openai_compatible`.
  mock ? { providerName: "openai" } : {},
);

const questions = ["Where is my parcel?", "Can I change my address?", "How do refunds work?"];
for (const question of questions) {
  const stream = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: question }],
    stream: true,
    stream_options: { include_usage: true },
  });
  for await (const _chunk of stream) {
    // read to the end
  }
}

await telemetry.shutdown();
await mock?.close();
console.log(`sent: ${telemetry.description.join(", ")}`);

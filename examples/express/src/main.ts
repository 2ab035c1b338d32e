import { startTelemetry } from "./start-telemetry.js";

// Telemetry first: the HTTP instrumentation can only patch `node:http` for modules loaded after it.
const telemetry = startTelemetry();
const { observeOpenAI } = await import("@sightline/openai");
const { default: OpenAI } = await import("openai");
const { createApp } = await import("./create-app.js");
const { startMockLLMServer } = await import("@sightline/testing");

// Without OPENAI_API_KEY the service answers from the local mock LLM server.
const mock = process.env.OPENAI_API_KEY ? undefined : await startMockLLMServer();
const openai = observeOpenAI(
  new OpenAI({
    apiKey: process.env.OPENAI_API_KEY ?? "mock",
    ...(mock ? { baseURL: mock.openaiBaseURL } : {}),
  }),
  // The mock stands in for api.openai.com; on its loopback address the provider would be `openai_compatible`.
  mock ? { providerName: "openai" } : {},
);
const port = Number(process.env.PORT ?? 3000);
const server = createApp({ openai }).listen(port, "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${port}; try:`);
  console.log(
    `  curl -s localhost:${port}/ask -H 'content-type: application/json' -d '{"question":"Where is my parcel?"}'`,
  );
});

process.once("SIGINT", async () => {
  server.close();
  await mock?.close();
  await telemetry.shutdown();
});

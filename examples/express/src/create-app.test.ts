import type { AddressInfo } from "node:net";
import { type OtlpCaptureReceiver, startMockLLMServer, startOtlpCaptureReceiver } from "@sightline/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTelemetry } from "./start-telemetry.js";

let receiver: OtlpCaptureReceiver;
beforeAll(async () => {
  receiver = await startOtlpCaptureReceiver();
});
afterAll(async () => {
  await receiver.close();
});

it("each request's LLM calls nest under the request span of the HTTP instrumentation", async () => {
  const telemetry = startTelemetry({ endpoint: receiver.url, metrics: "none", flushOnExit: false, env: {} });
  // Loaded after init, as in main.ts, so the HTTP instrumentation sees express load node:http.
  const { createApp } = await import("./create-app.js");
  const { observeOpenAI } = await import("@sightline/openai");
  const { default: OpenAI } = await import("openai");
  const mock = await startMockLLMServer();
  const openai = observeOpenAI(new OpenAI({ apiKey: "test", baseURL: mock.openaiBaseURL, maxRetries: 0 }), {
    providerName: "openai",
  });
  const server = createApp({ openai }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;

  const response = await fetch(`http://127.0.0.1:${port}/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question: "Where is my parcel?" }),
  });
  expect(response.status).toBe(200);
  server.close();
  await telemetry.shutdown();
  await mock.close();

  const spans = receiver.spans();
  const requestSpan = spans.find((span) => span.name === "POST /ask");
  expect(requestSpan?.kind).toBe(2); // server
  const chats = spans.filter((span) => span.name === "chat gpt-4o-mini");
  expect(chats).toHaveLength(2);
  for (const chat of chats) {
    expect(chat.traceId).toBe(requestSpan?.traceId);
    expect(chat.parentSpanId).toBe(requestSpan?.spanId);
  }
  expect(requestSpan?.resource["service.name"]).toBe("sightline-express-example");
});

/**
 * One OpenAI call inside `withContext`, exported by `@sightline/edge`, then `flush()`: what a Bun server or a
 * Deno Deploy handler does per request. Prints a JSON line the test reads; run by `bun` and `deno` as is.
 */
import { getSightlineContext, withContext } from "@sightline/core";
import { init } from "@sightline/edge";
import { observeOpenAI } from "@sightline/openai";
import OpenAI from "openai";

const runtimeName = "Deno" in globalThis ? "deno" : "Bun" in globalThis ? "bun" : "other";
const telemetry = init({ serviceName: `edge-runtimes-${runtimeName}` }); // reads OTEL_EXPORTER_OTLP_ENDPOINT
const openai = observeOpenAI(
  new OpenAI({ apiKey: "not-needed-for-the-mock", baseURL: process.env.OPENAI_BASE_URL, maxRetries: 0 }),
);

const result = await withContext({ feature: "edge-runtimes", tenantId: runtimeName }, async () => {
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "Say hello" }],
  });
  return { answer: completion.choices[0]?.message.content ?? "", contextAfterAwait: getSightlineContext() };
});
await telemetry.flush();
console.log(
  JSON.stringify({ runtime: runtimeName, contextPropagation: telemetry.contextPropagation, ...result }),
);

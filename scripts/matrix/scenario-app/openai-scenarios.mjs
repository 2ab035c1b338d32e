// The OpenAI wrapper's scenarios: chat, streamed chat, embeddings, an API error and withContext, each
// against its own mock server, checking what the app gets and the span Sightline recorded.
import { withContext } from "@sightline/core";
import { observeOpenAI } from "@sightline/openai";
import OpenAI from "openai";
import { catchError, checkSameError } from "./check-same-error.mjs";
import { checkSpan, usageAttributes } from "./check-span.mjs";
import { ANSWER, CONTEXT_VALUES, ERROR_STATUS, USAGE } from "./mock-scripts.mjs";
import { expectEqual, runScenario as runOneScenario } from "./run-scenario.mjs";

const CHAT_MODEL = "gpt-4o-mini";
const EMBEDDINGS_MODEL = "text-embedding-3-small";
const messages = [{ role: "user", content: "Say hello." }];

/** Runs every OpenAI scenario; `mockUrls` maps scenario name → its mock server's URL. */
export async function runOpenAIScenarios({ mockUrls, recorder }) {
  const raw = (name) => new OpenAI({ apiKey: "test-key", baseURL: `${mockUrls[name]}/v1`, maxRetries: 0 });
  // The mock stands in for api.openai.com: on loopback it would be reported as openai_compatible.
  const wrapped = (name) =>
    observeOpenAI(raw(name), { providerName: "openai", tracerProvider: recorder.tracerProvider });
  const runScenario = (name, body) => runOneScenario(name, body, { before: recorder.forgetSpans });
  const chatAttributes = {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "openai",
    "gen_ai.request.model": CHAT_MODEL,
  };

  await runScenario("openai chat", async (expect) => {
    const response = await wrapped("openai chat").chat.completions.create({ model: CHAT_MODEL, messages });
    expectEqual(expect, "answer text", response.choices[0]?.message.content, ANSWER);
    expectEqual(expect, "SDK usage", response.usage?.prompt_tokens, USAGE.inputTokens);
    checkSpan(expect, await recorder.takeSpans(), {
      name: `chat ${CHAT_MODEL}`,
      attributes: { ...chatAttributes, "gen_ai.response.model": response.model, ...usageAttributes(USAGE) },
    });
  });

  await runScenario("openai streamed chat", async (expect) => {
    const stream = await wrapped("openai streamed chat").chat.completions.create({
      model: CHAT_MODEL,
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const text = chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? "").join("");
    expectEqual(expect, "streamed text joins back to the answer", text, ANSWER);
    expect("several chunks", chunks.length > 2, chunks.length);
    expect(
      "every chunk is an intact chat.completion.chunk",
      chunks.every((chunk) => chunk.object === "chat.completion.chunk" && Array.isArray(chunk.choices)),
      chunks.map((chunk) => chunk.object),
    );
    expectEqual(expect, "usage chunk", chunks.at(-1)?.usage?.completion_tokens, USAGE.outputTokens);
    checkSpan(expect, await recorder.takeSpans(), {
      name: `chat ${CHAT_MODEL}`,
      attributes: { ...chatAttributes, "gen_ai.response.model": chunks[0]?.model, ...usageAttributes(USAGE) },
    });
  });

  await runScenario("openai embeddings", async (expect) => {
    const response = await wrapped("openai embeddings").embeddings.create({
      model: EMBEDDINGS_MODEL,
      input: ["first text", "second text"],
    });
    expectEqual(expect, "one embedding per input", response.data.length, 2);
    const dimensions = response.data[0]?.embedding.length;
    expect(
      "embedding is a vector of numbers",
      dimensions > 0 && typeof response.data[0].embedding[0] === "number",
    );
    checkSpan(expect, await recorder.takeSpans(), {
      name: `embeddings ${EMBEDDINGS_MODEL}`,
      attributes: {
        "gen_ai.operation.name": "embeddings",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": EMBEDDINGS_MODEL,
        "gen_ai.embeddings.dimension.count": dimensions,
        "gen_ai.usage.input_tokens": response.usage.prompt_tokens,
      },
    });
  });

  await runScenario("openai API error", async (expect) => {
    const request = { model: CHAT_MODEL, messages };
    const rawError = await catchError(() => raw("openai API error").chat.completions.create(request));
    const wrappedError = await catchError(() => wrapped("openai API error").chat.completions.create(request));
    checkSameError(expect, { raw: rawError, wrapped: wrappedError, status: ERROR_STATUS });
    checkSpan(expect, await recorder.takeSpans(), {
      name: `chat ${CHAT_MODEL}`,
      attributes: { ...chatAttributes, "http.response.status_code": ERROR_STATUS },
      errorType: wrappedError?.constructor?.name,
    });
  });

  await runScenario("openai withContext", async (expect) => {
    const client = wrapped("openai withContext");
    // A streamed call: the values must survive the awaits between the request and the last chunk.
    const text = await withContext(CONTEXT_VALUES, async () => {
      const stream = await client.chat.completions.create({ model: CHAT_MODEL, messages, stream: true });
      let joined = "";
      for await (const chunk of stream) joined += chunk.choices[0]?.delta?.content ?? "";
      return joined;
    });
    expectEqual(expect, "streamed text joins back to the answer", text, ANSWER);
    checkSpan(expect, await recorder.takeSpans(), {
      name: `chat ${CHAT_MODEL}`,
      attributes: {
        ...chatAttributes,
        "sightline.feature": CONTEXT_VALUES.feature,
        "gen_ai.conversation.id": CONTEXT_VALUES.conversationId,
      },
    });
  });
}

// The Google GenAI wrapper's scenarios: generateContent, generateContentStream, embedContent, an API
// error and withContext, each against its own mock server, checking what the app gets and the span.
import * as genai from "@google/genai";
import { withContext } from "@sightline/core";
import { observeGoogleGenAI } from "@sightline/google-genai";
import { catchError, checkSameError } from "./check-same-error.mjs";
import { checkSpan, usageAttributes } from "./check-span.mjs";
import { ANSWER, CONTEXT_VALUES, ERROR_STATUS, USAGE } from "./mock-scripts.mjs";
import { expectEqual, runScenario as runOneScenario } from "./run-scenario.mjs";

const MODEL = "gemini-2.5-flash";
const EMBEDDINGS_MODEL = "text-embedding-004";
const request = { model: MODEL, contents: "Say hello." };

/** Runs every Google GenAI scenario; `mockUrls` maps scenario name → its mock server's URL. */
export async function runGoogleGenAIScenarios({ mockUrls, recorder }) {
  const raw = (name) =>
    new genai.GoogleGenAI({ apiKey: "test-key", httpOptions: { baseUrl: mockUrls[name] } });
  const wrapped = (name) => observeGoogleGenAI(raw(name), { tracerProvider: recorder.tracerProvider });
  const runScenario = (name, body) => runOneScenario(name, body, { before: recorder.forgetSpans });
  const generateAttributes = {
    "gen_ai.operation.name": "generate_content",
    "gen_ai.provider.name": "gcp.gemini",
    "gen_ai.request.model": MODEL,
  };

  await runScenario("google-genai chat", async (expect) => {
    const response = await wrapped("google-genai chat").models.generateContent(request);
    expectEqual(expect, "answer text", response.text, ANSWER);
    expectEqual(expect, "SDK usage", response.usageMetadata?.promptTokenCount, USAGE.inputTokens);
    checkSpan(expect, await recorder.takeSpans(), {
      name: `generate_content ${MODEL}`,
      attributes: { ...generateAttributes, ...usageAttributes(USAGE) },
    });
  });

  await runScenario("google-genai streamed chat", async (expect) => {
    const stream = await wrapped("google-genai streamed chat").models.generateContentStream(request);
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expectEqual(
      expect,
      "streamed text joins back to the answer",
      chunks.map((chunk) => chunk.text ?? "").join(""),
      ANSWER,
    );
    expect("several chunks", chunks.length > 1, chunks.length);
    expect(
      "every chunk is an intact response with candidates",
      chunks.every((chunk) => Array.isArray(chunk.candidates)),
      chunks.map((chunk) => Object.keys(chunk)),
    );
    checkSpan(expect, await recorder.takeSpans(), {
      name: `generate_content ${MODEL}`,
      attributes: { ...generateAttributes, ...usageAttributes(USAGE) },
    });
  });

  await runScenario("google-genai embeddings", async (expect) => {
    const response = await wrapped("google-genai embeddings").models.embedContent({
      model: EMBEDDINGS_MODEL,
      contents: ["first text", "second text"],
      config: { outputDimensionality: 16 },
    });
    expectEqual(expect, "one embedding per input", response.embeddings?.length, 2);
    expectEqual(expect, "vector length", response.embeddings?.[0]?.values?.length, 16);
    checkSpan(expect, await recorder.takeSpans(), {
      name: `embeddings ${EMBEDDINGS_MODEL}`,
      attributes: {
        "gen_ai.operation.name": "embeddings",
        "gen_ai.provider.name": "gcp.gemini",
        "gen_ai.request.model": EMBEDDINGS_MODEL,
        "gen_ai.embeddings.dimension.count": 16,
      },
    });
  });

  await runScenario("google-genai API error", async (expect) => {
    const rawError = await catchError(() => raw("google-genai API error").models.generateContent(request));
    const wrappedError = await catchError(() =>
      wrapped("google-genai API error").models.generateContent(request),
    );
    // Early 1.x releases throw a ClientError without the HTTP status (ApiError, with `status`, came
    // later): there is then no status for the app or the span to see.
    const status = typeof genai.ApiError === "function" ? ERROR_STATUS : undefined;
    checkSameError(expect, { raw: rawError, wrapped: wrappedError, status });
    checkSpan(expect, await recorder.takeSpans(), {
      name: `generate_content ${MODEL}`,
      attributes: { ...generateAttributes, "http.response.status_code": status },
      errorType: wrappedError?.constructor?.name,
    });
  });

  await runScenario("google-genai withContext", async (expect) => {
    const client = wrapped("google-genai withContext");
    const text = await withContext(CONTEXT_VALUES, async () => {
      let joined = "";
      for await (const chunk of await client.models.generateContentStream(request))
        joined += chunk.text ?? "";
      return joined;
    });
    expectEqual(expect, "streamed text joins back to the answer", text, ANSWER);
    checkSpan(expect, await recorder.takeSpans(), {
      name: `generate_content ${MODEL}`,
      attributes: {
        ...generateAttributes,
        "sightline.feature": CONTEXT_VALUES.feature,
        "gen_ai.conversation.id": CONTEXT_VALUES.conversationId,
      },
    });
  });
}

// The Anthropic wrapper's scenarios: chat, streamed chat, an API error and withContext (the SDK has no
// embeddings), each against its own mock server, checking what the app gets and the recorded span.
import Anthropic from "@anthropic-ai/sdk";
import { observeAnthropic } from "@sightline/anthropic";
import { withContext } from "@sightline/core";
import { catchError, checkSameError } from "./check-same-error.mjs";
import { checkSpan, usageAttributes } from "./check-span.mjs";
import { ANSWER, CONTEXT_VALUES, ERROR_STATUS, USAGE } from "./mock-scripts.mjs";
import { expectEqual, runScenario as runOneScenario } from "./run-scenario.mjs";

const MODEL = "claude-matrix-test";
const request = { model: MODEL, max_tokens: 64, messages: [{ role: "user", content: "Say hello." }] };

/** The text of a stream's text deltas, joined. */
function joinTextDeltas(events) {
  return events
    .filter((event) => event.type === "content_block_delta" && event.delta.type === "text_delta")
    .map((event) => event.delta.text)
    .join("");
}

/** Runs every Anthropic scenario; `mockUrls` maps scenario name → its mock server's URL. */
export async function runAnthropicScenarios({ mockUrls, recorder }) {
  const raw = (name) => new Anthropic({ apiKey: "test-key", baseURL: mockUrls[name], maxRetries: 0 });
  const wrapped = (name) => observeAnthropic(raw(name), { tracerProvider: recorder.tracerProvider });
  const runScenario = (name, body) => runOneScenario(name, body, { before: recorder.forgetSpans });
  const chatAttributes = {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": "anthropic",
    "gen_ai.request.model": MODEL,
  };

  await runScenario("anthropic chat", async (expect) => {
    const message = await wrapped("anthropic chat").messages.create(request);
    expectEqual(expect, "answer text", message.content[0]?.text, ANSWER);
    expectEqual(expect, "SDK usage", message.usage.output_tokens, USAGE.outputTokens);
    checkSpan(expect, await recorder.takeSpans(), {
      name: `chat ${MODEL}`,
      attributes: { ...chatAttributes, "gen_ai.response.model": message.model, ...usageAttributes(USAGE) },
    });
  });

  await runScenario("anthropic streamed chat", async (expect) => {
    const stream = await wrapped("anthropic streamed chat").messages.create({ ...request, stream: true });
    const events = [];
    for await (const event of stream) events.push(event);
    expectEqual(expect, "streamed text joins back to the answer", joinTextDeltas(events), ANSWER);
    expectEqual(expect, "first event", events[0]?.type, "message_start");
    expectEqual(expect, "last event", events.at(-1)?.type, "message_stop");
    expect("several text deltas", events.filter((event) => event.type === "content_block_delta").length > 1);
    checkSpan(expect, await recorder.takeSpans(), {
      name: `chat ${MODEL}`,
      attributes: {
        ...chatAttributes,
        "gen_ai.response.model": events[0]?.message?.model,
        ...usageAttributes(USAGE),
      },
    });
  });

  await runScenario("anthropic API error", async (expect) => {
    const rawError = await catchError(() => raw("anthropic API error").messages.create(request));
    const wrappedError = await catchError(() => wrapped("anthropic API error").messages.create(request));
    checkSameError(expect, { raw: rawError, wrapped: wrappedError, status: ERROR_STATUS });
    checkSpan(expect, await recorder.takeSpans(), {
      name: `chat ${MODEL}`,
      attributes: { ...chatAttributes, "http.response.status_code": ERROR_STATUS },
      errorType: wrappedError?.constructor?.name,
    });
  });

  await runScenario("anthropic withContext", async (expect) => {
    const client = wrapped("anthropic withContext");
    const events = await withContext(CONTEXT_VALUES, async () => {
      const collected = [];
      for await (const event of await client.messages.create({ ...request, stream: true }))
        collected.push(event);
      return collected;
    });
    expectEqual(expect, "streamed text joins back to the answer", joinTextDeltas(events), ANSWER);
    checkSpan(expect, await recorder.takeSpans(), {
      name: `chat ${MODEL}`,
      attributes: {
        ...chatAttributes,
        "sightline.feature": CONTEXT_VALUES.feature,
        "gen_ai.conversation.id": CONTEXT_VALUES.conversationId,
      },
    });
  });
}

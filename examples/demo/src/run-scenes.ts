import { withContext } from "@sightline/core";
import { runConversationScene } from "./run-conversation-scene.js";
import { runDriftScene } from "./run-drift-scene.js";
import { inSceneSpan, MODEL, type SceneContext } from "./scene-context.js";

/** Calls before the mock's model quietly changes, and after. */
const CALLS_BEFORE_CHANGE = 8;
const CALLS_AFTER_CHANGE = 4;

/**
 * The story of the demo, one root span per scene: a chat, a stream, a tool round trip, embeddings,
 * a provider error, a model that quietly changes behaviour, a support conversation that brings a token
 * budget near its limit, and answers that drift.
 */
export async function runScenes(scene: SceneContext): Promise<void> {
  const { openai, script, tracer } = scene;
  const inScene = <T>(name: string, run: () => Promise<T>) => inSceneSpan({ tracer, name }, run);

  await scene.announce("1 · a chat call");
  script({
    text: "Paris is the capital of France.",
    usage: { inputTokens: 14, outputTokens: 8, cachedInputTokens: 4 },
  });
  await inScene("scene 1: chat", () =>
    withContext({ feature: "geography-quiz", conversationId: "demo-1" }, () =>
      openai.chat.completions.create({
        model: MODEL,
        messages: [{ role: "user", content: "Capital of France?" }],
      }),
    ),
  );

  await scene.announce("2 · a streamed chat call");
  script({
    text: "Once upon a time, a span ended exactly once.",
    chunks: 8,
    chunkDelayMs: 10,
    firstChunkDelayMs: 40,
  });
  await inScene("scene 2: stream", async () => {
    const stream = await openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: "user", content: "Tell me a very short story." }],
      stream: true,
      stream_options: { include_usage: true },
    });
    for await (const _chunk of stream) {
      // The app reads the stream as usual; the span follows it to the end.
    }
  });

  await scene.announce("3 · a tool round trip");
  const tools = [
    {
      type: "function" as const,
      function: {
        name: "get_weather",
        parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      },
    },
  ];
  script(
    { toolCalls: [{ id: "call_weather_1", name: "get_weather", arguments: '{"city":"Oslo"}' }] },
    { text: "It is 4 °C and clear in Oslo." },
  );
  await inScene("scene 3: tools", async () => {
    const question = { role: "user" as const, content: "What is the weather in Oslo?" };
    const first = await openai.chat.completions.create({ model: MODEL, messages: [question], tools });
    const message = first.choices[0]?.message;
    const call = message?.tool_calls?.[0];
    if (!message || !call || call.type !== "function") return;
    const result = await inScene(`tool ${call.function.name}`, async () => ({ city: "Oslo", celsius: 4 }));
    await openai.chat.completions.create({
      model: MODEL,
      messages: [question, message, { role: "tool", tool_call_id: call.id, content: JSON.stringify(result) }],
      tools,
    });
  });

  await scene.announce("4 · embeddings");
  await inScene("scene 4: embeddings", () =>
    openai.embeddings.create({ model: "text-embedding-3-small", input: ["refund policy", "shipping times"] }),
  );

  await scene.announce("5 · a provider error, re-thrown to the app unchanged");
  script({ status: 429 });
  await inScene("scene 5: error", async () => {
    try {
      // Against the real provider an unknown model gives the error (404) instead of the mock's 429.
      await openai.chat.completions.create({
        model: scene.offline ? MODEL : "no-such-model",
        messages: [{ role: "user", content: "Hello?" }],
      });
    } catch (error) {
      scene.write(`  the app caught ${(error as Error).constructor.name}, the SDK's own error object\n`);
    }
  });

  await scene.announce(
    `6 · the model quietly changes behaviour: ${CALLS_BEFORE_CHANGE + CALLS_AFTER_CHANGE} streamed calls with the same prompt`,
  );
  const answer = "Refunds take 5 business days.";
  for (let call = 0; call < CALLS_BEFORE_CHANGE; call += 1) {
    script({ text: answer, chunks: 4, firstChunkDelayMs: 20 });
  }
  for (let call = 0; call < CALLS_AFTER_CHANGE; call += 1) {
    // Same request, but the provider now serves a new snapshot: new model, fingerprint, longer and slower.
    script({
      text: `${answer} ${"Please note that processing times may vary depending on your bank. ".repeat(4)}`,
      model: "gpt-4o-mini-2026-09-01",
      systemFingerprint: "fp_9b1e2c",
      chunks: 12,
      firstChunkDelayMs: 150,
    });
  }
  await inScene("scene 6: behaviour change", async () => {
    for (let call = 0; call < CALLS_BEFORE_CHANGE + CALLS_AFTER_CHANGE; call += 1) {
      const stream = await withContext(
        { feature: "refund-bot", promptId: "refund-answer", promptVersion: "3" },
        () =>
          openai.chat.completions.create({
            model: MODEL,
            messages: [{ role: "user", content: "How long do refunds take?" }],
            stream: true,
            stream_options: { include_usage: true },
          }),
      );
      for await (const _chunk of stream) {
        // read to the end
      }
    }
  });
  await runConversationScene(scene);
  await runDriftScene(scene);
  await scene.announce("done: flushing telemetry");
}

import { describe, expect, it } from "vitest";
import { settle, useGoogleGenAITestContext, waitForSpans } from "./test-helpers.js";

const ctx = useGoogleGenAITestContext();

describe("chats", () => {
  it("sendMessage gives one span per turn, with the history as input", async () => {
    ctx.server.enqueue({ text: "Hi!" }, { text: "Fine." });
    const ai = ctx.observed({ captureContent: true });
    const chat = ai.chats.create({ model: "gemini-chat" });
    expect((await chat.sendMessage({ message: "Hello" })).text).toBe("Hi!");
    await waitForSpans(ctx.telemetry, 1);
    ctx.telemetry.resetSpans();
    expect((await chat.sendMessage({ message: "How are you?" })).text).toBe("Fine.");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
    expect(span?.name).toBe("generate_content gemini-chat");
    expect(JSON.parse(String(span?.attributes["gen_ai.input.messages"]))).toEqual([
      { role: "user", parts: [{ type: "text", content: "Hello" }] },
      { role: "assistant", parts: [{ type: "text", content: "Hi!" }] },
      { role: "user", parts: [{ type: "text", content: "How are you?" }] },
    ]);
    expect(chat.getHistory()).toHaveLength(4);
  });

  it("sendMessageStream gives one streamed span per turn and keeps the chat's history", async () => {
    ctx.server.enqueue({ text: "streamed reply", chunks: 3 });
    const ai = ctx.observed();
    const chat = ai.chats.create({ model: "gemini-chat" });
    let text = "";
    for await (const chunk of await chat.sendMessageStream({ message: "Hello" })) text += chunk.text ?? "";
    expect(text).toBe("streamed reply");
    const [span] = await waitForSpans(ctx.telemetry, 1);
    await settle();
    expect(ctx.telemetry.spans()).toHaveLength(1);
    expect(span?.attributes).toMatchObject({
      "gen_ai.request.stream": true,
      "sightline.stream.outcome": "completed",
    });
    expect(chat.getHistory()).toHaveLength(2);
  });

  it("breaking out of a chat stream ends the span as cancelled", async () => {
    ctx.server.enqueue({ chunks: 10, chunkDelayMs: 5 });
    const ai = ctx.observed();
    const chat = ai.chats.create({ model: "gemini-chat" });
    let seen = 0;
    for await (const _chunk of await chat.sendMessageStream({ message: "Hello" })) {
      if (++seen === 2) break;
    }
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(span?.attributes["sightline.stream.outcome"]).toBe("cancelled");
  });
});

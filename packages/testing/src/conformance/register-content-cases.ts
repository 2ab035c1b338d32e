import { afterEach, expect, vi } from "vitest";
import { waitForSpans } from "../use-mock-llm-context.js";
import { drainStream } from "./drain-stream.js";
import { registerCase } from "./register-case.js";
import type { ConformanceContext } from "./use-conformance-context.js";

const CONTENT_ATTRIBUTES = ["gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions"];
const CAPTURE_VARIABLE = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";

interface CapturedMessage {
  role: string;
  parts: { type: string; content?: string }[];
}

/** Parses a captured messages attribute (semconv JSON), failing the case when it is absent or not JSON. */
function readMessages(value: unknown): CapturedMessage[] {
  expect(value).toBeTypeOf("string");
  return JSON.parse(String(value)) as CapturedMessage[];
}

/** The text parts of every message with `role`. */
function textsOf(messages: CapturedMessage[], role: string): string[] {
  return messages
    .filter((message) => message.role === role)
    .flatMap((message) =>
      message.parts.filter((part) => part.type === "text").map((part) => part.content ?? ""),
    );
}

/** Registers the content capture cases: off by default, on by option or variable, redacted and bounded. */
export function registerContentCases(ctx: ConformanceContext): void {
  const { adapter } = ctx;
  afterEach(() => vi.unstubAllEnvs());

  registerCase(ctx, "captures no content by default", async () => {
    ctx.server.enqueue({ text: "secret answer" });
    await adapter.call(ctx.observed(), { model: ctx.uniqueModel("private"), prompt: "secret prompt" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    for (const attribute of CONTENT_ATTRIBUTES) expect(span?.attributes[attribute]).toBeUndefined();
    expect(JSON.stringify(span?.attributes)).not.toContain("secret");
  });

  for (const value of ["true", "SPAN_ONLY"]) {
    registerCase(ctx, `captures input and output when ${CAPTURE_VARIABLE}=${value}`, async () => {
      vi.stubEnv(CAPTURE_VARIABLE, value);
      ctx.server.enqueue({ text: "Hi there" });
      await adapter.call(ctx.observed(), { model: ctx.uniqueModel("capture"), prompt: "Hello" });
      const [span] = await waitForSpans(ctx.telemetry, 1);
      expect(textsOf(readMessages(span?.attributes["gen_ai.input.messages"]), "user")).toEqual(["Hello"]);
      expect(textsOf(readMessages(span?.attributes["gen_ai.output.messages"]), "assistant")).toEqual([
        "Hi there",
      ]);
    });
  }

  registerCase(ctx, "an explicit captureContent: false wins over the variable", async () => {
    vi.stubEnv(CAPTURE_VARIABLE, "true");
    await adapter.call(ctx.observed({ captureContent: false }), {
      model: ctx.uniqueModel("option"),
      prompt: "x",
    });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    for (const attribute of CONTENT_ATTRIBUTES) expect(span?.attributes[attribute]).toBeUndefined();
  });

  registerCase(ctx, "passes every captured text through the redaction hook first", async () => {
    ctx.server.enqueue({ text: "Mail me at bob@example.test" });
    const client = ctx.observed({
      captureContent: true,
      redactContent: (text) => text.replaceAll(/\S+@\S+/g, "<email>"),
    });
    await adapter.call(client, { model: ctx.uniqueModel("redact"), prompt: "I am alice@example.test" });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(textsOf(readMessages(span?.attributes["gen_ai.input.messages"]), "user")).toEqual([
      "I am <email>",
    ]);
    expect(textsOf(readMessages(span?.attributes["gen_ai.output.messages"]), "assistant")).toEqual([
      "Mail me at <email>",
    ]);
    expect(JSON.stringify(span?.attributes)).not.toContain("@example.test");
  });

  registerCase(ctx, "truncates long content to the byte bound and keeps the JSON valid", async () => {
    const client = ctx.observed({ captureContent: true, contentMaxBytes: 600 });
    await adapter.call(client, { model: ctx.uniqueModel("truncate"), prompt: "é".repeat(5000) });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    const json = String(span?.attributes["gen_ai.input.messages"]);
    expect(new TextEncoder().encode(json).length).toBeLessThanOrEqual(600);
    const [text] = textsOf(readMessages(json), "user");
    expect(text).toMatch(/^\u00e9+\u2026\[truncated \d+ chars\]$/);
    expect(span?.attributes["sightline.content.truncated"]).toBe(true);
  });

  registerCase(ctx, "captures a streamed answer when on", async () => {
    ctx.server.enqueue({ text: "streamed words here", chunks: 3 });
    const stream = await adapter.stream(ctx.observed({ captureContent: true }), {
      model: ctx.uniqueModel("stream-capture"),
      prompt: "x",
    });
    await drainStream(stream, { chunkText: adapter.chunkText });
    const [span] = await waitForSpans(ctx.telemetry, 1);
    expect(textsOf(readMessages(span?.attributes["gen_ai.output.messages"]), "assistant")).toEqual([
      "streamed words here",
    ]);
  });

  registerCase(
    ctx,
    "keeps a long streamed answer bounded while capturing, and the attribute valid JSON",
    async () => {
      ctx.server.enqueue({ text: "word ".repeat(4000), chunks: 200 });
      const stream = await adapter.stream(ctx.observed({ captureContent: true, contentMaxBytes: 1000 }), {
        model: ctx.uniqueModel("stream-bound"),
        prompt: "x",
      });
      const drained = await drainStream(stream, { chunkText: adapter.chunkText });
      expect(drained.text).toHaveLength(20_000);
      const [span] = await waitForSpans(ctx.telemetry, 1);
      const json = String(span?.attributes["gen_ai.output.messages"]);
      expect(new TextEncoder().encode(json).length).toBeLessThanOrEqual(1000);
      expect(textsOf(readMessages(json), "assistant")[0]).toMatch(
        /^(word )+.*\u2026\[truncated \d+ chars\]$/s,
      );
    },
  );
}

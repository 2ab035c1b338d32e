import { createDriftMonitor } from "@sightline/core";
import { observeOpenAI } from "@sightline/openai";
import { useMockLLMContext } from "@sightline/testing/vitest";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { contains } from "../evaluators/contains.js";
import type { EvaluationInput, Evaluator } from "../types.js";
import { createOnlineEvaluation } from "./create-online-evaluation.js";
import type { OnlineEvaluationOptions } from "./types.js";

const ctx = useMockLLMContext();

/** An evaluator that keeps what it was shown, to prove evaluation saw the call's content. */
function recordingEvaluator(): Evaluator & { seen: EvaluationInput[] } {
  const seen: EvaluationInput[] = [];
  return {
    name: "recorder",
    kind: "deterministic",
    seen,
    evaluate: (input) => {
      seen.push(input);
      return { name: "recorder", passed: true, score: 1 };
    },
  };
}

function observedClient(
  options: Partial<OnlineEvaluationOptions> & { evaluators: Evaluator[] },
  drift?: { monitor: ReturnType<typeof createDriftMonitor> },
) {
  const evaluation = createOnlineEvaluation({ sampleRate: 1, ...options });
  const client = observeOpenAI(
    new OpenAI({ apiKey: "test", baseURL: ctx.server.openaiBaseURL, maxRetries: 0 }),
    {
      tracerProvider: ctx.telemetry.tracerProvider,
      meterProvider: ctx.telemetry.meterProvider,
      captureContent: false,
      drift: drift ?? false,
      evaluation,
    },
  );
  return { client, evaluation };
}

const question = [{ role: "user" as const, content: "Capital of France?" }];
const spansNamed = (name: string) => ctx.telemetry.spans().filter((span) => span.name === name);

describe("online evaluation of a wrapped openai client (capture off)", () => {
  it("evaluates a plain call's content after it returned, exporting no content", async () => {
    ctx.server.enqueue({ text: "Paris is the capital." });
    const recorder = recordingEvaluator();
    const { client, evaluation } = observedClient({ evaluators: [recorder, contains("paris")] });
    const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages: question });
    expect(completion.choices[0]?.message.content).toBe("Paris is the capital.");
    await evaluation.flush();
    expect(recorder.seen[0]?.outputText).toBe("Paris is the capital.");
    expect(recorder.seen[0]?.input[0]?.parts[0]).toEqual({ type: "text", content: "Capital of France?" });
    expect(recorder.seen[0]).toMatchObject({
      model: "gpt-4o-mini",
      provider: "openai_compatible",
      operation: "chat",
    });

    const [chat] = spansNamed("chat gpt-4o-mini");
    const contentKeys = Object.keys(chat?.attributes ?? {}).filter((key) =>
      /messages|instructions/.test(key),
    );
    expect(contentKeys).toEqual([]);
    const results = spansNamed("gen_ai.evaluation.result");
    expect(results.map((span) => span.attributes["gen_ai.evaluation.name"])).toEqual([
      "recorder",
      "contains",
    ]);
    for (const result of results) {
      expect(result.links[0]?.context.spanId).toBe(chat?.spanContext().spanId);
      expect(JSON.stringify(result.attributes)).not.toContain("Paris is the capital");
    }
    const scores = await ctx.telemetry.metricPoints("sightline.gen_ai.evaluation.score");
    expect(scores.find((point) => point.attributes["gen_ai.evaluation.name"] === "contains")).toMatchObject({
      count: 1,
      sum: 1,
      attributes: {
        "gen_ai.request.model": "gpt-4o-mini",
        "gen_ai.provider.name": "openai_compatible",
        "sightline.evaluation.passed": true,
      },
    });
  });

  it("evaluates a streamed call's whole text though content capture is off", async () => {
    ctx.server.enqueue({ text: "Paris is the capital of France.", chunks: 6 });
    const recorder = recordingEvaluator();
    const { client, evaluation } = observedClient({ evaluators: [recorder] });
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: question,
      stream: true,
    });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
    expect(text).toBe("Paris is the capital of France.");
    await evaluation.flush();
    expect(recorder.seen[0]?.outputText).toBe("Paris is the capital of France.");
    const [chat] = spansNamed("chat gpt-4o-mini");
    expect(chat?.attributes["gen_ai.output.messages"]).toBeUndefined();
  });

  it("never lets a throwing or slow evaluator touch the call", async () => {
    ctx.server.enqueue({ text: "Paris." }, { text: "Paris." });
    const throwing: Evaluator = {
      name: "throwing",
      kind: "deterministic",
      evaluate: () => {
        throw new Error("evaluator bug");
      },
    };
    const slow: Evaluator = {
      name: "slow",
      kind: "deterministic",
      evaluate: () => new Promise(() => undefined),
    };
    const { client, evaluation } = observedClient({ evaluators: [throwing, slow], timeoutMs: 50 });
    const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages: question });
    expect(completion.choices[0]?.message.content).toBe("Paris.");
    // The result's own object, unchanged; the call resolved before any evaluator ran.
    expect(evaluation.stats().results).toBe(0);
    await evaluation.flush();
    const results = spansNamed("gen_ai.evaluation.result");
    expect(results.map((span) => span.attributes["error.type"])).toEqual(["Error", "timeout"]);
    expect(spansNamed("chat gpt-4o-mini")[0]?.status.code).toBe(0);
  });

  it("raises a sightline.drift event and the drift counter when evaluation scores drop", async () => {
    const monitor = createDriftMonitor({ referenceSize: 40, warmupSize: 0 });
    const { client, evaluation } = observedClient(
      { evaluators: [contains("paris", { name: "mentions_paris" })] },
      { monitor },
    );
    for (let index = 0; index < 80; index++) {
      ctx.server.enqueue({ text: index < 50 ? "Paris." : "I do not know." });
      await client.chat.completions.create({ model: "gpt-4o-mini", messages: question });
    }
    await evaluation.flush();
    const driftEvents = spansNamed("gen_ai.evaluation.result").flatMap((span) =>
      span.events.filter((event) => event.name === "sightline.drift"),
    );
    expect(driftEvents.length).toBeGreaterThan(0);
    expect(String(driftEvents[0]?.attributes?.["sightline.drift.signal"])).toMatch(
      /^eval\.mentions_paris\.(score|passed)$/,
    );
    expect(driftEvents[0]?.attributes?.["sightline.drift.direction"]).toBe("down");
    const counter = await ctx.telemetry.metricPoints("sightline.gen_ai.drift.events");
    const evalDrift = counter.filter((point) =>
      String(point.attributes["sightline.drift.signal"]).startsWith("eval."),
    );
    expect(evalDrift.length).toBeGreaterThan(0);
    expect(evalDrift[0]?.attributes).toMatchObject({
      "gen_ai.provider.name": "openai_compatible",
      "sightline.model.family": "gpt-4o-mini",
    });
    // The calls themselves did not drift: only the evaluation scores did.
    const callDrift = spansNamed("chat gpt-4o-mini").flatMap((span) =>
      span.events.filter((event) => event.name.startsWith("sightline.")),
    );
    expect(
      callDrift.filter((event) => String(event.attributes?.["sightline.drift.signal"]).startsWith("eval.")),
    ).toEqual([]);
  });
});

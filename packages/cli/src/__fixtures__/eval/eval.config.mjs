// The CLI tests' eval config: the real openai SDK wrapped by observeOpenAI against the mock LLM server.
// The candidate model answers the rows named in SIGHTLINE_EVAL_FIXTURE_WRONG (comma-separated ids) with
// "Atlantis", and fails the rows in SIGHTLINE_EVAL_FIXTURE_429 once with a 429 before answering.
import { readFileSync } from "node:fs";
import { equals, parseEvalDataset, toChatMessages } from "@sightline/evals";
import { observeOpenAI } from "@sightline/openai";
import { startMockLLMServer } from "@sightline/testing";
import OpenAI from "openai";

let client;

export async function setup() {
  const wrong = new Set((process.env.SIGHTLINE_EVAL_FIXTURE_WRONG ?? "").split(",").filter(Boolean));
  const flaky = new Set((process.env.SIGHTLINE_EVAL_FIXTURE_429 ?? "").split(",").filter(Boolean));
  const { rows } = parseEvalDataset(readFileSync(new URL("./rows.jsonl", import.meta.url), "utf8"));
  const rowByPrompt = new Map(rows.map((row) => [toChatMessages(row.input).at(-1)?.content, row]));
  const server = await startMockLLMServer({
    respond: (request) => {
      const row = rowByPrompt.get(request.body.messages.at(-1)?.content);
      if (!row) return undefined;
      const candidate = request.body.model === "gpt-4.1-mini";
      if (candidate && flaky.delete(row.id)) return { status: 429 };
      const text = candidate && wrong.has(row.id) ? "Atlantis" : String(row.expected);
      return { text, model: request.body.model, usage: { inputTokens: 100, outputTokens: 5 } };
    },
  });
  client = observeOpenAI(new OpenAI({ apiKey: "test", baseURL: server.openaiBaseURL, maxRetries: 0 }));
  return () => server.close();
}

const createTarget = (model) => ({
  name: model,
  call: async (row, { signal }) =>
    (await client.chat.completions.create({ model, messages: toChatMessages(row.input) }, { signal })).choices[0]
      ?.message.content ?? "",
});

export const targets = [createTarget("gpt-4o-mini"), createTarget("gpt-4.1-mini")];
export const evaluators = [equals()];

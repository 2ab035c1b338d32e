// `sightline eval` config: two configurations of a support bot, the current model (baseline) and a cheaper
// one someone wants to switch to (candidate), both through the real openai SDK wrapped by observeOpenAI.
// Offline: setup() starts Sightline's mock LLM server and scripts each model's answers, so the example runs
// anywhere; point `baseURL` at a real provider (and drop setup) to evaluate real models.
import { readFileSync } from "node:fs";
import { equals, lengthWithin, notRefusal, parseEvalDataset, toChatMessages } from "@sightline/evals";
import { observeOpenAI } from "@sightline/openai";
import { startMockLLMServer } from "@sightline/testing";
import OpenAI from "openai";

const BASELINE_MODEL = "gpt-4o-mini";
const CANDIDATE_MODEL = "gpt-4.1-nano";

/** How the mock's candidate model goes wrong: the largest city for the capital, and one refusal. */
const CANDIDATE_ANSWERS = {
  "capital-australia": "Sydney",
  "capital-canada": "Toronto",
  "capital-turkey": "Istanbul",
  "capital-brazil": "Rio de Janeiro",
  "capital-switzerland": "Zurich",
  "capital-morocco": "Casablanca",
  "capital-nigeria": "Lagos",
  "refund-window": "I'm sorry, but I can't help with that.",
};

/** @type {OpenAI | undefined} */
let client;

/** Runs before the rows: starts the mock and the wrapped client; returns the teardown. */
export async function setup() {
  const { rows } = parseEvalDataset(readFileSync(new URL("./rows.jsonl", import.meta.url), "utf8"));
  // The mock answers from the request itself: which row (by its last message) and which model.
  const rowByPrompt = new Map(rows.map((row) => [toChatMessages(row.input).at(-1)?.content, row]));
  const server = await startMockLLMServer({
    respond: (request) => {
      const body = /** @type {{ model: string, messages: { content: string }[] }} */ (request.body);
      const row = rowByPrompt.get(body.messages.at(-1)?.content);
      if (!row) return undefined;
      const answer = body.model === CANDIDATE_MODEL ? CANDIDATE_ANSWERS[row.id] : undefined;
      // `model`: answer as the requested model (the mock's default adds a date suffix).
      return {
        text: answer ?? String(row.expected),
        model: body.model,
        delayMs: body.model === CANDIDATE_MODEL ? 5 : 15,
      };
    },
  });
  // maxRetries 0: `sightline eval` retries (--retries), so each attempt is visible on the row's span.
  client = observeOpenAI(new OpenAI({ apiKey: "mock", baseURL: server.openaiBaseURL, maxRetries: 0 }));
  return () => server.close();
}

/** A configuration: one model behind the same prompt. */
function createTarget(model) {
  return {
    name: model,
    call: async (row, { signal }) => {
      if (!client) throw new Error("setup() did not run");
      const completion = await client.chat.completions.create(
        { model, messages: toChatMessages(row.input), temperature: 0 },
        { signal },
      );
      return completion.choices[0]?.message.content ?? "";
    },
  };
}

export const targets = [createTarget(BASELINE_MODEL), createTarget(CANDIDATE_MODEL)];
export const baseline = BASELINE_MODEL;
export const candidate = CANDIDATE_MODEL;
export const evaluators = [equals(), notRefusal(), lengthWithin({ maxWords: 8 })];

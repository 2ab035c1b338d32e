import type { MockRoute } from "../internal-types.js";
import { isRecord } from "../is-record.js";
import { sendJson } from "../send-json.js";

const GUARDRAIL_PATH = /^\/guardrail\/([^/]+)\/version\/([^/]+)\/apply$/;

/** The word that makes the mock guardrail intervene, matched case-insensitively in any text block. */
export const GUARDRAIL_TRIGGER_WORD = "forbidden";

/**
 * `POST /guardrail/{guardrailIdentifier}/version/{guardrailVersion}/apply` (ApplyGuardrail): intervenes
 * (`GUARDRAIL_INTERVENED`, a blocked topic in the assessment, the blocked message as output) when a text
 * block of `content` contains "forbidden", and answers `NONE` otherwise. A script `status` errors as usual.
 */
export const guardrailRoute: MockRoute = {
  method: "POST",
  matches: (path) => GUARDRAIL_PATH.test(path),
  handle: ({ request, response, sequence }) => {
    const texts = readTexts(request.body);
    const intervened = texts.some((text) => text.toLowerCase().includes(GUARDRAIL_TRIGGER_WORD));
    sendJson({
      response,
      status: 200,
      headers: { "x-amzn-requestid": `req-mock-${sequence}` },
      body: buildApplyGuardrailResponse(intervened, texts.join("").length),
    });
  },
};

function readTexts(body: unknown): string[] {
  if (!isRecord(body) || !Array.isArray(body.content)) return [];
  const texts: string[] = [];
  for (const block of body.content) {
    if (isRecord(block) && isRecord(block.text) && typeof block.text.text === "string") {
      texts.push(block.text.text);
    }
  }
  return texts;
}

function buildApplyGuardrailResponse(intervened: boolean, characters: number): Record<string, unknown> {
  const textUnits = Math.max(1, Math.ceil(characters / 1000));
  return {
    action: intervened ? "GUARDRAIL_INTERVENED" : "NONE",
    actionReason: intervened ? "Guardrail blocked." : "No action.",
    outputs: intervened ? [{ text: "Sorry, the model cannot answer this question." }] : [],
    assessments: intervened
      ? [
          {
            topicPolicy: {
              topics: [{ name: "Forbidden", type: "DENY", action: "BLOCKED", detected: true }],
            },
            invocationMetrics: {
              guardrailProcessingLatency: 1,
              usage: { topicPolicyUnits: textUnits },
            },
          },
        ]
      : [{}],
    usage: {
      topicPolicyUnits: textUnits,
      contentPolicyUnits: 0,
      wordPolicyUnits: 0,
      sensitiveInformationPolicyUnits: 0,
      sensitiveInformationPolicyFreeUnits: 0,
      contextualGroundingPolicyUnits: 0,
    },
  };
}

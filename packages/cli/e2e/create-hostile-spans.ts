import { randomHexId, type TestSpan } from "./post-otlp-json.js";

/** Markup that would run if any of it reached the DOM as HTML or a URL. */
export const HOSTILE_SCRIPT = "<script>window.__pwned=1</script>";
export const HOSTILE_IMAGE = `<img src=x onerror="window.__pwned=1">`;
export const HOSTILE_LINK = `<a href="javascript:window.__pwned=1">click</a>`;
const HOSTILE = `${HOSTILE_SCRIPT} ${HOSTILE_IMAGE} ${HOSTILE_LINK}`;

/** Nested spans under the GenAI call: a parent chain this deep. */
export const HOSTILE_DEPTH = 2000;
/** Characters of the oversized attribute. */
export const HUGE_VALUE_LENGTH = 1024 * 1024;

/**
 * A trace an attacker (or a buggy app) could export: markup and `javascript:` links in span names,
 * attribute keys and values, event attributes and captured messages; a 1 MB attribute; JSON nested 5,000
 * deep (an attribute, and a tool result in the messages); and a chain of {@link HOSTILE_DEPTH} nested spans. Its root is named `hostile root …`.
 */
export function createHostileSpans(options: { now: number }): { traceId: string; spans: TestSpan[] } {
  const traceId = randomHexId(16);
  const start = options.now - 30_000;
  const rootId = randomHexId(8);
  const callId = randomHexId(8);
  const message = (role: string, text: string) => ({ role, parts: [{ type: "text", content: text }] });
  // A tool result nested 5,000 objects deep, written as text: JSON.stringify would overflow the stack.
  const deepKey = JSON.stringify(HOSTILE_IMAGE);
  const deepResponse = `${`{${deepKey}:`.repeat(5000)}${JSON.stringify(HOSTILE_SCRIPT)}${"}".repeat(5000)}`;
  const spans: TestSpan[] = [
    { traceId, spanId: rootId, name: `hostile root ${HOSTILE}`, startMs: start, durationMs: 5000 },
    {
      traceId,
      spanId: callId,
      parentSpanId: rootId,
      name: `chat ${HOSTILE_IMAGE}`,
      startMs: start + 10,
      durationMs: 800,
      service: HOSTILE_IMAGE,
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": HOSTILE_SCRIPT,
        "gen_ai.usage.input_tokens": 5,
        "gen_ai.usage.output_tokens": 5,
        "gen_ai.input.messages": JSON.stringify([
          message("user", HOSTILE),
          { role: HOSTILE_IMAGE, parts: [{ type: HOSTILE_SCRIPT, content: HOSTILE_IMAGE }] },
          { role: "tool", parts: [{ type: "tool_call_response", id: HOSTILE_LINK, response: "DEEP" }] },
        ]).replace('"DEEP"', deepResponse),
        "gen_ai.output.messages": JSON.stringify([
          message("assistant", `javascript:window.__pwned=1 ${HOSTILE}`),
        ]),
        "huge.value": `${HOSTILE_SCRIPT}${"x".repeat(HUGE_VALUE_LENGTH)}`,
        [HOSTILE_IMAGE]: HOSTILE_SCRIPT,
        "link.value": "javascript:window.__pwned=1",
        "deep.json": `${"[".repeat(5000)}${"]".repeat(5000)}`,
      },
      events: [{ name: HOSTILE_SCRIPT, timeMs: start + 20, attributes: { [HOSTILE_IMAGE]: HOSTILE } }],
    },
  ];
  let parent = rootId;
  for (let depth = 0; depth < HOSTILE_DEPTH; depth += 1) {
    const spanId = randomHexId(8);
    spans.push({
      traceId,
      spanId,
      parentSpanId: parent,
      name: depth % 500 === 0 ? `${HOSTILE_IMAGE} depth ${depth}` : `nested ${depth}`,
      startMs: start + 900 + depth,
      durationMs: 4000 - depth,
    });
    parent = spanId;
  }
  return { traceId, spans };
}

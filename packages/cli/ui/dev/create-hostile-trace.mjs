// The fixture's hostile trace: markup and script URLs in every name, attribute and message, a 1 MB
// attribute, malformed content, deep JSON and a 2,000-deep chain of spans. The UI must show it as text.
import { chat, span, text } from "./fixture-span-builders.mjs";

const HOSTILE_SCRIPT = "<script>alert(1)</script>";
const HOSTILE_IMG = "<img src=x onerror=alert(1)>";

/** Hostile content everywhere, a 1 MB attribute, malformed content, and a 2,000-deep chain of spans. */
export function hostileTrace(now) {
  const traceId = `${"ff".repeat(15)}0a`;
  const start = now - 60_000;
  const root = span({
    traceId,
    name: HOSTILE_SCRIPT,
    startMs: start,
    durationMs: 5000,
    service: HOSTILE_IMG,
  });
  const spans = [root];
  const call = span({
    traceId,
    parentSpanId: root.spanId,
    name: HOSTILE_IMG,
    startMs: start + 10,
    durationMs: 800,
    service: HOSTILE_IMG,
    attributes: chat({
      model: HOSTILE_SCRIPT,
      input: 5,
      output: 5,
      cost: 0.0001,
      feature: HOSTILE_IMG,
      conversation: HOSTILE_SCRIPT,
      extra: {
        "gen_ai.input.messages": JSON.stringify([
          {
            role: "user",
            parts: [text(`${HOSTILE_SCRIPT} ${HOSTILE_IMG} <a href="javascript:alert(1)">x</a>`)],
          },
          { role: HOSTILE_IMG, parts: [{ type: HOSTILE_SCRIPT, content: HOSTILE_IMG }] },
        ]),
        "gen_ai.output.messages": `{not json ${HOSTILE_IMG}`,
        "gen_ai.system_instructions": JSON.stringify({ nested: { deeper: [HOSTILE_SCRIPT] } }),
        "huge.value": `${HOSTILE_SCRIPT}${"x".repeat(1024 * 1024)}`,
        [HOSTILE_IMG]: HOSTILE_SCRIPT,
        "javascript:alert(1)": "javascript:alert(1)",
        "deep.json": `${"[".repeat(5000)}${"]".repeat(5000)}`,
      },
    }),
    events: [{ name: HOSTILE_SCRIPT, timeMs: start + 20, attributes: { [HOSTILE_IMG]: HOSTILE_SCRIPT } }],
  });
  spans.push(call);
  let parent = root.spanId;
  for (let depth = 0; depth < 2000; depth += 1) {
    const child = span({
      traceId,
      parentSpanId: parent,
      name: depth % 500 === 0 ? `${HOSTILE_IMG} depth ${depth}` : `nested ${depth}`,
      startMs: start + 900 + depth,
      durationMs: 4000 - depth * 2,
      service: HOSTILE_IMG,
    });
    spans.push(child);
    parent = child.spanId;
  }
  return spans;
}

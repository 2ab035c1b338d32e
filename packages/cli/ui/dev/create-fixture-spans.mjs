// Canned spans for the dev fixture server (not shipped): a few traces shaped like what the store keeps
// (StoredSpan of src/web/dev-api-types.ts), including a hostile one. Times are relative to `now`.

import { hostileTrace } from "./create-hostile-trace.mjs";
import { otherTraces } from "./create-other-traces.mjs";
import { supportConversation } from "./create-support-conversation.mjs";
import { chat, id, span } from "./fixture-span-builders.mjs";

/** Every fixture span, grouped by trace id. */
export function createFixtureSpans(now, filler = 28) {
  const byTrace = new Map();
  for (const stored of [...supportConversation(now), ...otherTraces(now, filler), ...hostileTrace(now)]) {
    const list = byTrace.get(stored.traceId) ?? [];
    list.push(stored);
    byTrace.set(stored.traceId, list);
  }
  for (const list of byTrace.values()) list.sort((left, right) => left.startMs - right.startMs);
  return byTrace;
}

/** One small trace, for the live updates the fixture sends. */
export function createLiveTrace(now) {
  const traceId = id(32);
  return [
    span({
      traceId,
      name: "chat gpt-4o-mini",
      startMs: now - 500,
      durationMs: 480,
      service: "live-demo",
      attributes: chat({ model: "gpt-4o-mini", input: 50, output: 12, cost: 0.0000147, feature: "live" }),
    }),
  ];
}

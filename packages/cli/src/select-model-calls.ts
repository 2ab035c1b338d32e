import { isSameKindOfCall } from "@sightline/core/provider";
import type { CapturedSpan } from "@sightline/otlp";
import { isInferenceSpan } from "./format-span-details.js";

/**
 * The spans of `added` that are model calls, judged against every span known of their trace.
 * A span naming a model call with a model call of the same kind directly under it is a roll-up
 * (the AI SDK's own `embeddings` span around each embedding request, when no Sightline span
 * processor marked it `sightline.rollup`) and is not counted: its child is the call.
 */
export function selectModelCalls(
  added: Iterable<CapturedSpan>,
  traceSpans: Iterable<CapturedSpan>,
): CapturedSpan[] {
  const calls = [...added].filter(isInferenceSpan);
  if (calls.length === 0) return calls;
  const byId = new Map(calls.map((call) => [call.spanId, call]));
  const wrapped = new Set<string>();
  for (const span of traceSpans) {
    if (!span.parentSpanId || !isInferenceSpan(span)) continue;
    const operation = span.attributes["gen_ai.operation.name"] as string;
    const parent = byId.get(span.parentSpanId);
    const parentOperation = parent?.attributes["gen_ai.operation.name"];
    if (parent && typeof parentOperation === "string" && isSameKindOfCall(parentOperation, operation)) {
      wrapped.add(parent.spanId);
    }
  }
  return calls.filter((call) => !wrapped.has(call.spanId));
}

import type { CapturedSpan } from "@sightline/otlp";

/** Test helper: a decoded span with sensible defaults (a GenAI chat call unless overridden). */
export function createTestSpan(overrides: Partial<CapturedSpan> & { startMs?: number } = {}): CapturedSpan {
  const { startMs = Date.now(), ...rest } = overrides;
  const startNano = BigInt(Math.round(startMs * 1000)) * 1000n;
  return {
    traceId: "0af7651916cd43dd8448eb211c80319c",
    spanId: "b7ad6b7169203331",
    name: "chat gpt-4o",
    kind: 3,
    startTimeUnixNano: String(startNano),
    endTimeUnixNano: String(startNano + 250_000_000n),
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.usage.input_tokens": 10,
      "gen_ai.usage.output_tokens": 5,
    },
    events: [],
    status: { code: 0 },
    resource: { "service.name": "bot" },
    scope: { name: "test" },
    ...rest,
  };
}

/** Test helper: a 32-hex-character trace id from a number. */
export function traceIdOf(index: number): string {
  return index.toString(16).padStart(32, "0");
}

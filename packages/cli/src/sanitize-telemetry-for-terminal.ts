import { sanitizeTerminalText } from "./sanitize-terminal-text.js";

/** Nesting kept; deeper values (a pathological kvlist) are replaced, as nobody reads them on a terminal. */
const MAX_DEPTH = 16;

/**
 * A copy of decoded telemetry (a span or a metric) with every string in it, object keys included, passed
 * through `sanitizeTerminalText`. `sightline dev` applies it once to everything it receives before keeping or
 * formatting it, so no formatting path can print a control sequence from a sender.
 */
export function sanitizeTelemetryForTerminal<Value>(value: Value): Value {
  return sanitizeValue(value, 0) as Value;
}

function sanitizeValue(value: unknown, depth: number): unknown {
  if (typeof value === "string") return sanitizeTerminalText(value);
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value;
  if (depth >= MAX_DEPTH) return "(nested too deep)";
  if (Array.isArray(value)) return value.map((item) => sanitizeValue(item, depth + 1));
  // fromEntries defines keys as own data properties, so a "__proto__" key stays a key.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [sanitizeTerminalText(key), sanitizeValue(item, depth + 1)]),
  );
}

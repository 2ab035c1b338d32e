import type { ReadableSpan } from "@opentelemetry/sdk-trace";

const DIM = "\x1b[2m";
const BOLD = "\x1b[1m";
const RED = "\x1b[31m";
const RESET = "\x1b[0m";

/** One readable block per GenAI span: what a person wants to see of a model call. */
export function formatSpan(span: ReadableSpan, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  const attributes = span.attributes;
  const durationMs = span.duration[0] * 1000 + span.duration[1] / 1e6;
  const fields: [string, unknown][] = [
    ["provider", attributes["gen_ai.provider.name"]],
    ["response model", attributes["gen_ai.response.model"]],
    ["tokens", formatTokens(attributes)],
    ["time to first chunk", formatSeconds(attributes["gen_ai.response.time_to_first_chunk"])],
    ["finish", attributes["gen_ai.response.finish_reasons"]],
    ["stream", attributes["sightline.stream.outcome"]],
    ["feature", attributes["sightline.feature"]],
    ["error", attributes["error.type"]],
    ["input", attributes["gen_ai.input.messages"]],
    ["output", attributes["gen_ai.output.messages"]],
  ];
  const lines = [`${paint(BOLD, span.name)} ${paint(DIM, `${durationMs.toFixed(1)} ms`)}`];
  for (const [label, value] of fields) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(", ") : String(value);
    lines.push(`  ${paint(DIM, label.padEnd(20))} ${label === "error" ? paint(RED, text) : text}`);
  }
  return lines.join("\n");
}

function formatTokens(attributes: ReadableSpan["attributes"]): string | undefined {
  const input = attributes["gen_ai.usage.input_tokens"];
  const output = attributes["gen_ai.usage.output_tokens"];
  if (input === undefined && output === undefined) return undefined;
  const cached = attributes["gen_ai.usage.cache_read.input_tokens"];
  const parts = [input === undefined ? undefined : `${input} in${cached ? ` (${cached} cached)` : ""}`];
  if (output !== undefined) parts.push(`${output} out`);
  return parts.filter(Boolean).join(", ");
}

function formatSeconds(value: unknown): string | undefined {
  return typeof value === "number" ? `${(value * 1000).toFixed(1)} ms` : undefined;
}

import type { SpanLimits } from "@opentelemetry/sdk-trace";
import { type EnvReader, readEnvNumber } from "./read-env.js";

/** The span limits the `OTEL_*_LIMIT` variables set; unset ones keep the SDK's defaults. */
export function readSpanLimitsFromEnv(read: EnvReader): SpanLimits {
  const number = (...names: string[]) => {
    for (const name of names) {
      const value = readEnvNumber(read, name);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const limits: SpanLimits = {
    attributeCountLimit: number("OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT", "OTEL_ATTRIBUTE_COUNT_LIMIT"),
    attributeValueLengthLimit: number(
      "OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT",
      "OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT",
    ),
    eventCountLimit: number("OTEL_SPAN_EVENT_COUNT_LIMIT"),
    linkCountLimit: number("OTEL_SPAN_LINK_COUNT_LIMIT"),
    attributePerEventCountLimit: number("OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT"),
    attributePerLinkCountLimit: number("OTEL_LINK_ATTRIBUTE_COUNT_LIMIT"),
  };
  // Unset limits must be absent, not undefined, or they would override the SDK's defaults.
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
}

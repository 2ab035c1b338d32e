import { SightlineError } from "@sightline/core";

/**
 * Parses the `OTEL_EXPORTER_OTLP_HEADERS` format, `k1=v1,k2=v2`, with percent-encoded values
 * (W3C baggage style, so `Basic%20abc` becomes `Basic abc`). `source` names the variable in the error.
 */
export function parseOtlpHeaders(options: { value: string; source: string }): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [index, pair] of options.value.split(",").entries()) {
    if (pair.trim() === "") continue;
    const separator = pair.indexOf("=");
    const name = separator > 0 ? pair.slice(0, separator).trim() : "";
    if (name === "") {
      throw new SightlineError({
        // The entry is not echoed: a value written without its name is usually the secret itself.
        message: `${options.source}: entry ${index + 1} is not a header; write name=value pairs separated by commas, e.g. "x-honeycomb-team=KEY,x-other=value".`,
      });
    }
    const raw = pair.slice(separator + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // A lone "%" is taken literally rather than rejected: header values may legitimately contain one.
    }
    headers[name.toLowerCase()] = value;
  }
  return headers;
}

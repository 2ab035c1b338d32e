import { diag, type TextMapPropagator } from "@opentelemetry/api";
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from "@opentelemetry/core";
import { type EnvReader, readEnvList } from "./read-env.js";

/**
 * The propagator `OTEL_PROPAGATORS` asks for (default `tracecontext,baggage`), or undefined for `none`.
 * Only the W3C formats ship with the setup package; others (b3, jaeger) are named in a warning, because
 * bringing their packages would weigh on every install for a rare need.
 */
export function createPropagatorFromEnv(read: EnvReader): TextMapPropagator | undefined {
  const names = [...new Set(readEnvList(read, "OTEL_PROPAGATORS") ?? ["tracecontext", "baggage"])];
  if (names.includes("none")) return undefined;
  const propagators: TextMapPropagator[] = [];
  for (const name of names) {
    if (name === "tracecontext") propagators.push(new W3CTraceContextPropagator());
    else if (name === "baggage") propagators.push(new W3CBaggagePropagator());
    else
      diag.warn(
        `sightline: OTEL_PROPAGATORS "${name}" is not built in (tracecontext and baggage are); register its propagator yourself with propagation.setGlobalPropagator`,
      );
  }
  if (propagators.length === 0) return undefined;
  return propagators.length === 1 ? propagators[0] : new CompositePropagator({ propagators });
}

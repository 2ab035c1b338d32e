import { diag } from "@opentelemetry/api";
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  type Sampler,
  TraceIdRatioBasedSampler,
} from "@opentelemetry/sdk-trace";
import { type EnvReader, readEnvNumber } from "./read-env.js";

/**
 * The sampler `OTEL_TRACES_SAMPLER` (and `OTEL_TRACES_SAMPLER_ARG`) names, as the OTel SDK configuration
 * spec defines them; undefined (the SDK's parent-based always-on default) when unset or unknown.
 */
export function createSamplerFromEnv(read: EnvReader): Sampler | undefined {
  const name = read("OTEL_TRACES_SAMPLER")?.toLowerCase();
  if (name === undefined) return undefined;
  switch (name) {
    case "always_on":
      return new AlwaysOnSampler();
    case "always_off":
      return new AlwaysOffSampler();
    case "parentbased_always_on":
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case "parentbased_always_off":
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case "traceidratio":
      return new TraceIdRatioBasedSampler(readRatio(read));
    case "parentbased_traceidratio":
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(readRatio(read)) });
    default:
      diag.warn(
        `sightline: unknown OTEL_TRACES_SAMPLER "${name}"; using the default (parentbased_always_on)`,
      );
      return undefined;
  }
}

function readRatio(read: EnvReader): number {
  const ratio = readEnvNumber(read, "OTEL_TRACES_SAMPLER_ARG");
  if (ratio === undefined || ratio < 0 || ratio > 1) {
    diag.warn("sightline: OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1; sampling everything");
    return 1;
  }
  return ratio;
}

import { checkFingerprintPool } from "./check-fingerprint-pool.js";
import type { IdentityState, SignalVerdict } from "./internal-types.js";

function checkValue(
  seen: string[],
  options: { value: string | undefined; signal: string; memory: number; observations: number },
): (SignalVerdict & { signal: string }) | undefined {
  const value = options.value;
  if (value === undefined || value === "") return undefined;
  const position = seen.indexOf(value);
  if (position === seen.length - 1 && position >= 0) return undefined;
  const previous = seen[seen.length - 1];
  if (position >= 0) {
    // A value seen before (fingerprints alternate between a few backends) moves to most recent without a verdict.
    seen.splice(position, 1);
    seen.push(value);
    return undefined;
  }
  seen.push(value);
  if (seen.length > options.memory) seen.shift();
  if (previous === undefined) return undefined;
  return {
    kind: "model_change",
    signal: options.signal,
    detector: "identity",
    statistic: 1,
    threshold: 1,
    score: 1,
    reference: { count: options.observations },
    current: { count: 1 },
    previous,
    next: value,
  };
}

/**
 * Identity of what answered a stream. A response model never seen on this stream (within the last `memory`
 * distinct values) yields a `model_change` verdict on the observation that carries it: a new snapshot or a
 * reroute to another family. System fingerprints are a pool (see `checkFingerprintPool`): a new pool is a
 * `model_change`, members of the known pool are not.
 */
export function checkIdentity(
  state: IdentityState,
  input: { responseModel?: string; systemFingerprint?: string; memory: number; poolCapacity: number },
): readonly (SignalVerdict & { signal: string })[] {
  // Allocated only on a change: the same model and pool answer almost every call.
  let verdicts: (SignalVerdict & { signal: string })[] | undefined;
  const model = checkValue(state.responseModels, {
    value: input.responseModel,
    signal: "response_model",
    memory: input.memory,
    observations: state.observations,
  });
  if (model !== undefined) verdicts = [model];
  if (input.systemFingerprint !== undefined && input.systemFingerprint !== "") {
    const fingerprint = checkFingerprintPool(state.fingerprintPool, {
      fingerprint: input.systemFingerprint,
      capacity: input.poolCapacity,
    });
    if (fingerprint !== undefined) {
      verdicts ??= [];
      verdicts.push({ ...fingerprint, signal: "system_fingerprint" });
    }
  }
  state.observations += 1;
  return verdicts ?? noIdentityVerdicts;
}

const noIdentityVerdicts: readonly (SignalVerdict & { signal: string })[] = Object.freeze([]);

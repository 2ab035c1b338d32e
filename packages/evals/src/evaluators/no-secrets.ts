import type { RedactionOptions } from "@sightline/core";
import type { Evaluator } from "../types.js";
import { createFindingsEvaluator, SECRET_KINDS } from "./find-redaction-findings.js";

/**
 * Fails when the answer (text or tool-call arguments) contains a credential that core's redaction detectors
 * find: provider API keys, tokens, private keys, credentials in URLs, `password=` values and the like. `allow`
 * keeps known-safe values; `rules` add your own kinds.
 * @example
 * noSecrets();
 */
export function noSecrets(
  options: Pick<RedactionOptions, "allow" | "rules"> & { name?: string } = {},
): Evaluator {
  return createFindingsEvaluator({
    name: options.name ?? "no_secrets",
    what: "secrets",
    kinds: SECRET_KINDS,
    redaction: options,
    label: "secret_found",
  });
}

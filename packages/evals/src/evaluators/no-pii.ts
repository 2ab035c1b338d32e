import type { RedactionOptions } from "@sightline/core";
import type { Evaluator } from "../types.js";
import { createFindingsEvaluator, PII_KINDS } from "./find-redaction-findings.js";

/**
 * Fails when the answer (text or tool-call arguments) contains personal data that core's redaction detectors
 * find: email addresses, phone numbers, Luhn-valid card numbers, IBANs, IP addresses. `allow` keeps values you
 * publish on purpose (your support address); `rules` add your own kinds.
 * @example
 * noPII({ allow: ["support@acme.test"] });
 */
export function noPII(
  options: Pick<RedactionOptions, "allow" | "rules"> & { name?: string } = {},
): Evaluator {
  return createFindingsEvaluator({
    name: options.name ?? "no_pii",
    what: "personal data",
    kinds: PII_KINDS,
    redaction: options,
    label: "pii_found",
  });
}

import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import { SightlineError } from "../errors/sightline-error.js";
import { BUILT_IN_DETECTORS, BUILT_IN_REDACTION_KINDS, type BuiltInDetector } from "./built-in-detectors.js";
import type { RedactionOptions, RedactionResult, RedactionRule, Redactor } from "./types.js";

/** What replaces the whole text when redaction itself fails: failing closed keeps secrets out. */
const FAILED_PLACEHOLDER = "[REDACTED:redaction_failed]";
const NOTHING_FOUND: Readonly<Record<string, number>> = Object.freeze({});

type Step =
  | {
      kind: string;
      placeholder: string;
      pattern: RegExp;
      validate?: (match: string) => boolean;
      hint?: string;
      labelled?: boolean;
    }
  | { kind: string; placeholder: string; replace: (text: string, placeholder: string) => string };

/**
 * Creates a redactor: built-in detectors (provider API keys, tokens, private keys, emails, phone
 * numbers, Luhn-checked card numbers, mod-97-checked IBANs, IP addresses), then your rules, each
 * finding replaced by a typed placeholder such as `[REDACTED:email]`. Bad options throw a
 * `SightlineError` naming the field; `redact()` itself never throws (a failing rule replaces the
 * whole text with `[REDACTED:redaction_failed]` and is reported through `diag`).
 * @example
 * const redactor = createRedactor({ allow: ["support@acme.test"], rules: [{ kind: "ticket", pattern: /TCK-\d{6}/g }] });
 * redactor.redact("mail jane@acme.test about TCK-123456").text; // "mail [REDACTED:email] about [REDACTED:ticket]"
 */
export function createRedactor(options: RedactionOptions = {}): Redactor {
  const placeholderOf = options.placeholder ?? ((kind: string) => `[REDACTED:${kind}]`);
  const steps: Step[] = [
    ...selectBuiltIns(options.detectors).map((detector) => ({
      ...detector,
      placeholder: placeholderOf(detector.kind),
    })),
    ...(options.rules ?? []).map((rule, index) => toStep(rule, index, placeholderOf)),
  ];
  const isAllowed = createAllowCheck(options.allow);
  return {
    redact(text: string): RedactionResult {
      if (typeof text !== "string" || text.length === 0) return { text, counts: NOTHING_FOUND };
      let counts: Record<string, number> | undefined;
      const found = (kind: string, amount: number): void => {
        counts ??= {};
        counts[kind] = (counts[kind] ?? 0) + amount;
      };
      let current = text;
      try {
        for (const step of steps) {
          if ("replace" in step) {
            const before = countOccurrences(current, step.placeholder);
            current = step.replace(current, step.placeholder);
            const added = countOccurrences(current, step.placeholder) - before;
            if (added > 0) found(step.kind, added);
            continue;
          }
          if (step.hint !== undefined && !current.includes(step.hint)) continue;
          current = current.replace(step.pattern, (match: string, label: unknown, secret: unknown) => {
            // A labelled detector replaces only its second group and keeps the label (`password=`).
            const kept = step.labelled && typeof label === "string" ? label : "";
            const finding = step.labelled && typeof secret === "string" ? secret : match;
            if (step.validate && !step.validate(finding)) return match;
            if (isAllowed(finding)) return match;
            found(step.kind, 1);
            return kept + step.placeholder;
          });
        }
      } catch (error) {
        reportTelemetryError("redacting content", error);
        return { text: FAILED_PLACEHOLDER, counts: { redaction_failed: 1 } };
      }
      return { text: current, counts: counts ?? NOTHING_FOUND };
    },
  };
}

function selectBuiltIns(detectors: RedactionOptions["detectors"]): readonly BuiltInDetector[] {
  if (detectors === undefined || detectors === true) return BUILT_IN_DETECTORS;
  if (detectors === false) return [];
  if (!Array.isArray(detectors)) {
    throw new SightlineError({
      message:
        "redaction.detectors must be true, false or a list of detector kinds (see BUILT_IN_REDACTION_KINDS)",
    });
  }
  for (const kind of detectors) {
    if (!BUILT_IN_REDACTION_KINDS.includes(kind)) {
      throw new SightlineError({
        message: `redaction.detectors: unknown kind "${kind}"; use one of ${BUILT_IN_REDACTION_KINDS.join(", ")}`,
      });
    }
  }
  return BUILT_IN_DETECTORS.filter((detector) => detectors.includes(detector.kind));
}

function toStep(rule: RedactionRule, index: number, placeholderOf: (kind: string) => string): Step {
  const field = `redaction.rules[${index}]`;
  if (!rule || typeof rule.kind !== "string" || rule.kind.length === 0) {
    throw new SightlineError({ message: `${field}.kind must be a non-empty string, e.g. "ticket_id"` });
  }
  const placeholder = placeholderOf(rule.kind);
  if ("replace" in rule && typeof rule.replace === "function") {
    return { kind: rule.kind, placeholder, replace: rule.replace };
  }
  if ("pattern" in rule && rule.pattern instanceof RegExp) {
    const flags = rule.pattern.flags.includes("g") ? rule.pattern.flags : `${rule.pattern.flags}g`;
    return {
      kind: rule.kind,
      placeholder,
      pattern: new RegExp(rule.pattern.source, flags),
      validate: rule.validate,
    };
  }
  throw new SightlineError({
    message: `${field} needs either a pattern (a RegExp) or a replace function (text, placeholder) => text`,
  });
}

function createAllowCheck(allow: RedactionOptions["allow"]): (match: string) => boolean {
  if (!allow || allow.length === 0) return () => false;
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const [index, entry] of allow.entries()) {
    if (typeof entry === "string") exact.add(entry);
    // A global pattern keeps state between `test` calls; a copy without the flag does not.
    else if (entry instanceof RegExp) patterns.push(new RegExp(entry.source, entry.flags.replace("g", "")));
    else throw new SightlineError({ message: `redaction.allow[${index}] must be a string or a RegExp` });
  }
  return (match) => exact.has(match) || patterns.some((pattern) => pattern.test(match));
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + needle.length)) {
    count++;
  }
  return count;
}

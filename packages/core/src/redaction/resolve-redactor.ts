import { SightlineError } from "../errors/sightline-error.js";
import { createRedactor } from "./create-redactor.js";
import type { RedactionOptions, Redactor } from "./types.js";

/**
 * The redactor a wrapped client uses: none when content capture is off (nothing to clean) or
 * redaction is turned off, the given redactor when one is passed, otherwise one built from the
 * options (the built-ins by default: content capture is opt-in, and whoever opts in should not
 * also have to opt in to keeping secrets out of their traces).
 */
export function resolveRedactor(
  option: boolean | RedactionOptions | Redactor | undefined,
  captureContent: boolean,
): Redactor | undefined {
  if (!captureContent || option === false) return undefined;
  if (option === undefined || option === true) return createRedactor();
  if (typeof option !== "object" || option === null) {
    throw new SightlineError({
      message: "redaction must be true, false, redaction options or a createRedactor() result",
    });
  }
  if (typeof (option as Redactor).redact === "function") return option as Redactor;
  return createRedactor(option as RedactionOptions);
}

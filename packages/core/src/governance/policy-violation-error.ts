import { SightlineError } from "../errors/sightline-error.js";

const BRAND = Symbol.for("sightline.error.policy_violation");

/** Thrown (in `enforce` mode) instead of sending a call that breaks a policy; nothing reached the provider. */
export class PolicyViolationError extends SightlineError {
  /** Policy name. */
  readonly policy: string;
  /** The rule broken: `allowed_models`, `allowed_providers` or `max_tokens_per_request`. */
  readonly rule: string;
  /** What the call asked for, e.g. the model. */
  readonly detail: string;

  constructor(options: { policy: string; rule: string; detail: string }) {
    super({
      name: "PolicyViolationError",
      message: `policy "${options.policy}" refused the call (${options.rule}): ${options.detail}; the call was not sent`,
    });
    this.policy = options.policy;
    this.rule = options.rule;
    this.detail = options.detail;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** True for a PolicyViolationError, even one from another copy of this package. */
  static override isInstance(value: unknown): value is PolicyViolationError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

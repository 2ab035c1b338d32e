import { SightlineError } from "../errors/sightline-error.js";
import type { BudgetUnit } from "./types.js";

/** Why a call was refused: the window's spend reached the limit, or the budget fails closed and its store is unavailable. */
export type BudgetRefusalReason = "spent" | "store_unavailable";

const BRAND = Symbol.for("sightline.error.budget_exceeded");

/** Thrown (in `enforce` mode) instead of sending a call whose budget is spent; nothing reached the provider. */
export class BudgetExceededError extends SightlineError {
  /** Budget name. */
  readonly budget: string;
  /** Spend in the current window when the call was refused. */
  readonly used: number;
  /** The budget's limit. */
  readonly limit: number;
  /** The budget's unit. */
  readonly unit: BudgetUnit;
  /** Human-readable window, e.g. `day (fixed, UTC)`. */
  readonly window: string;
  /** The `per` value the budget was kept for (e.g. the tenant), if any. */
  readonly key?: string;
  /** When the window resets (fixed windows). */
  readonly resetsAt?: Date;
  /** `spent` (the limit was reached) or `store_unavailable` (a fail-closed budget whose store is down). */
  readonly reason: BudgetRefusalReason;

  constructor(options: {
    budget: string;
    used: number;
    limit: number;
    unit: BudgetUnit;
    window: string;
    key?: string;
    resetsAt?: Date;
    /** Default: `spent`. */
    reason?: BudgetRefusalReason;
  }) {
    const amount = (value: number) =>
      options.unit === "usd" ? `${value.toFixed(4)} USD` : `${value} tokens`;
    const reason = options.reason ?? "spent";
    const subject = `budget "${options.budget}"${options.key === undefined ? "" : ` for "${options.key}"`}`;
    super({
      name: "BudgetExceededError",
      message:
        reason === "store_unavailable"
          ? `${subject} cannot be checked: its store is unavailable and the budget fails closed ` +
            `(whenStoreUnavailable: "refuse"; ${amount(options.used)} last known of ${amount(options.limit)}); the call was not sent`
          : `budget "${options.budget}"${options.key === undefined ? "" : ` for "${options.key}"`} is spent: ` +
            `${amount(options.used)} used of ${amount(options.limit)} in the current ${options.window}` +
            `${options.resetsAt ? ` (resets ${options.resetsAt.toISOString()})` : ""}; the call was not sent`,
    });
    this.budget = options.budget;
    this.used = options.used;
    this.limit = options.limit;
    this.unit = options.unit;
    this.window = options.window;
    this.key = options.key;
    this.resetsAt = options.resetsAt;
    this.reason = reason;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** True for a BudgetExceededError, even one from another copy of this package. */
  static override isInstance(value: unknown): value is BudgetExceededError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}

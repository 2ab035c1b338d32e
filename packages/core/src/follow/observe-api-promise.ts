import { reportTelemetryError } from "../errors/report-telemetry-error.js";
import type { Operation } from "../operation/operation.js";
import { AbandonmentWatch, watchForAbandonment } from "./watch-for-abandonment.js";

/** The part of a Stainless `APIPromise` (openai, @anthropic-ai/sdk) that Sightline hooks. */
interface LazyApiPromise {
  responsePromise: PromiseLike<{ response?: { status?: number } }>;
  parseResponse: (...args: unknown[]) => Promise<unknown>;
  _thenUnwrap?: (...args: unknown[]) => unknown;
}

/** Options of {@link observeApiPromise}. */
export interface ObserveApiPromiseOptions {
  operation: Operation;
  /** Called with the parsed value (a response body or an SDK stream object) before the caller sees it. */
  onValue: (value: unknown) => void;
  /** Milliseconds after the response arrives before an unread response's span ends. */
  abandonedAfterMs: number;
}

/**
 * Observes a Stainless-generated SDK's `APIPromise` from the side, keeping it the very object the
 * caller gets (so `withResponse()`, `asResponse()` and `_thenUnwrap` helpers keep working).
 * The promise is lazy: its body is parsed only when someone awaits it, and a side `.then` would
 * parse (and consume) the body behind the back of an `asResponse()` caller. So instead the
 * promise's own parse step is wrapped, and the raw response promise is watched for errors.
 * Returns false when `value` does not have that shape, so the caller can fall back.
 */
export function observeApiPromise(value: unknown, options: ObserveApiPromiseOptions): boolean {
  if (!isLazyApiPromise(value)) return false;
  // The closures below live as long as the call and capture what they use, never `options`: see ParseState.
  const { operation, abandonedAfterMs } = options;
  const state = new ParseState(operation, options.onValue);
  hookParse(value, state);
  value.responsePromise.then(
    (props) => {
      operation.noteStatusCode(props?.response?.status);
      // The caller's parse, if any, was queued on the same promise right after this callback.
      Promise.resolve().then(() => {
        if (!state.parseStarted) {
          watchForAbandonment(
            new AbandonmentWatch(
              operation,
              () => state.parseStarted,
              () => operation.endUnread(),
            ),
            abandonedAfterMs,
          );
        }
      });
    },
    (error: unknown) => operation.fail(error),
  );
  return true;
}

/**
 * What a hooked promise needs while its call is in flight. A class, not an object literal: V8 pretenures a
 * literal's allocation site once it sees that site's objects survive a young-generation collection, and a
 * pretenured holder of the operation, garbage in the old generation after its call, keeps the operation and all
 * it reaches alive through every young collection until the next full one (measured: about 2 KB promoted per
 * OpenAI chat call). Objects made by a constructor are never pretenured.
 */
class ParseState {
  parseStarted = false;
  constructor(
    readonly operation: Operation,
    readonly onValue: (value: unknown) => void,
  ) {}
}

/**
 * Wraps the promise's parse step, and does the same for every promise derived from it with
 * `_thenUnwrap` (the SDK's `parse()` helpers): in some SDK versions the derived promise parses
 * through a closure of its own instead of calling its parent's `parseResponse`.
 */
function hookParse(promise: LazyApiPromise, state: ParseState): void {
  promise.parseResponse = createHookedParse(new HookedMethod(promise.parseResponse, state));
  const originalThenUnwrap = promise._thenUnwrap;
  if (typeof originalThenUnwrap === "function") {
    promise._thenUnwrap = createHookedThenUnwrap(new HookedMethod(originalThenUnwrap, state));
  }
}

/** The SDK's own method a hook stands in for, and the call's state. */
class HookedMethod<Method extends (...args: never[]) => unknown> {
  constructor(
    readonly original: Method,
    readonly state: ParseState,
  ) {}
}

// The hooks the SDK's promise holds are made here, where the closure's scope holds one object and nothing else:
// measured on Node 22, a closure made inside a larger scope and set on the SDK's promise kept that scope (and what
// it reached: the operation, the SDK's own request) alive past its call (OpenAI chat, promoted per call: 6.1-6.5 KB
// before, 4.2-4.7 KB after; see docs/benchmarks.md).
function createHookedParse(
  hook: HookedMethod<LazyApiPromise["parseResponse"]>,
): LazyApiPromise["parseResponse"] {
  return function (this: unknown, ...args: unknown[]) {
    return runHookedParse(hook, this, args);
  };
}

function createHookedThenUnwrap(
  hook: HookedMethod<NonNullable<LazyApiPromise["_thenUnwrap"]>>,
): NonNullable<LazyApiPromise["_thenUnwrap"]> {
  return function (this: unknown, ...args: unknown[]) {
    const derived = hook.original.apply(this, args);
    try {
      if (isLazyApiPromise(derived)) hookParse(derived, hook.state);
    } catch (error) {
      reportTelemetryError("observing a derived promise", error);
    }
    return derived;
  };
}

function runHookedParse(
  hook: HookedMethod<LazyApiPromise["parseResponse"]>,
  self: unknown,
  args: unknown[],
): Promise<unknown> {
  const { state } = hook;
  state.parseStarted = true;
  const parsed = hook.original.apply(self, args);
  // Registered before the caller's continuation, so a stream is instrumented before it is read.
  parsed.then(
    (parsedValue) => {
      try {
        state.onValue(parsedValue);
      } catch (error) {
        reportTelemetryError("reading the response", error);
        state.operation.succeed({});
      }
    },
    (error: unknown) => state.operation.fail(error),
  );
  return parsed;
}

function isLazyApiPromise(value: unknown): value is LazyApiPromise {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<LazyApiPromise>;
  return (
    typeof candidate.parseResponse === "function" &&
    typeof (candidate.responsePromise as PromiseLike<unknown> | undefined)?.then === "function"
  );
}

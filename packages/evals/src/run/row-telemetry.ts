import { type Context, createContextKey } from "@opentelemetry/api";
import type { EvalModelCall } from "./types.js";

/**
 * Where the span processor files what it sees under one attempt of one row. The key is a
 * `Symbol.for` symbol, so the ESM and CJS builds of this package (and two copies of it) share it.
 */
export const ROW_TELEMETRY_KEY = createContextKey("sightline.evals.row-telemetry");

/** The spans started under one attempt of a row: open count, and the model calls that ended. */
export interface RowTelemetry {
  /** Spans started under the attempt and not ended yet. */
  open: number;
  /** Model-call spans that ended under the attempt. */
  modelCalls: EvalModelCall[];
  /** Whether the row span is sampled (an unsampled model-call span under it is a hidden duplicate). */
  sampled: boolean;
  /** Resolves when no span is open any more. */
  waiters: (() => void)[];
}

/** A fresh record for one attempt. */
export function createRowTelemetry(sampled: boolean): RowTelemetry {
  return { open: 0, modelCalls: [], sampled, waiters: [] };
}

/** The record a span started under belongs to, if any. */
export function getRowTelemetry(context: Context): RowTelemetry | undefined {
  return context.getValue(ROW_TELEMETRY_KEY) as RowTelemetry | undefined;
}

/**
 * Waits until every span started under the attempt has ended (a wrapped client may end its span just after
 * the call's promise settles), at most `timeoutMs`; resolves false when it gave up.
 */
export function waitForOpenSpans(telemetry: RowTelemetry, timeoutMs: number): Promise<boolean> {
  if (telemetry.open <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      telemetry.waiters = telemetry.waiters.filter((waiter) => waiter !== done);
      resolve(false);
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    telemetry.waiters.push(done);
  });
}

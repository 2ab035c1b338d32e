import { expect, it } from "vitest";
import { checkSpanSemconv } from "../semconv/check-span-semconv.js";
import { findKnownGap } from "../semconv/known-semconv-gaps.js";
import type { ConformanceContext } from "./use-conformance-context.js";

/**
 * Runs the semconv checker on every span the provider exported in a case (its instrumentation scope; the
 * callers' own parent spans are the test's), so each case (aborts, double wrapping, parallel calls, redaction,
 * cost, drift) also proves its spans follow the conventions, not only the semconv cases.
 */
function expectSemconvSpans(ctx: ConformanceContext): void {
  const findings = ctx.telemetry
    .spans()
    .filter((span) => span.instrumentationScope.name === ctx.adapter.scopeName)
    .flatMap((span) => checkSpanSemconv(span))
    .filter((finding) => finding.severity === "violation" && findKnownGap(finding) === undefined);
  expect(findings).toEqual([]);
}

/**
 * Registers one conformance case. A case the adapter lists in `knownFailures` is registered with `it.fails`,
 * its reason in the title: the run stays green while the gap is open and turns red once it is fixed, so the
 * entry gets removed.
 */
export function registerCase(ctx: ConformanceContext, title: string, run: () => Promise<void> | void): void {
  ctx.registeredTitles.add(title);
  const reason = ctx.adapter.knownFailures?.[title];
  const runAndCheck = async () => {
    await run();
    expectSemconvSpans(ctx);
  };
  if (reason === undefined) it(title, runAndCheck);
  else it.fails(`${title} (known failure: ${reason})`, runAndCheck);
}

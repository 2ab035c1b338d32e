import { it } from "vitest";
import type { ConformanceContext } from "./use-conformance-context.js";

/**
 * Registers one conformance case. A case the adapter lists in `knownFailures` is registered with `it.fails`,
 * its reason in the title: the run stays green while the gap is open and turns red once it is fixed, so the
 * entry gets removed.
 */
export function registerCase(ctx: ConformanceContext, title: string, run: () => Promise<void> | void): void {
  ctx.registeredTitles.add(title);
  const reason = ctx.adapter.knownFailures?.[title];
  if (reason === undefined) it(title, run);
  else it.fails(`${title} (known failure: ${reason})`, run);
}

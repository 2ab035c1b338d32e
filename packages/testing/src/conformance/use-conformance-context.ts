import { type MockLLMContext, useMockLLMContext } from "../use-mock-llm-context.js";
import type { ConformanceWrapOptions, ProviderConformanceAdapter } from "./types.js";

/** The adapter as the cases see it: its type parameters erased, since the cases only pass values through. */
export type ConformanceAdapter = ProviderConformanceAdapter<object, unknown, AsyncIterable<unknown>, unknown>;

/** The mock server, the in-memory telemetry and client factories one conformance run shares. */
export interface ConformanceContext extends MockLLMContext {
  /** The provider's adapter. */
  adapter: ConformanceAdapter;
  /** A real, unwrapped client pointed at the mock. */
  raw(): object;
  /** A real client pointed at the mock, wrapped with the suite's telemetry and `options`. */
  observed(options?: Partial<ConformanceWrapOptions>): object;
  /** A request model no other case uses, so metric points of one case can be told apart. */
  uniqueModel(label: string): string;
  /** Titles of the cases registered so far (to check the adapter's `knownFailures` names real ones). */
  registeredTitles: Set<string>;
}

/** Registers the shared mock-server hooks (see `useMockLLMContext`) and adds the adapter's client factories. */
export function useConformanceContext(adapter: ConformanceAdapter): ConformanceContext {
  let sequence = 0;
  const context: ConformanceContext = useMockLLMContext({
    adapter,
    raw: () => adapter.createClient(context.server),
    observed: (options: Partial<ConformanceWrapOptions> = {}) =>
      adapter.wrap(adapter.createClient(context.server), {
        tracerProvider: context.telemetry.tracerProvider,
        meterProvider: context.telemetry.meterProvider,
        ...options,
      }),
    // Case-insensitive and dash-only, so every provider's model-name checks accept it.
    uniqueModel: (label: string) => `conformance-${label}-${++sequence}`,
    registeredTitles: new Set<string>(),
  });
  return context;
}

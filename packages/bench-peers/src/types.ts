import type { MeterProvider } from "@opentelemetry/sdk-metrics";
import type { SpanExporter, TracerProvider } from "@opentelemetry/sdk-trace";

/** Where a variant sends its telemetry (the bench's discarding pipeline, or a test's in-memory one). */
export interface VariantProviders {
  tracerProvider: TracerProvider;
  meterProvider: MeterProvider;
  /** The exporter behind `tracerProvider`, for a peer that builds its own span pipeline (Langfuse). */
  spanExporter: SpanExporter;
}

/** A variant set up on a client: the client to call, and how to take the instrumentation off again. */
export interface InstrumentedClient<Client> {
  client: Client;
  /** Takes the patches off and flushes what the variant's own pipeline still holds (Langfuse batches). */
  uninstrument: () => void | Promise<void>;
}

/** One instrumentation measured beside the raw client: Sightline or a peer. */
export interface BenchVariant<Client> {
  /** Short name, used on the runner's command line and as the table's column key. */
  name: string;
  /** Who makes it, for the table header. */
  label: string;
  /** The npm package measured, with its version. */
  packageName: string;
  /**
   * Sightline with features off, shown beside Sightline for reading (what the spans alone cost, as most peers
   * record only spans); never counted as a peer, and the verdict is Sightline's with everything on.
   */
  reference?: boolean;
  /** Whether it records metrics (into the MeterProvider it is given). */
  metrics: boolean;
  /** Cases the instrumentation traces; the others are left out of its column (shown as —). */
  cases: string[];
  /** Cases whose spans carry no token counts under this instrumentation (a finding the test pins). */
  casesWithoutUsage: string[];
  /**
   * Loads the instrumentation's modules (only in the process that measures it, so each variant's peak RSS
   * counts its own code) and returns how to put it on a client.
   */
  load: () => Promise<Instrument<Client>>;
}

/** Puts an instrumentation on with everything on, as its docs set it up: spans with token usage, its metrics where it has them. */
export type Instrument<Client> = (client: Client, providers: VariantProviders) => InstrumentedClient<Client>;

import type Anthropic from "@anthropic-ai/sdk";
import { observeAnthropic } from "@sightline/anthropic";
import type { Instrument } from "../types.js";

/** Sightline's wrapper with everything on: spans, the semconv metrics (a registered MeterProvider), cost and drift. */
export const instrumentWithSightline: Instrument<Anthropic> = (
  client,
  { tracerProvider, meterProvider },
) => ({
  client: observeAnthropic(client, { tracerProvider, meterProvider }),
  uninstrument: () => {},
});

/** Sightline's wrapper recording spans only (no metrics, cost or drift), as most peers do. */
export const instrumentWithSightlineSpansOnly: Instrument<Anthropic> = (client, { tracerProvider }) => ({
  client: observeAnthropic(client, { tracerProvider, metrics: false, cost: false, drift: false }),
  uninstrument: () => {},
});

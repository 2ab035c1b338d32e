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

import { observeOpenAI } from "@sightline/openai";
import type OpenAI from "openai";
import type { Instrument } from "../types.js";

/** Sightline's wrapper with everything on: spans, the semconv metrics (a registered MeterProvider), cost and drift. */
export const instrumentWithSightline: Instrument<OpenAI> = (client, { tracerProvider, meterProvider }) => ({
  client: observeOpenAI(client, { tracerProvider, meterProvider }),
  uninstrument: () => {},
});

import { observeOpenAI } from "@sightline/openai";
import type OpenAI from "openai";
import type { Instrument } from "../types.js";

/**
 * Sightline's wrapper with everything on: spans, the semconv metrics (a registered MeterProvider), cost and drift.
 * The mock server stands for api.openai.com, so the spans are OpenAI's (with the `openai.*` attributes) as a user
 * of the real API gets them, not those of an unknown OpenAI-compatible server on a loopback port.
 */
export const instrumentWithSightline: Instrument<OpenAI> = (client, { tracerProvider, meterProvider }) => ({
  client: observeOpenAI(client, { tracerProvider, meterProvider, providerName: "openai" }),
  uninstrument: () => {},
});

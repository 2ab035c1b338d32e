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

/**
 * Sightline's wrapper recording spans only (no metrics, cost or drift), as most peers do: read beside the
 * everything-on figure, it shows what those features cost.
 */
export const instrumentWithSightlineSpansOnly: Instrument<OpenAI> = (client, { tracerProvider }) => ({
  client: observeOpenAI(client, {
    tracerProvider,
    providerName: "openai",
    metrics: false,
    cost: false,
    drift: false,
  }),
  uninstrument: () => {},
});

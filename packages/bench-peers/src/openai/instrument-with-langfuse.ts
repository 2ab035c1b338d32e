import { observeOpenAI } from "@langfuse/openai";
import type OpenAI from "openai";
import { createLangfuseTracerProvider } from "../create-langfuse-tracer-provider.js";
import type { Instrument } from "../types.js";

/** Langfuse's wrapper, its spans through its own span processor (as its docs set it up) into our exporter. No metrics. */
export const instrumentWithLangfuse: Instrument<OpenAI> = (client, { spanExporter }) => {
  const provider = createLangfuseTracerProvider(spanExporter);
  return { client: observeOpenAI(client), uninstrument: provider.dispose };
};

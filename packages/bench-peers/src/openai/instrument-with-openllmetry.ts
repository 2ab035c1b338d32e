import { OpenAIInstrumentation } from "@traceloop/instrumentation-openai";
import OpenAI from "openai";
import type { Instrument } from "../types.js";

/**
 * OpenLLMetry's instrumentation through its documented manual path (`instrumentModules: { openAI: OpenAI }`
 * calls `manuallyInstrument`), content traced (its default). It has no metrics and no embeddings span, and
 * reads no usage from a stream; its `enrichTokens` option would count stream tokens with js-tiktoken, but
 * not for a dated model name such as the response's `gpt-4o-mini-2026-01-01`, so it is left off.
 */
export const instrumentWithOpenllmetry: Instrument<OpenAI> = (client, { tracerProvider }) => {
  const instrumentation = new OpenAIInstrumentation();
  instrumentation.setTracerProvider(tracerProvider);
  instrumentation.manuallyInstrument(OpenAI);
  return { client, uninstrument: () => instrumentation.disable() };
};

import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import OpenAI from "openai";
import type { Instrument } from "../types.js";

/** OpenInference's instrumentation through its documented ESM path, `manuallyInstrument(module)`. No metrics. */
export const instrumentWithOpeninference: Instrument<OpenAI> = (client, { tracerProvider }) => {
  const instrumentation = new OpenAIInstrumentation();
  instrumentation.setTracerProvider(tracerProvider);
  instrumentation.manuallyInstrument({ OpenAI } as never);
  return { client, uninstrument: () => instrumentation.disable() };
};

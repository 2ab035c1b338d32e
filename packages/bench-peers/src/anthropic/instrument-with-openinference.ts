import type Anthropic from "@anthropic-ai/sdk";
import * as anthropicModule from "@anthropic-ai/sdk";
import { AnthropicInstrumentation } from "@arizeai/openinference-instrumentation-anthropic";
import type { Instrument } from "../types.js";

/** OpenInference's instrumentation through its documented ESM path, `manuallyInstrument(module)`. No metrics. */
export const instrumentWithOpeninference: Instrument<Anthropic> = (client, { tracerProvider }) => {
  const instrumentation = new AnthropicInstrumentation();
  instrumentation.setTracerProvider(tracerProvider);
  instrumentation.manuallyInstrument(anthropicModule as never);
  return { client, uninstrument: () => instrumentation.disable() };
};

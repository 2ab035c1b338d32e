import type Anthropic from "@anthropic-ai/sdk";
import * as anthropicModule from "@anthropic-ai/sdk";
import { AnthropicInstrumentation } from "@traceloop/instrumentation-anthropic";
import type { Instrument } from "../types.js";

/**
 * OpenLLMetry's instrumentation through its documented manual path (`instrumentModules: { anthropic }`),
 * content traced (its default). No metrics. Its patch also wraps the legacy `Anthropic.Completions`,
 * which `@anthropic-ai/sdk` 1.x no longer has, so it throws on 1.x; it is handed the module with a stand-in
 * class there (messages, the measured calls, are patched on the real prototypes).
 */
/** Stands in for the legacy text-completions resource, which @anthropic-ai/sdk 1.x removed. */
class StandInCompletions {
  create(): void {}
}

export const instrumentWithOpenllmetry: Instrument<Anthropic> = (client, { tracerProvider }) => {
  const instrumentation = new AnthropicInstrumentation();
  instrumentation.setTracerProvider(tracerProvider);
  const { Anthropic: AnthropicClass } = anthropicModule;
  const moduleExports = {
    ...anthropicModule,
    Anthropic: {
      Completions: StandInCompletions,
      Messages: AnthropicClass.Messages,
      Beta: AnthropicClass.Beta,
    },
  };
  instrumentation.manuallyInstrument(moduleExports as never);
  return { client, uninstrument: () => instrumentation.disable() };
};

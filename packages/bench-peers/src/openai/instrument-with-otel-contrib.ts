import { OpenAIInstrumentation } from "@opentelemetry/instrumentation-openai";
import OpenAI from "openai";
import type { Instrument } from "../types.js";

/**
 * OTel contrib's instrumentation with its spans and its two metrics. It declares `openai` >=4.19 <7 and
 * patches from a module hook, which an ESM app only gets through the import-in-the-middle loader; its
 * module definition's `patch` is what that hook calls, so it is called here with openai 7's exports
 * (the prototypes it wraps are unchanged from 6; the correctness test shows its spans and usage).
 */
export const instrumentWithOtelContrib: Instrument<OpenAI> = (client, { tracerProvider, meterProvider }) => {
  const instrumentation = new OpenAIInstrumentation();
  instrumentation.setTracerProvider(tracerProvider);
  instrumentation.setMeterProvider(meterProvider);
  const [definition] = instrumentation.getModuleDefinitions();
  const moduleExports = { OpenAI };
  definition?.patch?.(moduleExports, "6.49.0");
  return { client, uninstrument: () => definition?.unpatch?.(moduleExports, "6.49.0") };
};

import type OpenAI from "openai";
import type { BenchVariant } from "./types.js";

const ALL_CASES = ["chat", "stream", "embeddings"];

/** Every OpenAI variant, Sightline first; each loads its modules only when measured. */
export const OPENAI_VARIANTS: BenchVariant<OpenAI>[] = [
  {
    name: "sightline",
    casesWithoutUsage: [],
    metrics: true,
    label: "Sightline",
    packageName: "@sightline/openai (workspace)",
    cases: ALL_CASES,
    load: async () => (await import("./openai/instrument-with-sightline.js")).instrumentWithSightline,
  },
  {
    name: "sightline-spans",
    reference: true,
    casesWithoutUsage: [],
    metrics: false,
    label: "Sightline, spans only",
    packageName: "@sightline/openai (workspace)",
    cases: ALL_CASES,
    load: async () =>
      (await import("./openai/instrument-with-sightline.js")).instrumentWithSightlineSpansOnly,
  },
  {
    name: "otel-contrib",
    casesWithoutUsage: [],
    metrics: true,
    label: "OTel contrib",
    packageName: "@opentelemetry/instrumentation-openai 0.22.0",
    cases: ALL_CASES,
    load: async () => (await import("./openai/instrument-with-otel-contrib.js")).instrumentWithOtelContrib,
  },
  {
    name: "openllmetry",
    casesWithoutUsage: ["stream"],
    metrics: false,
    label: "OpenLLMetry",
    packageName: "@traceloop/instrumentation-openai 0.27.0",
    // It traces no embeddings call (it patches chat and completions only).
    cases: ["chat", "stream"],
    load: async () => (await import("./openai/instrument-with-openllmetry.js")).instrumentWithOpenllmetry,
  },
  {
    name: "openinference",
    casesWithoutUsage: ["stream", "embeddings"],
    metrics: false,
    label: "OpenInference",
    packageName: "@arizeai/openinference-instrumentation-openai 4.2.7",
    cases: ALL_CASES,
    load: async () => (await import("./openai/instrument-with-openinference.js")).instrumentWithOpeninference,
  },
  {
    name: "langfuse",
    casesWithoutUsage: ["embeddings"],
    metrics: false,
    label: "Langfuse",
    packageName: "@langfuse/openai 5.11.1",
    cases: ALL_CASES,
    load: async () => (await import("./openai/instrument-with-langfuse.js")).instrumentWithLangfuse,
  },
];

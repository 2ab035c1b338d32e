import type Anthropic from "@anthropic-ai/sdk";
import type { BenchVariant } from "./types.js";

const ALL_CASES = ["messages", "stream"];

/** Every Anthropic variant, Sightline first; each loads its modules only when measured. */
export const ANTHROPIC_VARIANTS: BenchVariant<Anthropic>[] = [
  {
    name: "sightline",
    casesWithoutUsage: [],
    metrics: true,
    label: "Sightline",
    packageName: "@sightline/anthropic (workspace)",
    cases: ALL_CASES,
    load: async () => (await import("./anthropic/instrument-with-sightline.js")).instrumentWithSightline,
  },
  {
    name: "sightline-spans",
    reference: true,
    casesWithoutUsage: [],
    metrics: false,
    label: "Sightline, spans only",
    packageName: "@sightline/anthropic (workspace)",
    cases: ALL_CASES,
    load: async () =>
      (await import("./anthropic/instrument-with-sightline.js")).instrumentWithSightlineSpansOnly,
  },
  {
    name: "openllmetry",
    casesWithoutUsage: [],
    metrics: false,
    label: "OpenLLMetry",
    packageName: "@traceloop/instrumentation-anthropic 0.27.0",
    cases: ALL_CASES,
    load: async () => (await import("./anthropic/instrument-with-openllmetry.js")).instrumentWithOpenllmetry,
  },
  {
    name: "openinference",
    casesWithoutUsage: [],
    metrics: false,
    label: "OpenInference",
    packageName: "@arizeai/openinference-instrumentation-anthropic 0.2.8",
    cases: ALL_CASES,
    load: async () =>
      (await import("./anthropic/instrument-with-openinference.js")).instrumentWithOpeninference,
  },
];

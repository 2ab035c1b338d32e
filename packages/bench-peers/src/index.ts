export { ANTHROPIC_CASES, createAnthropicClient } from "./anthropic-cases.js";
export { ANTHROPIC_VARIANTS } from "./anthropic-variants.js";
export { createOpenAIClient, OPENAI_CASES } from "./openai-cases.js";
export { OPENAI_VARIANTS } from "./openai-variants.js";
export { runPeersBenchmark } from "./run-peers-benchmark.js";
export type { BenchVariant, InstrumentedClient, VariantProviders } from "./types.js";

export { SECRET_SAMPLES, secretPart } from "./secret-samples.js";
export { type MockLLMContext, settle, useMockLLMContext, waitForSpans } from "./use-mock-llm-context.js";

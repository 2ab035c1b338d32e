export {
  type CapturedMetric,
  type CapturedMetricPoint,
  type CapturedOtlpRequest,
  type CapturedSpan,
  type DecodedOtlpExport,
  type DecodeOtlpExportOptions,
  decodeOtlpExport,
  type OtlpCaptureReceiver,
  type OtlpCaptureReceiverOptions,
  startOtlpCaptureReceiver,
} from "@sightline/otlp";
export type { TestTelemetry } from "./create-test-telemetry.js";
export { createTestTelemetry } from "./create-test-telemetry.js";
export { idOf, parentOf, spansNamed } from "./find-spans.js";
export { MOCK_REASONING_TEXT } from "./openai/hosts/adapt-chat-for-host.js";
export { createHostRoutingFetch } from "./openai/hosts/create-host-routing-fetch.js";
export { recordDriftCategory } from "./record-drift-category.js";
export { startMockLLMServer } from "./start-mock-llm-server.js";
export { type StaticFileServer, startStaticFileServer } from "./start-static-file-server.js";
export type {
  MockLLMServer,
  MockLLMServerOptions,
  MockScript,
  MockToolCall,
  MockUsage,
  RecordedRequest,
} from "./types.js";

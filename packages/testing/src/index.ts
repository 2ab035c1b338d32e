export type { TestTelemetry } from "./create-test-telemetry.js";
export { createTestTelemetry } from "./create-test-telemetry.js";
export {
  type DecodedOtlpExport,
  type DecodeOtlpExportOptions,
  decodeOtlpExport,
} from "./decode-otlp-export.js";
export { MOCK_REASONING_TEXT } from "./openai/hosts/adapt-chat-for-host.js";
export { createHostRoutingFetch } from "./openai/hosts/create-host-routing-fetch.js";
export { startMockLLMServer } from "./start-mock-llm-server.js";
export { startOtlpCaptureReceiver } from "./start-otlp-capture-receiver.js";
export type {
  CapturedMetric,
  CapturedMetricPoint,
  CapturedOtlpRequest,
  CapturedSpan,
  MockLLMServer,
  MockLLMServerOptions,
  MockScript,
  MockToolCall,
  MockUsage,
  OtlpCaptureReceiver,
  OtlpCaptureReceiverOptions,
  RecordedRequest,
} from "./types.js";

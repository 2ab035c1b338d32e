export type { TestTelemetry } from "./create-test-telemetry.js";
export { createTestTelemetry } from "./create-test-telemetry.js";
export {
  type DecodedOtlpExport,
  type DecodeOtlpExportOptions,
  decodeOtlpExport,
} from "./decode-otlp-export.js";
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

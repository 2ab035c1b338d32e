export {
  type DecodedOtlpExport,
  type DecodeOtlpExportOptions,
  decodeOtlpExport,
} from "./decode-otlp-export.js";
export { startOtlpCaptureReceiver } from "./start-otlp-capture-receiver.js";
export type {
  CapturedMetric,
  CapturedMetricPoint,
  CapturedOtlpRequest,
  CapturedSpan,
  OtlpCaptureReceiver,
  OtlpCaptureReceiverOptions,
} from "./types.js";

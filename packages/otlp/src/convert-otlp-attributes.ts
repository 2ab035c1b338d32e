import { isRecord } from "./is-record.js";

/** Converts an OTLP/JSON `AnyValue` to a plain JS value (`intValue` through `Number`). */
export function convertOtlpAnyValue(value: unknown): unknown {
  if (!isRecord(value)) return undefined;
  if ("stringValue" in value) return value.stringValue;
  if ("boolValue" in value) return value.boolValue;
  if ("intValue" in value) return Number(value.intValue);
  if ("doubleValue" in value) return Number(value.doubleValue);
  if ("bytesValue" in value) return value.bytesValue;
  if (isRecord(value.arrayValue)) {
    return Array.isArray(value.arrayValue.values) ? value.arrayValue.values.map(convertOtlpAnyValue) : [];
  }
  if (isRecord(value.kvlistValue)) return convertOtlpAttributes(value.kvlistValue.values);
  return undefined;
}

/** Converts an OTLP/JSON `KeyValue[]` to a record of plain JS values. */
export function convertOtlpAttributes(keyValues: unknown): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  if (!Array.isArray(keyValues)) return attributes;
  for (const keyValue of keyValues) {
    if (isRecord(keyValue) && typeof keyValue.key === "string") {
      attributes[keyValue.key] = convertOtlpAnyValue(keyValue.value);
    }
  }
  return attributes;
}

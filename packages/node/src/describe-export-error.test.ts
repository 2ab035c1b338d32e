import { describe, expect, it } from "vitest";
import { describeExportError } from "./describe-export-error.js";

describe("describeExportError", () => {
  it("names network errors by their code, even when Node left the message empty", () => {
    expect(describeExportError(Object.assign(new AggregateError([], ""), { code: "ECONNREFUSED" }))).toBe(
      "ECONNREFUSED",
    );
  });

  it("gives an HTTP status with its reason and the start of the body, on one line", () => {
    const error = Object.assign(new Error("Bad Request"), {
      code: 400,
      data: `{"error":\n "${"x".repeat(300)}"}`,
    });
    const text = describeExportError(error);
    expect(text.startsWith('HTTP 400 Bad Request: {"error": "xxx')).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(text).not.toContain("\n");
  });

  it("explains the exporter's words after retrying 429/503", () => {
    expect(describeExportError(new Error("Export failed with retryable status"))).toContain("HTTP 429");
  });
});

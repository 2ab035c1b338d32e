import { describe, expect, it } from "vitest";
import { createRedactor } from "./create-redactor.js";
import { redactContentValue } from "./redact-content-value.js";

describe("redactContentValue", () => {
  it("redacts every string, including tool-call arguments under any key, and leaves structure alone", () => {
    const counts: Record<string, number> = {};
    const value = [
      {
        role: "assistant",
        parts: [
          {
            type: "tool_call",
            id: "call_1",
            name: "lookup",
            arguments: { token: "ghp_abcdefghijklmnopqrstuvwxyz0123456789", nested: ["a@b.io"] },
          },
          {
            type: "uri",
            modality: "image",
            uri: "https://x.test/i.png?X-Amz-Signature=0123456789abcdef0123",
          },
        ],
        finish_reason: "stop",
      },
    ];
    const original = JSON.stringify(value);
    expect(redactContentValue(value, createRedactor(), counts)).toEqual([
      {
        role: "assistant",
        parts: [
          {
            type: "tool_call",
            id: "call_1",
            name: "lookup",
            arguments: { token: "[REDACTED:github_token]", nested: ["[REDACTED:email]"] },
          },
          {
            type: "uri",
            modality: "image",
            uri: "https://x.test/i.png?X-Amz-Signature=[REDACTED:signed_url]",
          },
        ],
        finish_reason: "stop",
      },
    ]);
    expect(counts).toEqual({ github_token: 1, email: 1, signed_url: 1 });
    expect(JSON.stringify(value)).toBe(original);
  });

  it("passes numbers, booleans and null through", () => {
    expect(redactContentValue({ a: 1, b: true, c: null }, createRedactor(), {})).toEqual({
      a: 1,
      b: true,
      c: null,
    });
  });
});

import { describe, expect, it } from "vitest";
import { serializeContent } from "./serialize-content.js";

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("serializeContent", () => {
  it("leaves content under the bound untouched", () => {
    const value = [{ role: "user", parts: [{ type: "text", content: "hi" }] }];
    expect(serializeContent({ value, attribute: "a", maxBytes: 1000 })).toEqual({
      json: JSON.stringify(value),
      truncated: false,
    });
  });

  it("cuts long texts to a common cap, keeps short ones whole and stays valid JSON under the bound", () => {
    const value = [
      { role: "user", parts: [{ type: "text", content: "x".repeat(3000) }] },
      { role: "assistant", parts: [{ type: "text", content: "ok" }] },
      { role: "user", parts: [{ type: "text", content: "y".repeat(900) }] },
    ];
    for (const maxBytes of [400, 1000, 2500]) {
      const result = serializeContent({ value, attribute: "a", maxBytes });
      expect(result.truncated).toBe(true);
      expect(bytes(result.json)).toBeLessThanOrEqual(maxBytes);
      const parsed = JSON.parse(result.json);
      expect(parsed[1].parts[0].content).toBe("ok");
      expect(parsed[0].parts[0].content).toMatch(/^x*…\[truncated \d+ chars\]$/);
    }
  });

  it("stays valid JSON under a bound too small for the structure", () => {
    const value = [
      { role: "user", parts: [{ type: "text", content: "x".repeat(3000) }] },
      { role: "user", parts: [{ type: "text", content: "y".repeat(900) }] },
    ];
    const result = serializeContent({ value, attribute: "a", maxBytes: 120 });
    expect(bytes(result.json)).toBeLessThanOrEqual(120);
    expect(() => JSON.parse(result.json)).not.toThrow();
  });

  it("counts multi-byte characters as bytes", () => {
    const value = [{ role: "user", parts: [{ type: "text", content: "日本語".repeat(400) }] }];
    const result = serializeContent({ value, attribute: "a", maxBytes: 300 });
    expect(bytes(result.json)).toBeLessThanOrEqual(300);
    expect(() => JSON.parse(result.json)).not.toThrow();
  });

  it("drops the oldest messages when even empty texts do not fit, and says how many", () => {
    const value = Array.from({ length: 50 }, (_, index) => ({
      role: "user",
      name: `n${index}`,
      parts: [{ type: "text", content: "" }],
    }));
    const result = serializeContent({ value, attribute: "a", maxBytes: 400 });
    const parsed = JSON.parse(result.json);
    expect(bytes(result.json)).toBeLessThanOrEqual(400);
    expect(parsed[0].role).toBe("_truncated");
    expect(parsed.at(-1).name).toBe("n49");
  });

  it("runs the redaction hook on every text with the role, before truncation", () => {
    const seen: (string | undefined)[] = [];
    const value = [
      { role: "system", parts: [{ type: "text", content: "key sk-123" }] },
      { role: "user", parts: [{ type: "tool_call_response", response: "sk-456" }] },
    ];
    const result = serializeContent({
      value,
      attribute: "gen_ai.input.messages",
      maxBytes: 1000,
      redact: (text, info) => {
        seen.push(info.role);
        return text.replaceAll(/sk-\d+/g, "[key]");
      },
    });
    expect(result.json).not.toContain("sk-");
    expect(seen).toContain("system");
    expect(seen).toContain("user");
  });
});

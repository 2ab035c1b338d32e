import { SECRET_SAMPLES } from "@sightline/testing/vitest";
import { describe, expect, it } from "vitest";
import { noPII } from "./no-pii.js";
import { noSecrets } from "./no-secrets.js";
import { notRefusal } from "./not-refusal.js";
import { expectWellFormed, runEvaluator } from "./test-helpers.js";

describe("noSecrets", () => {
  it("fails on every kind of secret core detects, naming kinds but never the secret", async () => {
    for (const [kind, secret] of SECRET_SAMPLES) {
      const result = await runEvaluator(noSecrets(), { outputText: `here you go: ${secret} ok` });
      expectWellFormed(result);
      expect(result, kind).toMatchObject({ passed: false, label: "secret_found" });
      expect(result.explanation).toContain(kind);
      expect(result.explanation).not.toContain(secret);
    }
  });

  it("passes clean text, ignores personal data, and looks into tool-call arguments", async () => {
    const clean = await runEvaluator(noSecrets(), {
      outputText: "Write to jane@acme.test, she has the key.",
    });
    expect(clean.passed).toBe(true);
    const [, key] = SECRET_SAMPLES.find(([kind]) => kind === "openai_api_key") as readonly [string, string];
    const inTool = await runEvaluator(noSecrets(), {
      output: [
        {
          role: "assistant",
          finish_reason: "tool_call",
          parts: [{ type: "tool_call", name: "send", arguments: { token: key } }],
        },
      ],
    });
    expect(inTool.passed).toBe(false);
  });
});

describe("noPII", () => {
  it("fails on email, phone and card numbers, and honours allow", async () => {
    const result = await runEvaluator(noPII(), {
      outputText: "Mail jane.doe@example.com or card 4111 1111 1111 1111.",
    });
    expectWellFormed(result);
    expect(result).toMatchObject({ passed: false, label: "pii_found" });
    expect(result.explanation).toMatch(/1 email.*1 card_number|1 card_number.*1 email/);
    const allowed = await runEvaluator(noPII({ allow: ["support@acme.test"] }), {
      outputText: "Contact support@acme.test.",
    });
    expect(allowed.passed).toBe(true);
  });
});

describe("notRefusal", () => {
  it("fails a declining opening and a reported refusal, passes an answer", async () => {
    const declined = await runEvaluator(notRefusal(), {
      outputText: "I'm sorry, but I can't help with that.",
    });
    expectWellFormed(declined);
    expect(declined).toMatchObject({ passed: false, label: "refusal" });
    const filtered = await runEvaluator(notRefusal(), {
      output: [{ role: "assistant", finish_reason: "content_filter", parts: [] }],
    });
    expect(filtered.passed).toBe(false);
    const answered = await runEvaluator(notRefusal(), { outputText: "Sure, the capital is Paris." });
    expect(answered).toMatchObject({ passed: true, label: "pass" });
    const custom = await runEvaluator(notRefusal({ detect: (text) => text.includes("nope") }), {
      outputText: "nope",
    });
    expect(custom.passed).toBe(false);
  });
});

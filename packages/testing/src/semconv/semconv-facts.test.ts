import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SEMCONV_FACTS } from "./semconv-facts.js";

describe("SEMCONV_FACTS", () => {
  it("says where it came from and holds what the checker needs", () => {
    const raw = JSON.parse(readFileSync(new URL("./semconv-facts.json", import.meta.url), "utf8"));
    expect(raw.$comment).toContain("scripts/build-semconv-facts.mjs");
    expect(SEMCONV_FACTS.version).toBe("1.41.1");
    expect(SEMCONV_FACTS.attributes["gen_ai.usage.input_tokens"]).toEqual({ type: "int" });
    expect(SEMCONV_FACTS.attributes["gen_ai.token.type"]?.members).toEqual(["input", "output"]);
    expect(SEMCONV_FACTS.spans["span.gen_ai.inference.client"]).toMatchObject({
      kind: "client",
      name: "{gen_ai.operation.name} {gen_ai.request.model}",
      attributes: { "gen_ai.provider.name": { requirement: "required" } },
    });
    expect(SEMCONV_FACTS.metrics["gen_ai.client.token.usage"]).toMatchObject({
      instrument: "histogram",
      unit: "{token}",
    });
    expect(Object.keys(SEMCONV_FACTS.schemas)).toEqual([
      "gen_ai.input.messages",
      "gen_ai.output.messages",
      "gen_ai.system_instructions",
      "gen_ai.tool.definitions",
    ]);
  });
});

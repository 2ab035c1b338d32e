import { expect, it } from "vitest";
import { runDemo } from "./run-demo.js";

it("the demo prints one span per call, with tokens, stream outcome and the 429", async () => {
  const output = await runDemo({ write: () => {}, color: false });
  expect(output).toContain("chat gpt-4o-mini");
  expect(output).toMatch(/tokens\s+14 in \(4 cached\), 8 out/);
  expect(output).toMatch(/stream\s+completed/);
  expect(output).toContain("embeddings text-embedding-3-small");
  expect(output).toMatch(/error\s+RateLimitError/);
  expect(output).toContain("caller caught: RateLimitError");
  expect(output.match(/^chat |^embeddings /gm)).toHaveLength(5);
});

import { expect, it } from "vitest";
import { runDemo } from "./run-demo.js";

it("runs every scene offline, shows each call in sightline dev's view, and ends by itself", async () => {
  const output = await runDemo({ write: () => {}, env: {}, color: false });
  expect(output).toContain("local mock server");
  expect(output).toMatch(
    /└─ scene 1: chat .*\n {3}└─ chat gpt-4o-mini → gpt-4o-mini-2026-01-01 .*tokens 14 in \(4 cached\) \/ 8 out/,
  );
  expect(output).toMatch(/└─ chat gpt-4o-mini → \S+ {2}\d+\.\d ms {2}first chunk \d+\.\d ms/);
  // Scene 3's children: the tool-calling chat, the tool, and the answering chat (their order follows
  // start times, which can tie at the clock's resolution, so only membership is checked).
  const toolScene = output.slice(output.indexOf("scene 3: tools"), output.indexOf("▸ 4"));
  expect(toolScene).toMatch(/[├└]─ chat .*finish tool_calls/);
  expect(toolScene).toMatch(/[├└]─ tool get_weather/);
  expect(toolScene).toMatch(/[├└]─ chat .*finish stop/);
  expect(output).toMatch(/└─ embeddings text-embedding-3-small .*tokens 8 in/);
  expect(output).toContain("the app caught RateLimitError, the SDK's own error object");
  expect(output).toMatch(/✗ RateLimitError: 429/);
  const behaviourChange = output.slice(output.indexOf("▸ 6"));
  expect(behaviourChange.match(/chat gpt-4o-mini → gpt-4o-mini-2026-01-01 /g)).toHaveLength(8);
  expect(behaviourChange.match(/chat gpt-4o-mini → gpt-4o-mini-2026-09-01 /g)).toHaveLength(4);
  expect(output).toMatch(/summary per model.*\nmodel\s+calls\s+errors/);
  expect(output).toMatch(/\ngpt-4o-mini-2026-09-01\s+4\s+0\s/);
  expect(output).toMatch(/received 25 spans and \d+ metric points/);
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { SUPPORT_BUDGET } from "./create-demo-governance.js";
import { runDemo } from "./run-demo.js";

// One demo per test file: `init` registers the process-wide tracer provider once, so each file (a process of
// its own) runs one.
// The store goes to a folder of the test's own: a test never writes to the user's sightline dev store.
const folder = mkdtempSync(join(tmpdir(), "sightline-demo-test-"));
const env = { SIGHTLINE_DEV_STORE: join(folder, "dev.sqlite") };
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it("runs every scene offline, shows each call in sightline dev's view, and ends by itself", async () => {
  const output = await runDemo({ write: () => {}, env, color: false });
  expect(output).toContain("local mock server");
  expect(output).toMatch(/ {2}web UI {5}\S/);
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
  const behaviourChange = output.slice(output.indexOf("▸ 6"), output.indexOf("▸ 7"));
  expect(behaviourChange.match(/chat gpt-4o-mini → gpt-4o-mini-2026-01-01 /g)).toHaveLength(8);
  expect(behaviourChange.match(/chat gpt-4o-mini → gpt-4o-mini-2026-09-01 /g)).toHaveLength(4);
  const conversation = output.slice(output.indexOf("▸ 7"), output.indexOf("▸ 8"));
  expect(conversation.match(/└─ scene 7: support turn \d/g)).toHaveLength(3);
  expect(conversation).toContain(`budget ${SUPPORT_BUDGET}: 680 of 800 tokens this day (fixed, UTC) (85%)`);
  const drift = output.slice(output.indexOf("▸ 8"));
  expect(drift).toMatch(/⚑ sightline\.drift output_tokens {2}detector=cusum .*direction=up/);
  expect(output).toMatch(/summary per model.*\nmodel\s+calls\s+errors/);
  expect(output).toMatch(/\ngpt-4o-mini-2026-09-01\s+4\s+0\s/);
  // 25 spans of scenes 1-6, 3 turns of 2 spans, and scene 8's root with its 36 calls.
  expect(output).toMatch(/received 68 spans and \d+ metric points/);
  expect(output).toMatch(/\n(look at these traces again|nothing was kept)/);
});

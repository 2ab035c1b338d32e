import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runDemo } from "./run-demo.js";

// The store goes to a folder of the test's own: a test never writes to the user's sightline dev store.
const folder = mkdtempSync(join(tmpdir(), "sightline-demo-stay-test-"));
const env = { SIGHTLINE_DEV_STORE: join(folder, "dev.sqlite") };
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it("with SIGHTLINE_DEMO_STAY=1 keeps sightline dev serving after the story until stopped", async () => {
  const controller = new AbortController();
  const printed: string[] = [];
  const running = runDemo({
    write: (text) => void printed.push(text),
    env: { ...env, SIGHTLINE_DEMO_STAY: "1" },
    color: false,
    signal: controller.signal,
  });
  await expect.poll(() => printed.join(""), { timeout: 20_000 }).toContain("until Ctrl-C");
  const url = /telemetry {2}traces → (http:\/\/127\.0\.0\.1:\d+)/.exec(printed.join(""))?.[1];
  // Still listening: an empty export is accepted.
  const response = await fetch(`${url}/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  expect(response.status).toBe(200);
  controller.abort();
  expect(await running).toContain("summary per model");
});

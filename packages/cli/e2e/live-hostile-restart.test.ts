import { afterAll, beforeAll, expect, it } from "vitest";
import {
  createHostileSpans,
  HOSTILE_DEPTH,
  HOSTILE_SCRIPT,
  HUGE_VALUE_LENGTH,
} from "./create-hostile-spans.js";
import { type DemoSession, openDemoStore } from "./open-demo-store.js";
import { postOtlpJson, randomHexId } from "./post-otlp-json.js";
import { startDevProcess } from "./start-dev-process.js";

// What arrives while the page is open, what an attacker could export, and what survives a restart of the
// real command on the same store file.
let session: DemoSession;
const liveName = `live span ${randomHexId(4)}`;
let hostileTraceId = "";

beforeAll(async () => {
  session = await openDemoStore();
});

afterAll(async () => {
  await session?.close();
});

const rowNames = () =>
  session.launched.page.$$eval('[data-testid="trace-row"] .cell-name a', (links) =>
    links.map((link) => link.textContent ?? ""),
  );

it("shows a newly exported trace in the open list without a reload", async () => {
  const { page } = session.launched;
  await page.goto(`${session.dev.uiUrl}#/`);
  await expect.poll(rowNames).toHaveLength(session.printed.traces.length);
  // A marker on the window: a reload would drop it.
  await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
  await postOtlpJson({
    url: session.dev.url,
    spans: [
      {
        traceId: randomHexId(16),
        spanId: randomHexId(8),
        name: liveName,
        startMs: Date.now(),
        durationMs: 5,
        attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "live-model" },
      },
    ],
  });
  await expect.poll(rowNames, { timeout: 10_000 }).toContain(liveName);
  expect(await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expect
    .poll(() => page.textContent('[data-testid="trace-count"]'))
    .toBe(`${session.printed.traces.length + 1} traces`);
});

it("serves the page under a strict Content-Security-Policy", async () => {
  const response = await session.launched.page.goto(`${session.dev.uiUrl}`);
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).not.toContain("unsafe-eval");
});

it("shows a hostile trace as text: nothing runs, the page still works", async () => {
  const { page } = session.launched;
  const hostile = createHostileSpans({ now: Date.now() });
  hostileTraceId = hostile.traceId;
  await postOtlpJson({ url: session.dev.url, spans: hostile.spans });
  await page.goto(`${session.dev.uiUrl}#/`);
  // 2,002 spans and a 1 MB value are stored in a few batches: give them time.
  await expect.poll(rowNames, { timeout: 20_000 }).toContainEqual(expect.stringContaining("hostile root"));
  const rootName = (await rowNames()).find((name) => name.startsWith("hostile root"));
  expect(rootName).toContain(HOSTILE_SCRIPT);

  await page.goto(`${session.dev.uiUrl}#/trace/${hostileTraceId}`);
  await page.waitForSelector('[data-testid="waterfall"]', { timeout: 20_000 });
  // The UI draws every span (no cap): the root, the GenAI call and the whole chain, nested to the end.
  expect(await page.locator('[data-testid="span-row"]').count()).toBe(HOSTILE_DEPTH + 2);
  const deepest = page.locator(`[data-testid="span-row"][data-depth="${HOSTILE_DEPTH}"]`);
  expect(await deepest.count()).toBe(1);

  // The details open on the GenAI call: its 1 MB attribute shows 2,000 characters and a toggle; "show all"
  // then shows the UI's cap (200,000 characters), with a note that the value was cut rather than silently.
  const details = page.locator('[data-testid="details-panel"]');
  const toggle = details
    .locator('[data-testid="attribute-table"] tr', { hasText: "huge.value" })
    .locator('[data-testid="show-all"]');
  await expect(toggle.textContent()).resolves.toMatch(/^show all \([\d,]+ characters\)$/);
  const hugeText = () => toggle.evaluate((button) => button.previousElementSibling?.textContent ?? "");
  expect((await hugeText()).length).toBeLessThan(10_000);
  await toggle.click();
  const expanded = await hugeText();
  expect(expanded.length).toBeGreaterThan(100_000);
  expect(expanded.length).toBeLessThan(HUGE_VALUE_LENGTH);
  expect(expanded).toMatch(/… \[cut at [\d,]+ characters\]$/);
  await expect(toggle.textContent()).resolves.toBe("show less");

  // The captured messages are drawn as chat bubbles, the markup in them as text.
  const conversation = details.locator('[data-testid="span-conversation"]');
  await expect(conversation.locator('[data-testid="bubble-user"]').first().textContent()).resolves.toContain(
    HOSTILE_SCRIPT,
  );
  await expect(conversation.textContent()).resolves.toContain("javascript:window.__pwned=1");

  // The markup is on the page as text, and none of it became elements.
  await expect(details.textContent()).resolves.toContain(HOSTILE_SCRIPT);
  expect(await page.locator('img[src="x"], a[href^="javascript:"], main script').count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(session.launched.dialogs).toEqual([]);
  expect(session.launched.pageErrors).toEqual([]);

  // Still a working app: back to the list by its link.
  await page.click(".back-link");
  await expect.poll(rowNames).toContain(liveName);
  expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

it("keeps every trace across a restart of sightline dev on the same store", async () => {
  const { page } = session.launched;
  const code = await session.dev.stop();
  expect(code).toBe(0);
  session.dev = await startDevProcess({ args: ["--store", session.storePath] });
  await page.goto(`${session.dev.uiUrl}#/`);
  const expected = session.printed.traces.length + 2;
  await expect.poll(rowNames).toHaveLength(expected);
  const names = await rowNames();
  expect(names).toContain(liveName);
  expect(names).toContain("scene 1: chat");
  expect(names.some((name) => name.startsWith("hostile root"))).toBe(true);
  await page.goto(`${session.dev.uiUrl}#/trace/${hostileTraceId}`);
  await page.waitForSelector('[data-testid="waterfall"]', { timeout: 20_000 });
  expect(await page.locator('[data-testid="span-row"]').count()).toBe(HOSTILE_DEPTH + 2);
});

it("with --no-ui serves no page but still receives OTLP", async () => {
  const terminalOnly = await startDevProcess({ args: ["--no-ui"] });
  try {
    expect(terminalOnly.uiUrl).toBeUndefined();
    const page = await fetch(`${terminalOnly.url}/`);
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type") ?? "").not.toContain("text/html");
    const api = await fetch(`${terminalOnly.url}/api/traces`);
    expect(api.status).toBe(404);
    await postOtlpJson({
      url: terminalOnly.url,
      spans: [
        {
          traceId: randomHexId(16),
          spanId: randomHexId(8),
          name: "terminal only",
          startMs: Date.now(),
          durationMs: 3,
          attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "terminal-model" },
        },
      ],
    });
    // The terminal view prints the trace once it has settled: proof that OTLP was received.
    await expect.poll(() => terminalOnly.output(), { timeout: 10_000 }).toContain("terminal only");
  } finally {
    await terminalOnly.stop();
  }
});

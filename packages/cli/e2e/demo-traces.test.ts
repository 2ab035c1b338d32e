import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type DemoSession, openDemoStore, SCREENSHOT_FOLDER } from "./open-demo-store.js";

// The demo's story as the web UI shows it, served by a separate `sightline dev --store` process after the
// demo's own server has closed: what is compared comes from the demo's printed terminal view.
let session: DemoSession;

beforeAll(async () => {
  session = await openDemoStore();
  mkdirSync(SCREENSHOT_FOLDER, { recursive: true });
});

afterAll(async () => {
  await session?.close();
});

const rowNames = () =>
  session.launched.page.$$eval('[data-testid="trace-row"] .cell-name a', (links) =>
    links.map((link) => link.textContent),
  );
const row = (name: string) => session.launched.page.locator('[data-testid="trace-row"]', { hasText: name });

it("lists every trace the demo printed, with the error, drift and model-change badges", async () => {
  const { page } = session.launched;
  const printed = session.printed.traces;
  expect(printed).toHaveLength(10);
  await page.goto(`${session.dev.uiUrl}#/`);
  await expect.poll(rowNames).toHaveLength(printed.length);
  expect((await rowNames()).sort()).toEqual(printed.map((trace) => trace.rootName).sort());
  await expect(page.textContent('[data-testid="trace-count"]')).resolves.toBe(`${printed.length} traces`);

  const erroring = printed.filter((trace) => trace.hasError).map((trace) => trace.rootName);
  expect(erroring).toEqual(["scene 5: error"]);
  expect(await page.locator('[data-testid="trace-row"]:has([data-testid="badge-error"])').count()).toBe(1);
  expect(await row("scene 5: error").locator('[data-testid="badge-error"]').count()).toBe(1);
  expect(await row("scene 8: drift").locator('[data-testid="badge-drift"]').count()).toBe(1);
  expect(await page.locator('[data-testid="badge-drift"]').count()).toBe(1);
  expect(await row("scene 6: behaviour change").locator('[data-testid="badge-model-change"]').count()).toBe(
    1,
  );
  expect(await page.locator('[data-testid="badge-model-change"]').count()).toBe(1);
  await page.screenshot({ path: join(SCREENSHOT_FOLDER, "traces.png") });
});

it("opens the tool round trip as a waterfall with its GenAI calls marked and the tool call named", async () => {
  const { page } = session.launched;
  const printed = session.printed.traces.find((trace) => trace.rootName === "scene 3: tools");
  await page.goto(`${session.dev.uiUrl}#/`);
  await row("scene 3: tools").locator("a").click();
  await page.waitForSelector('[data-testid="waterfall"]');
  expect(await page.locator('[data-testid="span-row"]').count()).toBe(printed?.spanCount);
  expect(await page.locator('[data-testid="span-row"].span-genai').count()).toBe(printed?.modelCalls);
  expect(await page.locator('[data-testid="span-row"] .genai-marker').count()).toBe(printed?.modelCalls);
  // The details open on the first GenAI call, the one that asked for the tool.
  await expect
    .poll(() => page.locator('[data-testid="details-panel"] [data-testid="tool-call"]').first().textContent())
    .toContain("get_weather");
  expect(session.launched.pageErrors).toEqual([]);
});

it("shows a support turn's conversation: the user's message with the redaction marked, and the reply", async () => {
  const { page } = session.launched;
  await page.goto(`${session.dev.uiUrl}#/`);
  await row("scene 7: support turn 1").locator("a").click();
  const conversation = page.locator('[data-testid="details-panel"] [data-testid="span-conversation"]');
  await conversation.waitFor();
  const user = conversation.locator('[data-testid="bubble-user"]');
  await expect(user.locator('[data-testid="redaction-marker"]').textContent()).resolves.toBe(
    "[REDACTED:email]",
  );
  await expect(user.textContent()).resolves.toContain("my order #1042 has not arrived");
  await expect(conversation.locator('[data-testid="bubble-assistant"]').textContent()).resolves.toContain(
    "Order #1042 left our warehouse on Monday",
  );
  // The address the demo typed never reached the store, so it is nowhere on the page.
  await expect(page.textContent("body")).resolves.not.toContain("ana.silva@example.com");
  expect(await page.locator('[data-testid="span-row"]').count()).toBeGreaterThan(0);
  // The screenshot shows the waterfall beside the conversation, not the facts above it.
  await page.locator('[data-testid="details-conversation"]').evaluate((section) => section.scrollIntoView());
  await page.screenshot({ path: join(SCREENSHOT_FOLDER, "trace.png") });
});

it("shows the support conversation's turns in order", async () => {
  const { page } = session.launched;
  const turns = session.printed.traces.filter((trace) => trace.scene === 7);
  expect(turns).toHaveLength(3);
  await page.goto(`${session.dev.uiUrl}#/conversations`);
  await page
    .locator('[data-testid="conversation-row"]', { hasText: "support-1042" })
    .locator("a")
    .first()
    .click();
  await page.waitForSelector('[data-testid="conversation-call"]');
  const calls = page.locator('[data-testid="conversation-call"]');
  expect(await calls.count()).toBe(turns.length);
  const texts = await calls.allTextContents();
  ["has not arrived", "tracking link", "change the delivery address"].forEach((question, index) => {
    expect(texts[index]).toContain(question);
  });
  expect(texts[2]).toContain("until it is out for delivery");
  await page.screenshot({ path: join(SCREENSHOT_FOLDER, "conversation.png") });
  expect(session.launched.pageErrors).toEqual([]);
  expect(session.launched.dialogs).toEqual([]);
});

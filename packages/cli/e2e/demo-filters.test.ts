import { afterAll, beforeAll, expect, it } from "vitest";
import { type DemoSession, openDemoStore } from "./open-demo-store.js";
import { postOtlpJson, randomHexId } from "./post-otlp-json.js";
import type { PrintedTrace } from "./read-demo-output.js";

// Each filter of the trace list against the demo's store: the expected counts come from the demo's printed
// traces (and what its scenes are known to set), never from the API the page calls.
let session: DemoSession;
let printed: PrintedTrace[];

beforeAll(async () => {
  session = await openDemoStore();
  printed = session.printed.traces;
});

afterAll(async () => {
  await session?.close();
});

const shownRows = () => session.launched.page.locator('[data-testid="trace-row"]').count();
const shownCount = () => session.launched.page.textContent('[data-testid="trace-count"]');
const plural = (count: number) => `${count} trace${count === 1 ? "" : "s"}`;

async function expectShown(count: number): Promise<void> {
  await expect.poll(shownRows).toBe(count);
  await expect.poll(shownCount).toBe(plural(count));
}

async function openUnfiltered(): Promise<void> {
  await session.launched.page.goto(`${session.dev.uiUrl}#/`);
  await expectShown(printed.length);
}

async function clearFilters(): Promise<void> {
  await session.launched.page.click('[data-testid="filter-clear"]');
  await expectShown(printed.length);
  expect(session.launched.page.url()).toMatch(/#\/$/);
}

const withModel = (model: string) =>
  printed.filter((trace) => trace.lines.some((line) => line.includes(`→ ${model} `)));

it("narrows by response model, and a reload keeps the filter in the hash", async () => {
  const { page } = session.launched;
  await openUnfiltered();
  for (const model of ["gpt-4o-mini-2026-09-01", "gpt-4o-mini-2026-01-01"]) {
    const expected = withModel(model).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(printed.length);
    await page.selectOption('[data-testid="filter-model"]', model);
    await expectShown(expected);
  }
  expect(page.url()).toContain("model=gpt-4o-mini-2026-01-01");
  await page.reload();
  await expectShown(withModel("gpt-4o-mini-2026-01-01").length);
  await expect(page.inputValue('[data-testid="filter-model"]')).resolves.toBe("gpt-4o-mini-2026-01-01");
  await clearFilters();
});

it("narrows by feature and by conversation (scene 7's turns, scene 1's chat)", async () => {
  const { page } = session.launched;
  await openUnfiltered();
  const supportTurns = printed.filter((trace) => trace.scene === 7).length;
  await page.selectOption('[data-testid="filter-feature"]', "support-chat");
  await expectShown(supportTurns);
  await page.selectOption('[data-testid="filter-feature"]', "refund-bot");
  await expectShown(printed.filter((trace) => trace.scene === 6).length);
  await clearFilters();
  await page.selectOption('[data-testid="filter-conversation"]', "support-1042");
  await expectShown(supportTurns);
  await page.selectOption('[data-testid="filter-conversation"]', "demo-1");
  await expectShown(printed.filter((trace) => trace.scene === 1).length);
  await clearFilters();
});

it("narrows to errors only, by search text and by minimum cost, and a reload keeps them", async () => {
  const { page } = session.launched;
  await openUnfiltered();
  await page.selectOption('[data-testid="filter-errors"]', "only");
  await expectShown(printed.filter((trace) => trace.hasError).length);
  await clearFilters();

  await page.fill('[data-testid="filter-q"]', "support turn");
  await expectShown(printed.filter((trace) => trace.rootName.includes("support turn")).length);
  await page.fill('[data-testid="filter-q"]', "tools");
  await expectShown(printed.filter((trace) => trace.rootName.includes("tools")).length);
  await clearFilters();

  // No trace's printed total is near 0.0001, so rounding in the terminal view cannot flip a row.
  const minimum = 0.0001;
  const expected = printed.filter((trace) => trace.costUsd >= minimum).length;
  expect(expected).toBeGreaterThan(0);
  await page.fill('[data-testid="filter-min-cost"]', String(minimum));
  await expectShown(expected);
  await page.selectOption('[data-testid="filter-errors"]', "none");
  await expectShown(printed.filter((trace) => trace.costUsd >= minimum && !trace.hasError).length);
  // The hash is written after the typing debounce; reload once it holds both filters.
  await expect.poll(() => page.url()).toMatch(/minCostUsd=0\.0001.*errors=none/);
  await page.reload();
  await expectShown(expected);
  await expect(page.inputValue('[data-testid="filter-min-cost"]')).resolves.toBe(String(minimum));
  await expect(page.inputValue('[data-testid="filter-errors"]')).resolves.toBe("none");
  await clearFilters();
});

it("narrows by time range: a trace from two days ago is in 'all time' only", async () => {
  const { page } = session.launched;
  const twoDaysAgo = Date.now() - 2 * 86_400_000;
  const traceId = randomHexId(16);
  await postOtlpJson({
    url: session.dev.url,
    spans: [{ traceId, spanId: randomHexId(8), name: "an old trace", startMs: twoDaysAgo, durationMs: 12 }],
  });
  await page.goto(`${session.dev.uiUrl}#/`);
  await expectShown(printed.length + 1);
  await page.selectOption('[data-testid="filter-range"]', "24h");
  await expectShown(printed.length);
  await page.selectOption('[data-testid="filter-range"]', "7d");
  await expectShown(printed.length + 1);
  await page.selectOption('[data-testid="filter-range"]', "15m");
  await expectShown(printed.length);
  await page.reload();
  await expect(page.inputValue('[data-testid="filter-range"]')).resolves.toBe("15m");
  await expectShown(printed.length);
  expect(session.launched.pageErrors).toEqual([]);
});
